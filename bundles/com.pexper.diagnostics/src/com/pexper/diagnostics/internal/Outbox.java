package com.pexper.diagnostics.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.pexper.diagnostics.PendingReport;
import com.pexper.model.io.AtomicFile;

/**
 * The reports waiting to leave, one file per Sentry envelope in {@code PEXPER_HOME/diagnostics/outbox},
 * named {@code <epoch millis>-<kind>-<random>.envelope} so that the oldest sorts first. Bounded: a
 * report older than {@link #MAX_AGE} is deleted, and past {@link #MAX_REPORTS} reports or
 * {@link #MAX_BYTES} the oldest go first. Files are written whole ({@link AtomicFile}).
 */
final class Outbox {

    static final Duration MAX_AGE = Duration.ofDays(90);
    static final int MAX_REPORTS = 100;
    static final long MAX_BYTES = 4L << 20;

    private static final Pattern NAME = Pattern.compile("(\\d{1,19})-([a-z]+)-[0-9a-f]+\\.envelope");

    private final Path diagnostics;
    private final Path folder;

    /** @param diagnostics {@code PEXPER_HOME/diagnostics}, made only when a report is first kept */
    Outbox(Path diagnostics) {
        this.diagnostics = diagnostics;
        this.folder = diagnostics.resolve("outbox");
    }

    Path folder() {
        return folder;
    }

    synchronized void add(String kind, byte[] envelope, Instant now) throws IOException {
        byte[] random = new byte[6];
        ThreadLocalRandom.current().nextBytes(random);
        String name = now.toEpochMilli() + "-" + kind + "-" + HexFormat.of().formatHex(random) + ".envelope";
        AtomicFile.write(folder.resolve(name), envelope, AtomicFile.Existing.FAIL);
        trim(now);
    }

    /** The reports, oldest first; files that are not reports (a temporary one left by a crash) are skipped. */
    synchronized List<Path> files() throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, "*.envelope")) {
            for (Path entry : entries) {
                if (NAME.matcher(entry.getFileName().toString()).matches()) {
                    files.add(entry);
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        }
        files.sort(Comparator.comparingLong((Path p) -> created(p).toEpochMilli()).thenComparing(Path::toString));
        return files;
    }

    synchronized List<PendingReport> read() throws IOException {
        List<PendingReport> reports = new ArrayList<>();
        for (Path file : files()) {
            try {
                Matcher m = NAME.matcher(file.getFileName().toString());
                m.matches();
                reports.add(new PendingReport(file.getFileName().toString(), m.group(2), created(file),
                        Files.readString(file, StandardCharsets.UTF_8)));
            } catch (NoSuchFileException e) {
                // sent meanwhile
            }
        }
        return reports;
    }

    /** Deletes what is too old, then the oldest while there are too many or they take too much room. */
    synchronized void trim(Instant now) throws IOException {
        List<Path> files = new ArrayList<>(files());
        long bytes = 0;
        for (Path file : List.copyOf(files)) {
            if (created(file).isBefore(now.minus(MAX_AGE))) {
                Files.deleteIfExists(file);
                files.remove(file);
            } else {
                bytes += size(file);
            }
        }
        while (!files.isEmpty() && (files.size() > MAX_REPORTS || bytes > MAX_BYTES)) {
            Path oldest = files.remove(0);
            bytes -= size(oldest);
            Files.deleteIfExists(oldest);
        }
    }

    synchronized void delete(Path report) throws IOException {
        Files.deleteIfExists(report);
    }

    /** Deletes every report and the diagnostics folder itself; returns how many reports there were. */
    synchronized int clear() throws IOException {
        int count = files().size();
        if (Files.exists(diagnostics)) {
            try (var walk = Files.walk(diagnostics)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
        return count;
    }

    static Instant created(Path report) {
        Matcher m = NAME.matcher(report.getFileName().toString());
        return m.matches() ? Instant.ofEpochMilli(Long.parseLong(m.group(1))) : Instant.EPOCH;
    }

    private static long size(Path file) throws IOException {
        try {
            return Files.size(file);
        } catch (NoSuchFileException e) {
            return 0;
        }
    }
}
