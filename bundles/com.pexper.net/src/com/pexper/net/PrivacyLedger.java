package com.pexper.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The local record of every request Pexper sends: one JSON line per request in
 * {@code ledger.jsonl}, rotated to {@code ledger.1.jsonl} ... {@code ledger.N.jsonl} when it grows
 * past a size, the oldest dropped. Lines carry no content (see {@link LedgerEntry}). Appends are
 * whole lines; a line cut by a crash is skipped when reading.
 */
public final class PrivacyLedger {

    public static final long DEFAULT_MAX_BYTES = 2L << 20;
    public static final int DEFAULT_KEEP = 4;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path folder;
    private final long maxBytes;
    private final int keep;

    /**
     * @param maxBytes the size past which the current file is rotated
     * @param keep how many rotated files are kept
     */
    public PrivacyLedger(Path folder, long maxBytes, int keep) {
        if (maxBytes < 1 || keep < 0) {
            throw new IllegalArgumentException("maxBytes >= 1 and keep >= 0");
        }
        this.folder = folder;
        this.maxBytes = maxBytes;
        this.keep = keep;
    }

    public PrivacyLedger(Path folder) {
        this(folder, DEFAULT_MAX_BYTES, DEFAULT_KEEP);
    }

    public Path folder() {
        return folder;
    }

    public synchronized void record(LedgerEntry entry) {
        ObjectNode line = toJson(entry);
        byte[] bytes;
        try {
            bytes = (JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        try {
            Files.createDirectories(folder);
            Path current = file(0);
            if (Files.exists(current) && Files.size(current) + bytes.length > maxBytes) {
                rotate();
            }
            Files.write(current, bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the privacy ledger in " + folder + ": " + e.getMessage(), e);
        }
    }

    /** An entry as the ledger file holds it (and {@code pexper ledger --json} prints it). */
    public static ObjectNode toJson(LedgerEntry entry) {
        ObjectNode line = JSON.createObjectNode();
        line.put("time", entry.time().toString());
        line.put("provider", entry.provider());
        line.put("host", entry.host());
        line.put("port", entry.port());
        line.put("method", entry.method());
        line.put("path", entry.path());
        line.put("status", entry.status());
        line.put("outcome", entry.outcome());
        line.put("bytesOut", entry.bytesOut());
        line.put("bytesIn", entry.bytesIn());
        line.put("durationMillis", entry.durationMillis());
        return line;
    }

    /** The entries at or after {@code since}, oldest first. */
    public synchronized List<LedgerEntry> read(Instant since) throws IOException {
        List<LedgerEntry> entries = new ArrayList<>();
        for (int i = keep; i >= 0; i--) {
            Path file = file(i);
            if (!Files.exists(file)) {
                continue;
            }
            for (String text : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                LedgerEntry entry = parse(text);
                if (entry != null && !entry.time().isBefore(since)) {
                    entries.add(entry);
                }
            }
        }
        return entries;
    }

    private static LedgerEntry parse(String text) {
        try {
            JsonNode n = JSON.readTree(text);
            return new LedgerEntry(Instant.parse(n.path("time").asText()), n.path("provider").asText(),
                    n.path("host").asText(), n.path("port").asInt(), n.path("method").asText(), n.path("path").asText(),
                    n.path("status").asInt(), n.path("outcome").asText(), n.path("bytesOut").asLong(),
                    n.path("bytesIn").asLong(), n.path("durationMillis").asLong());
        } catch (IOException | RuntimeException e) {
            return null; // a line cut short by a crash
        }
    }

    private void rotate() throws IOException {
        if (keep == 0) {
            Files.delete(file(0));
            return;
        }
        Files.deleteIfExists(file(keep));
        for (int i = keep - 1; i >= 0; i--) {
            if (Files.exists(file(i))) {
                Files.move(file(i), file(i + 1), StandardCopyOption.ATOMIC_MOVE);
            }
        }
    }

    private Path file(int generation) {
        return folder.resolve(generation == 0 ? "ledger.jsonl" : "ledger." + generation + ".jsonl");
    }
}
