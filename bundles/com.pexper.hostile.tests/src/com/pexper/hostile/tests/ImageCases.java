package com.pexper.hostile.tests;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Damaged images made from the valid {@link Seeds#images() seeds}: cut, bytes flipped, header
 * fields set to huge or impossible values, one format's signature on another's body. Named after
 * the seed, the damage and where; made with fixed seeds.
 */
final class ImageCases {

    record Case(String name, Supplier<byte[]> content) {
    }

    private static final int[] WORDS = { 0xFFFFFFFF, 0x7FFFFFFF, 0x80000000, 0 };

    private ImageCases() {
    }

    static List<Case> truncations(int cutsPerSeed) {
        List<Case> cases = new ArrayList<>();
        Seeds.images().forEach((seed, whole) -> {
            int step = Math.max(1, whole.length / cutsPerSeed);
            for (int length = 0; length < whole.length; length += step) {
                int at = length;
                cases.add(new Case(seed + " cut at byte " + at, () -> Arrays.copyOf(whole, at)));
            }
        });
        return cases;
    }

    static List<Case> byteFlips(long seed, int perSeed) {
        List<Case> cases = new ArrayList<>();
        Random random = new Random(seed);
        Seeds.images().forEach((name, whole) -> {
            for (int i = 0; i < perSeed; i++) {
                int flips = 1 + random.nextInt(4);
                int[] at = new int[flips];
                byte[] value = new byte[flips];
                for (int f = 0; f < flips; f++) {
                    at[f] = random.nextInt(whole.length);
                    value[f] = (byte) random.nextInt(256);
                }
                cases.add(new Case(name + " bytes " + Arrays.toString(at) + " set to " + Arrays.toString(value), () -> {
                    byte[] flipped = whole.clone();
                    for (int f = 0; f < flips; f++) {
                        flipped[at[f]] = value[f];
                    }
                    return flipped;
                }));
            }
        });
        return cases;
    }

    /** Every 16- and 32-bit field of the first {@code span} bytes set to huge, negative and zero values. */
    static List<Case> headerWords(int span) {
        List<Case> cases = new ArrayList<>();
        Seeds.images().forEach((seed, whole) -> {
            for (int at = 0; at + 4 <= Math.min(span, whole.length); at++) {
                int offset = at;
                for (int word : WORDS) {
                    cases.add(new Case(seed + " int at " + at + " = 0x" + Integer.toHexString(word),
                            () -> putInt(whole.clone(), offset, word, true)));
                }
                cases.add(new Case(seed + " short at " + at + " = 0xffff", () -> {
                    byte[] changed = whole.clone();
                    changed[offset] = (byte) 0xFF;
                    changed[offset + 1] = (byte) 0xFF;
                    return changed;
                }));
            }
        });
        return cases;
    }

    /** Sizes and lengths in the places each format keeps them, with checksums made right again where there are any. */
    static List<Case> fields() {
        List<Case> cases = new ArrayList<>();
        Map<String, byte[]> images = Seeds.images();
        int[][] sizes = { { 50_000, 50_000 }, { 65_535, 65_535 }, { 1, Integer.MAX_VALUE }, { Integer.MAX_VALUE, 1 },
                { 0, 16 }, { 16, 0 }, { -1, -1 }, { 4_000, 4_000 } };
        for (String png : List.of("rgb.png", "rgba.png", "gray16.png", "indexed.png")) {
            byte[] whole = images.get(png);
            for (int[] size : sizes) {
                cases.add(new Case(png + " IHDR " + size[0] + "x" + size[1] + " with its CRC", () -> {
                    byte[] changed = putInt(putInt(whole.clone(), 16, size[0], true), 20, size[1], true);
                    return fixPngCrc(changed, 8);
                }));
            }
            for (int bits : new int[] { 0, 3, 7, 17, 255 }) {
                cases.add(new Case(png + " IHDR bit depth " + bits, () -> {
                    byte[] changed = whole.clone();
                    changed[24] = (byte) bits;
                    return fixPngCrc(changed, 8);
                }));
            }
            for (int kind : new int[] { 1, 5, 7, 255 }) {
                cases.add(new Case(png + " IHDR colour type " + kind, () -> {
                    byte[] changed = whole.clone();
                    changed[25] = (byte) kind;
                    return fixPngCrc(changed, 8);
                }));
            }
            int idat = indexOf(whole, "IDAT".getBytes(StandardCharsets.US_ASCII)) - 4;
            for (int word : WORDS) {
                cases.add(new Case(png + " IDAT length 0x" + Integer.toHexString(word),
                        () -> putInt(whole.clone(), idat, word, true)));
                cases.add(new Case(png + " IHDR length 0x" + Integer.toHexString(word),
                        () -> putInt(whole.clone(), 8, word, true)));
            }
            for (String chunk : List.of("tEXt", "zTXt", "iCCP", "iTXt", "PLTE", "tRNS", "sBIT", "IEND")) {
                cases.add(new Case(png + " " + chunk + " chunk declaring 2 GB before IDAT", () -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    out.write(whole, 0, idat);
                    byte[] header = new byte[8];
                    putInt(header, 0, 0x7FFFFFF0, true);
                    System.arraycopy(chunk.getBytes(StandardCharsets.US_ASCII), 0, header, 4, 4);
                    out.writeBytes(header);
                    out.write(whole, idat, whole.length - idat);
                    return out.toByteArray();
                }));
            }
        }
        for (String jpeg : List.of("rgb.jpg", "gray.jpg")) {
            byte[] whole = images.get(jpeg);
            int sof = indexOf(whole, new byte[] { (byte) 0xFF, (byte) 0xC0 });
            for (int[] size : new int[][] { { 65_535, 65_535 }, { 0, 0 }, { 1, 65_535 }, { 4_000, 4_000 } }) {
                cases.add(new Case(jpeg + " SOF " + size[0] + "x" + size[1], () -> {
                    byte[] changed = whole.clone();
                    putShort(changed, sof + 5, size[1], true);
                    putShort(changed, sof + 7, size[0], true);
                    return changed;
                }));
            }
            for (int component : new int[] { 0, 2, 5, 255 }) {
                cases.add(new Case(jpeg + " SOF with " + component + " components", () -> {
                    byte[] changed = whole.clone();
                    changed[sof + 9] = (byte) component;
                    return changed;
                }));
            }
            for (int i = 0; i < whole.length - 3; i++) {
                if ((whole[i] & 0xFF) == 0xFF && (whole[i + 1] & 0xFF) >= 0xC0 && (whole[i + 1] & 0xFF) != 0xD8
                        && (whole[i + 1] & 0xFF) != 0xFF && (whole[i + 1] & 0xFF) < 0xFF && i < 700) {
                    int at = i + 2;
                    for (int length : new int[] { 0, 1, 0xFFFF }) {
                        cases.add(new Case(jpeg + " segment 0x" + Integer.toHexString(whole[i + 1] & 0xFF) + " at " + i
                                + " length " + length, () -> putShort(whole.clone(), at, length, true)));
                    }
                }
            }
        }
        byte[] gif = images.get("rgb.gif");
        int descriptor = indexOf(gif, new byte[] { 0x2C }, 13);
        for (int[] size : new int[][] { { 65_535, 65_535 }, { 0, 0 }, { 4_000, 4_000 } }) {
            cases.add(new Case("rgb.gif screen " + size[0] + "x" + size[1], () -> {
                byte[] changed = gif.clone();
                putShort(changed, 6, size[0], false);
                putShort(changed, 8, size[1], false);
                return changed;
            }));
            if (descriptor > 0) {
                cases.add(new Case("rgb.gif frame " + size[0] + "x" + size[1], () -> {
                    byte[] changed = gif.clone();
                    putShort(changed, descriptor + 5, size[0], false);
                    putShort(changed, descriptor + 7, size[1], false);
                    return changed;
                }));
            }
        }
        byte[] bmp = images.get("rgb.bmp");
        for (int[] field : new int[][] { { 18, 50_000 }, { 18, Integer.MAX_VALUE }, { 18, -24 }, { 22, -16 },
                { 22, Integer.MIN_VALUE }, { 22, 50_000 }, { 10, Integer.MAX_VALUE }, { 10, 0 }, { 14, 0 },
                { 14, Integer.MAX_VALUE }, { 28, 0 }, { 28, 33 }, { 28, 1 }, { 30, 1 }, { 30, 3 }, { 30, 99 },
                { 46, Integer.MAX_VALUE } }) {
            cases.add(new Case("rgb.bmp field at " + field[0] + " = " + field[1], () -> {
                byte[] changed = bmp.clone();
                if (field[0] == 28) {
                    putShort(changed, 28, field[1], false);
                    return changed;
                }
                return putInt(changed, field[0], field[1], false);
            }));
        }
        for (String tiff : List.of("lzw.tif", "plain.tif")) {
            byte[] whole = images.get(tiff);
            for (int tag : new int[] { 256, 257, 258, 259, 262, 273, 277, 278, 279, 284, 317, 320, 338 }) {
                int entry = tiffEntry(whole, tag);
                if (entry < 0) {
                    continue;
                }
                for (int value : new int[] { 0, 1, 65_535, Integer.MAX_VALUE, -1 }) {
                    cases.add(new Case(tiff + " tag " + tag + " = " + value, () -> {
                        byte[] changed = whole.clone();
                        int type = (changed[entry + 2] & 0xFF) << 8 | (changed[entry + 3] & 0xFF);
                        if (type == 3) {
                            putShort(changed, entry + 8, value, true);
                        } else {
                            putInt(changed, entry + 8, value, true);
                        }
                        return changed;
                    }));
                    cases.add(new Case(tiff + " tag " + tag + " count " + value,
                            () -> putInt(whole.clone(), entry + 4, value, true)));
                }
            }
            cases.add(new Case(tiff + " first IFD at 2 GB", () -> putInt(whole.clone(), 4, Integer.MAX_VALUE, true)));
            cases.add(new Case(tiff + " IFD that points at itself", () -> {
                byte[] changed = whole.clone();
                int ifd = readInt(changed, 4);
                int entries = (changed[ifd] & 0xFF) << 8 | (changed[ifd + 1] & 0xFF);
                return putInt(changed, ifd + 2 + entries * 12, ifd, true);
            }));
        }
        byte[] webp = images.get("dot.webp");
        for (int at = 12; at < webp.length; at++) {
            int offset = at;
            cases.add(new Case("dot.webp byte " + at + " = 0xff", () -> {
                byte[] changed = webp.clone();
                changed[offset] = (byte) 0xFF;
                return changed;
            }));
        }
        cases.add(new Case("dot.webp RIFF length 2 GB", () -> putInt(webp.clone(), 4, Integer.MAX_VALUE, false)));
        cases.add(new Case("dot.webp VP8L length 2 GB", () -> putInt(webp.clone(), 16, Integer.MAX_VALUE, false)));
        return cases;
    }

    /** One format's signature over the body of another. */
    static List<Case> wrongMagic() {
        List<Case> cases = new ArrayList<>();
        Map<String, byte[]> images = Seeds.images();
        images.forEach((head, headBytes) -> images.forEach((body, bodyBytes) -> {
            if (!head.equals(body)) {
                cases.add(new Case(head + "'s first 12 bytes on " + body, () -> {
                    byte[] mixed = bodyBytes.clone();
                    System.arraycopy(headBytes, 0, mixed, 0, Math.min(12, Math.min(headBytes.length, mixed.length)));
                    return mixed;
                }));
            }
        }));
        for (String signature : List.of("\u0089PNG\r\n\u001a\n", "\u00ff\u00d8\u00ff", "GIF89a", "GIF87a", "BM", "II*\u0000",
                "MM\u0000*", "RIFF\u0000\u0000\u0000\u0000WEBP", "II+\u0000", "MM\u0000+")) {
            cases.add(new Case("signature " + WorkflowCases.printable(signature) + " alone",
                    () -> signature.getBytes(StandardCharsets.ISO_8859_1)));
            cases.add(new Case("signature " + WorkflowCases.printable(signature) + " and 64 KB of zeros",
                    () -> Arrays.copyOf(signature.getBytes(StandardCharsets.ISO_8859_1), 65_536)));
        }
        return cases;
    }

    /**
     * A real decompression bomb: a valid PNG of {@code side} x {@code side} black 1-bit pixels, whose
     * few kilobytes of compressed data would become {@code side}² pixels in memory.
     */
    static byte[] pngBomb(int side) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] { (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10 });
        byte[] ihdr = new byte[13];
        putInt(ihdr, 0, side, true);
        putInt(ihdr, 4, side, true);
        ihdr[8] = 1; // bit depth
        ihdr[9] = 0; // gray
        chunk(png, "IHDR", ihdr);
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        byte[] row = new byte[1 + (side + 7) / 8];
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        for (int y = 0; y < side; y++) {
            deflater.setInput(row);
            while (!deflater.needsInput()) {
                compressed.write(buffer, 0, deflater.deflate(buffer));
            }
        }
        deflater.finish();
        while (!deflater.finished()) {
            compressed.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        chunk(png, "IDAT", compressed.toByteArray());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
        byte[] length = new byte[4];
        putInt(length, 0, data.length, true);
        png.writeBytes(length);
        byte[] typeAndData = new byte[4 + data.length];
        System.arraycopy(type.getBytes(StandardCharsets.US_ASCII), 0, typeAndData, 0, 4);
        System.arraycopy(data, 0, typeAndData, 4, data.length);
        png.writeBytes(typeAndData);
        CRC32 crc = new CRC32();
        crc.update(typeAndData);
        byte[] sum = new byte[4];
        putInt(sum, 0, (int) crc.getValue(), true);
        png.writeBytes(sum);
    }

    /** Recomputes the CRC of the chunk whose length field is at {@code at}. */
    private static byte[] fixPngCrc(byte[] png, int at) {
        int length = readInt(png, at);
        CRC32 crc = new CRC32();
        crc.update(png, at + 4, 4 + length);
        return putInt(png, at + 8 + length, (int) crc.getValue(), true);
    }

    /** The offset of the big-endian TIFF IFD entry with this tag in the first IFD, or -1. */
    private static int tiffEntry(byte[] tiff, int tag) {
        int ifd = readInt(tiff, 4);
        int entries = (tiff[ifd] & 0xFF) << 8 | (tiff[ifd + 1] & 0xFF);
        for (int i = 0; i < entries; i++) {
            int entry = ifd + 2 + i * 12;
            if (((tiff[entry] & 0xFF) << 8 | (tiff[entry + 1] & 0xFF)) == tag) {
                return entry;
            }
        }
        return -1;
    }

    private static int readInt(byte[] b, int at) {
        return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
    }

    static byte[] putInt(byte[] b, int at, int v, boolean bigEndian) {
        for (int i = 0; i < 4; i++) {
            b[at + (bigEndian ? i : 3 - i)] = (byte) (v >>> (24 - 8 * i));
        }
        return b;
    }

    private static byte[] putShort(byte[] b, int at, int v, boolean bigEndian) {
        b[at + (bigEndian ? 0 : 1)] = (byte) (v >>> 8);
        b[at + (bigEndian ? 1 : 0)] = (byte) v;
        return b;
    }

    private static int indexOf(byte[] data, byte[] what) {
        return indexOf(data, what, 0);
    }

    private static int indexOf(byte[] data, byte[] what, int from) {
        for (int i = from; i + what.length <= data.length; i++) {
            if (Arrays.equals(data, i, i + what.length, what, 0, what.length)) {
                return i;
            }
        }
        throw new IllegalArgumentException("not found");
    }
}
