package com.pexper.imaging.internal.codec;

import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;

import com.pexper.imaging.ImageFormat;
import com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi;
import com.twelvemonkeys.imageio.plugins.tiff.TIFFImageReaderSpi;
import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;

/**
 * Creates the reader for a format. Readers are chosen here, not looked up in ImageIO's global
 * registry, so that the result does not depend on which plug-ins some other code registered, and so
 * that it works the same inside OSGi (where ImageIO's class-path scan sees nothing) and outside.
 */
public final class Readers {

    private static final ImageReaderSpi JPEG = delegating(new JPEGImageReaderSpi());
    private static final ImageReaderSpi TIFF = new TIFFImageReaderSpi();
    private static final ImageReaderSpi WEBP = new WebPImageReaderSpi();

    private Readers() {
    }

    public static ImageReader create(ImageFormat format) {
        try {
            return switch (format) {
                case JPEG -> JPEG.createReaderInstance();
                case TIFF -> TIFF.createReaderInstance();
                case WEBP -> WEBP.createReaderInstance();
                case PNG -> jdkReader("png");
                case GIF -> jdkReader("gif");
                case BMP -> jdkReader("bmp");
            };
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create the " + format + " reader", e);
        }
    }

    /** TwelveMonkeys' JPEG reader wraps the JDK's; it finds it when told about the registry. */
    private static ImageReaderSpi delegating(JPEGImageReaderSpi spi) {
        spi.onRegistration(IIORegistry.getDefaultInstance(), ImageReaderSpi.class);
        return spi;
    }

    /** The JDK's own reader, always registered, preferred over any other claiming the format. */
    private static ImageReader jdkReader(String format) {
        ImageReader fallback = null;
        for (Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format); readers.hasNext();) {
            ImageReader reader = readers.next();
            if (reader.getClass().getName().startsWith("com.sun.imageio.")) {
                return reader;
            }
            if (fallback == null) {
                fallback = reader;
            }
        }
        if (fallback == null) {
            throw new IllegalStateException("this Java runtime has no " + format + " reader");
        }
        return fallback;
    }
}
