package com.pexper.imaging.tests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;

import com.pexper.imaging.Image;
import com.pexper.imaging.ImageEncoder;

/** Test images with known pixels, and the sample photos of the repository. */
final class Pictures {

    private Pictures() {
    }

    /** examples/images of the repository, found from the test's working folder (the bundle's). */
    static Path samples() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !java.nio.file.Files.isDirectory(dir.resolve("examples/images"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("examples/images not found above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve("examples/images");
    }

    static Image random(int w, int h, int channels, int bits, long seed) {
        Random random = new Random(seed);
        if (bits == 8) {
            byte[] b = new byte[w * h * channels];
            random.nextBytes(b);
            return Image.wrap8(w, h, channels, b);
        }
        short[] s = new short[w * h * channels];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) random.nextInt(65536);
        }
        return Image.wrap16(w, h, channels, s);
    }

    /** An RGB image: every pixel (x, y) is (x, y, x + y) modulo 256. */
    static Image gradient(int w, int h) {
        byte[] b = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = (y * w + x) * 3;
                b[i] = (byte) x;
                b[i + 1] = (byte) y;
                b[i + 2] = (byte) (x + y);
            }
        }
        return Image.wrap8(w, h, 3, b);
    }

    static Image solid(int w, int h, int... rgba) {
        byte[] b = new byte[w * h * rgba.length];
        for (int p = 0; p < w * h; p++) {
            for (int c = 0; c < rgba.length; c++) {
                b[p * rgba.length + c] = (byte) rgba[c];
            }
        }
        return Image.wrap8(w, h, rgba.length, b);
    }

    static byte[] encode(Image image, ImageEncoder encoder) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        encoder.write(image, out);
        return out.toByteArray();
    }
}
