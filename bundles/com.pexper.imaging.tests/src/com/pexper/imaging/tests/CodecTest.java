package com.pexper.imaging.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Inflater;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.pexper.imaging.Image;
import com.pexper.imaging.ImageDecoder;
import com.pexper.imaging.ImageEncoder;
import com.pexper.imaging.ImageException;
import com.pexper.imaging.ImageFormat;

class CodecTest {

    @TempDir
    Path folder;

    private final ImageDecoder decoder = new ImageDecoder();

    @Test
    void pngRoundTripsEveryLayoutExactly() throws Exception {
        for (int channels = 1; channels <= 4; channels++) {
            for (int bits : new int[] { 8, 16 }) {
                Image image = Pictures.random(37, 23, channels, bits, channels * 31L + bits);
                Image back = decoder.decode(Pictures.encode(image, ImageEncoder.png()), "test.png");
                assertEquals(channels, back.channels(), "channels " + channels + " bits " + bits);
                assertEquals(bits, back.bitsPerChannel());
                if (bits == 8) {
                    assertArrayEquals(image.bytes(), back.bytes());
                } else {
                    assertArrayEquals(image.shorts(), back.shorts());
                }
            }
        }
    }

    @Test
    void aLargePngIsDeflatedInBandsThatDecodeAsOneStream() throws Exception {
        // 1600 x 1200 RGBA is 7.7 MB raw: several bands compressed in parallel
        Image image = Pictures.random(1600, 1200, 4, 8, 7);
        byte[] png = Pictures.encode(image, ImageEncoder.png());
        assertArrayEquals(image.bytes(), decoder.decode(png, "big.png").bytes());
        // PNG readers may stop before the zlib trailer; inflate to the end so the checksum is checked
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        for (int at = 8; at < png.length;) {
            int length = ByteBuffer.wrap(png, at, 4).getInt();
            if (new String(png, at + 4, 4, StandardCharsets.US_ASCII).equals("IDAT")) {
                idat.write(png, at + 8, length);
            }
            at += 12 + length;
        }
        Inflater inflater = new Inflater();
        inflater.setInput(idat.toByteArray());
        byte[] raw = new byte[1200 * (1 + 1600 * 4) + 1];
        int n = 0;
        while (!inflater.finished()) {
            int got = inflater.inflate(raw, n, raw.length - n); // throws on a wrong Adler-32
            assertTrue(got > 0 || inflater.finished(), "the zlib stream ends early");
            n += got;
        }
        assertEquals(1200 * (1 + 1600 * 4), n);
    }

    @Test
    void jpegKeepsThePictureWithinCompressionError() throws Exception {
        Image image = Pictures.gradient(64, 48);
        Image back = decoder.decode(Pictures.encode(image, ImageEncoder.jpeg(95)), "g.jpg");
        assertEquals(64, back.width());
        assertEquals(48, back.height());
        double error = 0;
        for (int i = 0; i < image.bytes().length; i++) {
            error += Math.abs(image.sample(i) - back.sample(i));
        }
        assertTrue(error / image.bytes().length < 3, "mean error " + error / image.bytes().length);
    }

    @Test
    void exifOrientationTurnsThePhotoUpright() throws Exception {
        // a 4 x 2 photo, left half black, right half white, stored with orientation 6 (turn clockwise)
        byte[] pixels = new byte[4 * 2 * 3];
        for (int y = 0; y < 2; y++) {
            for (int x = 2; x < 4; x++) {
                Arrays.fill(pixels, (y * 4 + x) * 3, (y * 4 + x) * 3 + 3, (byte) 255);
            }
        }
        byte[] jpeg = withExifOrientation(Pictures.encode(Image.wrap8(4, 2, 3, pixels), ImageEncoder.jpeg(100)), 6);
        Image upright = decoder.decode(jpeg, "turned.jpg");
        assertEquals(2, upright.width());
        assertEquals(4, upright.height());
        // turned clockwise, the white right half ends up at the bottom
        assertTrue(upright.sample(0, 0, 0) < 60 && upright.sample(1, 3, 0) > 200);
    }

    @Test
    void badFilesAreClearErrorsNamingTheFile() throws Exception {
        Path empty = Files.write(folder.resolve("empty.png"), new byte[0]);
        assertMessage(empty, "empty.png is empty (0 bytes)");

        Path text = Files.writeString(folder.resolve("notes.jpg"), "Dear diary, today I took no photo.");
        assertMessage(text, "notes.jpg is not an image Pexper can read");

        byte[] png = Pictures.encode(Pictures.random(200, 200, 3, 8, 1), ImageEncoder.png());
        Path truncated = Files.write(folder.resolve("half.png"), Arrays.copyOf(png, png.length / 2));
        assertMessage(truncated, "half.png is");
        assertTrue(message(truncated).contains("truncated") || message(truncated).contains("damaged"), message(truncated));

        Path bomb = Files.write(folder.resolve("bomb.png"), pngHeaderOnly(50_000, 50_000));
        String bombMessage = message(bomb);
        assertTrue(bombMessage.contains("50000x50000") && bombMessage.contains("decompression bombs"), bombMessage);

        assertMessage(folder.resolve("missing.png"), "missing.png does not exist");
    }

    @Test
    void aTruncatedLzwTiffIsADamagedFileNotAnIndexOutOfBoundsException() throws Exception {
        byte[] tiff = written(photoLike(), "tiff", "LZW");
        Path cut = Files.write(folder.resolve("scan.tif"), Arrays.copyOf(tiff, tiff.length * 3 / 5));
        ImageException e = assertThrows(ImageException.class, () -> decoder.read(cut));
        assertTrue(e.getMessage().startsWith(cut + " is damaged or truncated ("), e.getMessage());
        assertTrue(e.getMessage().endsWith("Re-export or re-download it."), e.getMessage());
    }

