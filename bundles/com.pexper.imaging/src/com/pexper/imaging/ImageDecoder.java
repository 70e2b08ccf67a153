package com.pexper.imaging;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.SampleModel;
import java.awt.image.SinglePixelPackedSampleModel;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.IIOException;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

import com.pexper.imaging.internal.codec.ExifOrientation;
import com.pexper.imaging.internal.codec.Rasters;
import com.pexper.imaging.internal.codec.Readers;
import com.pexper.model.text.Quote;

/**
 * Reads PNG, JPEG, BMP, GIF (first frame), TIFF (first page) and WebP files into {@link Image}s.
 * The format is recognised from the content, never the file name; JPEG EXIF orientation is applied
 * and embedded colour profiles are converted to sRGB. Input files are untrusted: the image's size is
 * checked against a pixel budget from its header, before any pixel memory is allocated, and every
 * failure is an {@link ImageException} that names the file and says what to do.
 */
public final class ImageDecoder {

    /** 150 megapixels: above any camera's photos, well below what would exhaust memory. */
    public static final long DEFAULT_MAX_PIXELS = 150_000_000L;

    /** The largest image file read: 1 GiB, far above any compressed photo of the pixel budget. */
    public static final int MAX_BYTES = 1 << 30;

    private final long maxPixels;

    public ImageDecoder(long maxPixels) {
        if (maxPixels <= 0) {
            throw new IllegalArgumentException("the pixel budget must be positive");
        }
        this.maxPixels = maxPixels;
    }

    public ImageDecoder() {
        this(DEFAULT_MAX_PIXELS);
    }

    public long maxPixels() {
        return maxPixels;
    }

    /**
     * What decoding the file and working on the image will hold at most, from its header alone:
     * the file's bytes, and per pixel the larger of decoding (the reader's raster and the image
     * made of it, 16 bits a channel doubling both) and the work after it (the image, one full-size
     * result such as a cutout, and a mask). Zero when the header cannot be read or the decoder would
     * refuse the image anyway: it says why when it runs.
     */
    public long memoryNeeded(Path file) {
        try (ImageInputStream in = new FileImageInputStream(file.toFile())) {
            byte[] head = new byte[ImageFormat.SNIFF_LENGTH];
            int length = in.read(head);
            ImageFormat format = length <= 0 ? null : ImageFormat.sniff(head, length);
            if (format == null) {
                return 0;
            }
            in.seek(0);
            ImageReader reader = Readers.create(format);
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels <= 0 || pixels > maxPixels) {
                    return 0; // refused by the decoder before any pixel memory
                }
                int decoded = decodedBytesPerPixel(reader);
                // decoding holds the reader's raster and the image made of it; the work after holds the
                // image, a full-size result of up to its size (8-bit RGBA at least) and a mask
                long perPixel = Math.max(2L * decoded, decoded + Math.max(decoded, Integer.BYTES) + 1L);
                return Files.size(file) + pixels * perPixel;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static int decodedBytesPerPixel(ImageReader reader) throws IOException {
        ImageTypeSpecifier type = reader.getRawImageType(0);
        if (type == null) {
            return Integer.BYTES;
        }
        SampleModel samples = type.getSampleModel(1, 1);
        int element = Math.max(1, DataBuffer.getDataTypeSize(samples.getDataType()) / 8);
        // a packed model keeps a whole pixel in one element, the others one sample per element
        return samples instanceof SinglePixelPackedSampleModel ? element : samples.getNumBands() * element;
    }

    public Image read(Path file) throws ImageException {
        byte[] content;
        try {
            // only a regular file: a FIFO would block forever, /dev/zero never end
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (attributes.isDirectory()) {
                throw new ImageException(file + " is a folder, not an image.");
            }
            if (!attributes.isRegularFile()) {
                throw new ImageException(file + " is not a regular file (a device, a pipe or a socket), not an image.");
            }
            if (attributes.size() > MAX_BYTES) {
                throw new ImageException(file + " has " + (attributes.size() >> 20) + " MiB, more than the "
                        + (MAX_BYTES >> 20) + " MiB an image file may have.");
            }
            try (InputStream in = Files.newInputStream(file)) {
                content = in.readNBytes(MAX_BYTES + 1); // bounded even if the file grows while it is read
            }
            if (content.length > MAX_BYTES) {
                throw new ImageException(file + " grew past the " + (MAX_BYTES >> 20) + " MiB an image file may have"
                        + " while it was read.");
            }
        } catch (ImageException e) {
            throw e;
        } catch (NoSuchFileException e) {
            throw new ImageException(file + " does not exist. Check the path.");
        } catch (AccessDeniedException e) {
            throw new ImageException(file + " cannot be read: permission denied.");
        } catch (OutOfMemoryError e) {
            throw new ImageException(file + " is too large to read into memory.");
        } catch (IOException e) {
            throw new ImageException(file + " cannot be read: " + e.getMessage(), e);
        }
        return decode(content, file.toString());
    }

    /**
     * @param name how the content is named in messages (its file)
     */
    public Image decode(byte[] content, String name) throws ImageException {
        if (content.length == 0) {
            throw new ImageException(name + " is empty (0 bytes), not an image. Re-export or re-download it.");
        }
        ImageFormat format = ImageFormat.sniff(content, content.length);
        if (format == null) {
            throw new ImageException(name + " is not an image Pexper can read: its content is not PNG, JPEG, BMP,"
                    + " GIF, TIFF or WebP, whatever its name says" + describeStart(content) + ".");
        }
        ImageReader reader = Readers.create(format);
        List<String> warnings = new ArrayList<>();
        IIOReadWarningListener listener = (source, warning) -> warnings.add(warning);
        reader.addIIOReadWarningListener(listener);
        // in memory: ImageIO's default stream caches everything in a file in java.io.tmpdir
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(content))) {
            reader.setInput(in, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            long pixels = (long) width * height;
            if (width <= 0 || height <= 0) {
                throw new ImageException(name + " declares an impossible size of " + width + "x" + height
                        + "; the file is damaged.");
            }
            if (pixels > maxPixels) {
                throw new ImageException(name + " is " + width + "x" + height + " (" + megapixels(pixels)
                        + " megapixels), above the limit of " + megapixels(maxPixels) + " megapixels that protects"
                        + " against decompression bombs. If the image is genuine, raise the pixel limit.");
            }
            BufferedImage decoded = reader.read(0);
            for (String warning : warnings) {
                if (isTruncation(warning)) {
                    throw new ImageException(name + " is truncated or damaged (" + Quote.shorten(warning)
                            + "). Re-export or re-download it.");
                }
            }
            int orientation = format == ImageFormat.JPEG ? ExifOrientation.read(content) : 1;
            return ExifOrientation.apply(Rasters.toImage(toSrgb(decoded)), orientation);
        } catch (ImageException e) {
            throw e;
        } catch (EOFException e) {
            throw new ImageException(name + " is truncated: the file ends before the image does. Re-export or"
                    + " re-download it.", e);
        } catch (IIOException | UnsupportedOperationException e) {
            throw new ImageException(name + " is damaged or uses an unsupported " + format + " variant ("
                    + rootMessage(e) + "). Re-export it as PNG or JPEG.", e);
        } catch (IOException e) {
            throw new ImageException(name + " cannot be read: " + rootMessage(e), e);
        } catch (RuntimeException e) {
            // ImageIO's readers meet corrupt data with whatever their code runs into: an
            // IndexOutOfBoundsException from the TIFF reader's LZW decoder, an IllegalArgumentException
            // for a raster that does not fit, a CMMException for a broken colour profile.
            throw new ImageException(name + " is damaged or truncated (" + format + ": " + rootMessage(e)
                    + "). Re-export or re-download it.", e);
        } catch (OutOfMemoryError e) {
            throw new ImageException(name + " needs more memory than is available to decode.");
        } finally {
            reader.dispose();
        }
    }

