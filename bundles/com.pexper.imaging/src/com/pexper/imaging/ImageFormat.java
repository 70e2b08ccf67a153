package com.pexper.imaging;

import java.util.Locale;

/** The file formats Pexper reads, recognised by their content rather than their file name. */
public enum ImageFormat {
    PNG("png", "image/png", true),
    JPEG("jpg", "image/jpeg", true),
    BMP("bmp", "image/bmp", false),
    GIF("gif", "image/gif", false),
    TIFF("tif", "image/tiff", false),
    WEBP("webp", "image/webp", false);

    private final String extension;
    private final String mimeType;
    private final boolean writable;

    ImageFormat(String extension, String mimeType, boolean writable) {
        this.extension = extension;
        this.mimeType = mimeType;
        this.writable = writable;
    }

    /** The usual file name extension, without the dot. */
    public String extension() {
        return extension;
    }

    public String mimeType() {
        return mimeType;
    }

    /** Whether Pexper can write this format (PNG and JPEG; WebP is read only, see README). */
    public boolean isWritable() {
        return writable;
    }

    /** How many leading bytes {@link #sniff} needs. */
    public static final int SNIFF_LENGTH = 16;

    /** The format whose signature starts the content, or null when it is none Pexper reads. */
    public static ImageFormat sniff(byte[] head, int length) {
        if (startsWith(head, length, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return PNG;
        }
        if (startsWith(head, length, 0xFF, 0xD8, 0xFF)) {
            return JPEG;
        }
        if (startsWith(head, length, 'G', 'I', 'F', '8')) {
            return GIF;
        }
        if (startsWith(head, length, 'B', 'M') && length >= 14) {
            return BMP;
        }
        if (startsWith(head, length, 'I', 'I', 42, 0) || startsWith(head, length, 'M', 'M', 0, 42)
                || startsWith(head, length, 'I', 'I', 43, 0) || startsWith(head, length, 'M', 'M', 0, 43)) {
            return TIFF;
        }
        if (length >= 12 && startsWith(head, length, 'R', 'I', 'F', 'F') && head[8] == 'W' && head[9] == 'E'
                && head[10] == 'B' && head[11] == 'P') {
            return WEBP;
        }
        return null;
    }

    /** A writable format named by a user ("png", "jpg", "jpeg"), or null. */
    public static ImageFormat writableByName(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "png" -> PNG;
            case "jpg", "jpeg" -> JPEG;
            default -> null;
        };
    }

    private static boolean startsWith(byte[] head, int length, int... signature) {
        if (length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((head[i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }
}