    @Test
    void everyFormatCutAnywhereIsAnImageExceptionNamingTheFileOrStillAnImage() throws Exception {
        java.util.Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        files.put("photo.tif", written(photoLike(), "tiff", "LZW"));
        files.put("photo.png", written(photoLike(), "png", null));
        files.put("photo.jpg", written(photoLike(), "jpeg", null));
        files.put("photo.gif", written(photoLike(), "gif", null));
        files.put("photo.bmp", written(photoLike(), "bmp", null));
        // WebP: no writer in the JDK or TwelveMonkeys; a lossless 1x1 picture made by libwebp.
        files.put("dot.webp", java.util.Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA=="));
        assertEquals(1, decoder.decode(files.get("dot.webp"), "dot.webp").width());
        for (var entry : files.entrySet()) {
            byte[] whole = entry.getValue();
            Path half = Files.write(folder.resolve("half-" + entry.getKey()), Arrays.copyOf(whole, whole.length / 2));
            String message = assertThrows(ImageException.class, () -> decoder.read(half), half::toString).getMessage();
            assertTrue(message.startsWith(half.toString()) && (message.contains("truncated")
                    || message.contains("damaged")), message);
            for (int length = 1; length < whole.length; length += Math.max(1, whole.length / 97)) {
                String name = entry.getKey() + " cut at " + length;
                try {
                    decoder.decode(Arrays.copyOf(whole, length), name);
                } catch (ImageException e) {
                    assertTrue(e.getMessage().startsWith(name + " "), e.getMessage());
                    assertTrue(e.getMessage().length() < 400, e.getMessage());
                }
            }
        }
    }

    /** Smooth areas and noise, as in a photo: compressible, and big enough to span many strips. */
    private static java.awt.image.BufferedImage photoLike() {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(160, 120,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.util.Random noise = new java.util.Random(7);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, (x * 255 / 160) << 16 | (y * 255 / 120) << 8 | (x < 80 ? noise.nextInt(256) : 90));
            }
        }
        return image;
    }

    /** The image as ImageIO's own writer for the format writes it, with the compression named (or its default). */
    private static byte[] written(java.awt.image.BufferedImage image, String format, String compression)
            throws Exception {
        javax.imageio.ImageWriter writer = javax.imageio.ImageIO.getImageWritersByFormatName(format).next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (javax.imageio.stream.ImageOutputStream stream = javax.imageio.ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            javax.imageio.ImageWriteParam param = writer.getDefaultWriteParam();
            if (compression != null) {
                param.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionType(compression);
            }
            writer.write(null, new javax.imageio.IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    @Test
    void formatsAreRecognisedByContentNotName() throws Exception {
        byte[] png = Pictures.encode(Pictures.gradient(8, 8), ImageEncoder.png());
        Path misnamed = Files.write(folder.resolve("really-a-png.jpg"), png);
        assertEquals(8, decoder.read(misnamed).width());
        assertEquals(ImageFormat.PNG, ImageFormat.sniff(png, png.length));
    }

    @Test
    void theSamplePhotosDecode() throws Exception {
        Image rocket = decoder.read(Pictures.samples().resolve("rocket.jpg"));
        assertEquals(640, rocket.width());
        assertEquals(427, rocket.height());
        // The file carries an Adobe RGB profile: converted to sRGB, pixel (40, 1) reads as
        // ImageMagick's conversion with an sRGB profile gives it, not as the raw values.
        int i = (1 * 640 + 40) * 3;
        assertEquals(0, rocket.sample(i), 1);
        assertEquals(28, rocket.sample(i + 1), 1);
        assertEquals(50, rocket.sample(i + 2), 1);
        assertEquals(512, decoder.read(Pictures.samples().resolve("astronaut.png")).width());
    }

    private void assertMessage(Path file, String expected) {
        String message = message(file);
        assertTrue(message.contains(expected), message);
    }

    private String message(Path file) {
        return assertThrows(ImageException.class, () -> decoder.read(file)).getMessage();
    }

    /** A PNG signature and IHDR declaring a size, with no pixel data: what a bomb's header looks like. */
    private static byte[] pngHeaderOnly(int w, int h) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] { (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10 });
        byte[] ihdr = new byte[17];
        System.arraycopy("IHDR".getBytes(StandardCharsets.US_ASCII), 0, ihdr, 0, 4);
        putInt(ihdr, 4, w);
        putInt(ihdr, 8, h);
        ihdr[12] = 8;
        ihdr[13] = 2;
        byte[] length = new byte[4];
        putInt(length, 0, 13);
        out.writeBytes(length);
        out.writeBytes(ihdr);
        CRC32 crc = new CRC32();
        crc.update(ihdr);
        byte[] c = new byte[4];
        putInt(c, 0, (int) crc.getValue());
        out.writeBytes(c);
        return out.toByteArray();
    }

    private static byte[] withExifOrientation(byte[] jpeg, int orientation) {
        // APP1 "Exif\0\0", big-endian TIFF header, IFD0 with one entry: 0x0112 SHORT 1 = orientation
        byte[] tiff = { 'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0,
                0, 0, 0, 0 };
        int length = 2 + 6 + tiff.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xD8);
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length);
        out.writeBytes(new byte[] { 'E', 'x', 'i', 'f', 0, 0 });
        out.writeBytes(tiff);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