    private static boolean isTruncation(String warning) {
        String lower = warning.toLowerCase(java.util.Locale.ROOT);
        return lower.contains("premature end") || lower.contains("truncat") || lower.contains("corrupt");
    }

    /** Converts images with an embedded colour profile other than sRGB; gray images stay gray. */
    private static BufferedImage toSrgb(BufferedImage image) {
        ColorSpace space = image.getColorModel().getColorSpace();
        if (space.isCS_sRGB() || space.getType() == ColorSpace.TYPE_GRAY
                || (space instanceof ICC_ColorSpace icc
                        && com.twelvemonkeys.imageio.color.ColorProfiles.isCS_sRGB(icc.getProfile()))) {
            return image;
        }
        boolean alpha = image.getColorModel().getTransparency() != Transparency.OPAQUE;
        BufferedImage converted = new BufferedImage(image.getWidth(), image.getHeight(),
                alpha ? BufferedImage.TYPE_4BYTE_ABGR : BufferedImage.TYPE_3BYTE_BGR);
        new java.awt.image.ColorConvertOp(null).filter(image, converted);
        return converted;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? e.getMessage() : root.getMessage();
        return message == null ? root.getClass().getSimpleName() : Quote.shorten(message);
    }

    private static String megapixels(long pixels) {
        return String.format(java.util.Locale.ROOT, "%.1f", pixels / 1e6);
    }

    private static String describeStart(byte[] content) {
        int n = Math.min(content.length, 12);
        boolean text = true;
        for (int i = 0; i < n; i++) {
            int b = content[i] & 0xFF;
            text &= b >= 0x20 && b < 0x7F || b == '\n' || b == '\r' || b == '\t';
        }
        return text ? " (it starts like a text file)" : "";
    }
}
