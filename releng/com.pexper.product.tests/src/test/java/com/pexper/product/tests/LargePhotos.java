package com.pexper.product.tests;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Writes legal 16-bit RGBA PNGs of any size row by row, never holding the image: the large photos
 * a camera's RAW export gives, at a few MB on disk, to see what decoding them costs.
 */
final class LargePhotos {

    private LargePhotos() {
    }

    static Path write(Path file, int width, int height) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 20))) {
            out.write(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' });
            ByteArrayOutputStream header = new ByteArrayOutputStream();
            DataOutputStream fields = new DataOutputStream(header);
            fields.writeInt(width);
            fields.writeInt(height);
            fields.write(new byte[] { 16, 6, 0, 0, 0 }); // 16 bits, RGBA, deflate, no filter method, no interlace
            chunk(out, "IHDR", header.toByteArray());
            ByteArrayOutputStream pixels = new ByteArrayOutputStream();
            try (OutputStream z = new DeflaterOutputStream(pixels, new Deflater(6), 1 << 16)) {
                byte[] row = new byte[1 + width * 8];
                for (int y = 0; y < height; y++) {
                    int v = (y * 7) & 0xFFFF; // smooth ramps: a few MB on disk, like a real 16-bit export
                    for (int x = 0; x < width; x++) {
                        int o = 1 + x * 8;
                        int r = ((x >> 4) * 13 + v) & 0xFFFF;
                        row[o] = (byte) (r >> 8);
                        row[o + 1] = (byte) r;
                        row[o + 2] = (byte) (v >> 8);
                        row[o + 3] = (byte) v;
                        row[o + 4] = (byte) (x >> 6);
                        row[o + 6] = (byte) 0xFF;
                        row[o + 7] = (byte) 0xFF;
                    }
                    z.write(row);
                }
            }
            chunk(out, "IDAT", pixels.toByteArray());
            chunk(out, "IEND", new byte[0]);
        }
        return file;
    }

    private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.writeInt(data.length);
        out.write(name);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeInt((int) crc.getValue());
    }
}
