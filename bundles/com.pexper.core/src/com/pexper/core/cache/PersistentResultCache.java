package com.pexper.core.cache;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pexper.core.data.FileStamp;
import com.pexper.core.data.Value;
import com.pexper.model.io.AtomicFile;

/**
 * A memory cache that is loaded from and saved to a file, so that results survive between runs of
 * the same workflow in separate processes. Only values that can be written out are saved (an
 * image, say, is not). The file is a cache: if it is unreadable it is ignored and rewritten.
 */
public final class PersistentResultCache implements ResultCache {

    private static final int FORMAT = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final System.Logger LOG = System.getLogger(PersistentResultCache.class.getName());

    private final Path file;
    private final MemoryResultCache memory;
    /** Whether results were added since the file was last written. */
    private final AtomicBoolean changed = new AtomicBoolean();

    private PersistentResultCache(Path file, MemoryResultCache memory) {
        this.file = file;
        this.memory = memory;
    }

    /** Opens the cache kept in this file, empty if the file does not exist or cannot be read. */
    public static PersistentResultCache open(Path file, long maxBytes) {
        if (file.getParent() != null) {
            AtomicFile.removeAbandoned(file.getParent()); // what a save killed midway left
        }
        MemoryResultCache memory = new MemoryResultCache(maxBytes);
        try {
            JsonNode root = MAPPER.readTree(Files.readAllBytes(file));
            if (root != null && root.path("format").asInt() == FORMAT) {
                for (JsonNode entry : root.path("entries")) {
                    Map<String, Value> outputs = new HashMap<>();
                    for (Map.Entry<String, JsonNode> output : entry.path("outputs").properties()) {
                        outputs.put(output.getKey(), ValueCodec.read(output.getValue(), MAPPER));
                    }
                    java.util.List<FileStamp> stamps = new java.util.ArrayList<>();
                    for (JsonNode stamp : entry.path("files")) {
                        stamps.add(new FileStamp(Path.of(stamp.get(0).asText()), stamp.get(1).asLong(),
                                stamp.get(2).asLong()));
                    }
                    memory.put(CacheKey.parse(entry.path("key").asText()), new CachedResult(outputs, stamps));
                }
            }
        } catch (NoSuchFileException e) {
            // nothing cached yet
        } catch (IOException | RuntimeException e) {
            memory.clear(); // a damaged cache file only costs recomputation
        }
        return new PersistentResultCache(file, memory);
    }

    /**
     * Writes the file if results were added since it was last written: called every few seconds
     * while a run goes on, so that a run killed midway loses only the last seconds of its work.
     *
     * @return whether it wrote
     */
    public boolean saveIfChanged() throws IOException {
        if (!changed.get()) {
            return false;
        }
        save();
        return true;
    }

    /**
     * Writes the file every {@code interval} while results are added, on a thread of its own, until
     * the returned handle is closed: a run killed midway (kill -9, a power cut) then loses only
     * its last seconds of work, and paid AI calls are not made again.
     */
    public AutoCloseable savingEvery(Duration interval) {
        ScheduledExecutorService saver = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("pexper-cache-saver").factory());
        saver.scheduleWithFixedDelay(() -> {
            try {
                saveIfChanged();
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "could not save the cache to " + file + " during the run", e);
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return saver::shutdownNow;
    }

    /** Writes the results that can be persisted, least recently used first, atomically. */
    public synchronized void save() throws IOException {
        changed.set(false); // a result added while writing marks it changed again
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(64 * 1024);
        try (JsonGenerator out = MAPPER.getFactory().createGenerator(buffer)) {
            out.writeStartObject();
            out.writeNumberField("format", FORMAT);
            out.writeArrayFieldStart("entries");
            for (Map.Entry<CacheKey, CachedResult> entry : memory.eldestFirst()) {
                CachedResult result = entry.getValue();
                if (!result.outputs().values().stream().allMatch(ValueCodec::canPersist)) {
                    continue;
                }
                out.writeStartObject();
                out.writeStringField("key", entry.getKey().hex());
                out.writeObjectFieldStart("outputs");
                for (Map.Entry<String, Value> output : result.outputs().entrySet()) {
                    out.writeFieldName(output.getKey());
                    ValueCodec.write(output.getValue(), out);
                }
                out.writeEndObject();
                out.writeArrayFieldStart("files");
                for (FileStamp stamp : result.files()) {
                    out.writeStartArray();
                    out.writeString(stamp.path().toString());
                    out.writeNumber(stamp.size());
                    out.writeNumber(stamp.modified());
                    out.writeEndArray();
                }
                out.writeEndArray();
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeEndObject();
        }
        try {
            AtomicFile.write(file, buffer.toByteArray(), AtomicFile.Existing.REPLACE);
        } catch (IOException e) {
            changed.set(true); // still to be written
            throw e;
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public CachedResult get(CacheKey key) {
        return memory.get(key);
    }

    @Override
    public void put(CacheKey key, CachedResult result) {
        memory.put(key, result);
        changed.set(true);
    }

    @Override
    public int size() {
        return memory.size();
    }

    @Override
    public long sizeBytes() {
        return memory.sizeBytes();
    }

    @Override
    public void clear() {
        memory.clear();
    }
}
