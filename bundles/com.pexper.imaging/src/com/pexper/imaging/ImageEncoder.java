package com.pexper.imaging;

import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
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
    private static final String JPEG_METADATA = "javax_imageio_jpeg_image_1.0";
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
     * Writes the image with text of its own in the file, Latin-1, as "keyword NUL text": a PNG keeps
     * it in tEXt chunks, a JPEG in comment (COM) segments.
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
            BufferedImage opaque = Rasters.toOpaqueAwt(image, backgroundRgb);
            IIOMetadata metadata = text.isEmpty() ? null : withComments(writer, opaque, param, text);
            writer.write(null, new IIOImage(opaque, null, metadata), param);
        } finally {
            writer.dispose();
        }
    }

    private static IIOMetadata withComments(ImageWriter writer, BufferedImage image, ImageWriteParam param,
            Map<String, String> text) throws IOException {
        IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
        IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(JPEG_METADATA);
        IIOMetadataNode markers = (IIOMetadataNode) root.getElementsByTagName("markerSequence").item(0);
        for (Map.Entry<String, String> entry : new TreeMap<>(text).entrySet()) {
            IIOMetadataNode comment = new IIOMetadataNode("com");
            // as bytes: the "comment" attribute would be encoded in the platform's charset
            comment.setUserObject((entry.getKey() + "\0" + entry.getValue()).getBytes(StandardCharsets.ISO_8859_1));
            markers.appendChild(comment);
        }
        metadata.setFromTree(JPEG_METADATA, root);
        return metadata;
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
