package com.pexper.imaging;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.Map;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import com.pexper.imaging.internal.codec.PngWriter;
import com.pexper.imaging.internal.codec.Rasters;

/**
 * Writes images as PNG (8 or 16 bits, alpha kept) or JPEG (8 bits; alpha is flattened onto a
 * background colour, since JPEG has none).
 *
 * @param format PNG or JPEG
 * @param quality JPEG quality 1 to 100; for PNG, 1 to 100 maps to zlib levels 1 to 9 (higher is smaller and slower)
 * @param backgroundRgb what transparent pixels become in a JPEG, as 0xRRGGBB
 */
public record ImageEncoder(ImageFormat format, int quality, int backgroundRgb) {

    public static final int DEFAULT_JPEG_QUALITY = 90;
    /** zlib level 1: within a few percent of level 6 in size on photos, at a fraction of the time. */
    public static final int DEFAULT_PNG_QUALITY = 1;

    public ImageEncoder {
        if (format == null || !format.isWritable()) {
            throw new IllegalArgumentException("Pexper writes PNG and JPEG, not " + format);
        }
        if (quality < 1 || quality > 100) {
            throw new IllegalArgumentException("quality is 1 to 100, not " + quality);
        }
    }

    public static ImageEncoder png() {
        return new ImageEncoder(ImageFormat.PNG, DEFAULT_PNG_QUALITY, 0xFFFFFF);
    }

    public static ImageEncoder jpeg(int quality) {
        return new ImageEncoder(ImageFormat.JPEG, quality, 0xFFFFFF);
    }

    public void write(Image image, OutputStream out) throws IOException {
        write(image, out, Map.of());
    }

    /**
     * Writes the image with text of its own in the file: a PNG keeps it in tEXt chunks (Latin-1),
     * a JPEG leaves it out.
     */
    public void write(Image image, OutputStream out, Map<String, String> text) throws IOException {
        if (format == ImageFormat.PNG) {
            int level = 1 + (quality - 1) * 8 / 99;
            OutputStream buffered = new BufferedOutputStream(out, 1 << 16);
            new PngWriter(level).write(image, buffered, text);
            buffered.flush();
            return;
        }
        ImageWriter writer = jdkJpegWriter();
        // in memory: ImageIO's default stream caches everything in a file in java.io.tmpdir
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality / 100f);
            writer.write(null, new IIOImage(Rasters.toOpaqueAwt(image, backgroundRgb), null, null), param);
        } finally {
            writer.dispose();
        }
    }

    private static ImageWriter jdkJpegWriter() {
        ImageWriter fallback = null;
        for (Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg"); writers.hasNext();) {
            ImageWriter writer = writers.next();
            if (writer.getClass().getName().startsWith("com.sun.imageio.")) {
                return writer;
            }
            fallback = fallback == null ? writer : fallback;
        }
        if (fallback == null) {
            throw new IllegalStateException("this Java runtime has no JPEG writer");
        }
        return fallback;
    }
}
