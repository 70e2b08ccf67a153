package com.pexper.imaging.internal.codec;

import com.pexper.imaging.Image;
import com.pexper.imaging.internal.filters.RotateFilter;

/**
 * The EXIF orientation of a JPEG (tag 0x0112 of IFD0 in the APP1 "Exif" segment) and its
 * application, so that a photo taken with the camera turned appears upright as every viewer shows it.
 * The parser reads untrusted bytes: every offset is checked, and anything odd means "upright".
 */
public final class ExifOrientation {

    private ExifOrientation() {
    }

    /** 1 to 8 as EXIF defines them; 1 (upright) when absent or unreadable. */
    public static int read(byte[] jpeg) {
        int pos = 2;
        while (pos + 4 <= jpeg.length && (jpeg[pos] & 0xFF) == 0xFF) {
            int marker = jpeg[pos + 1] & 0xFF;
            if (marker == 0xDA || marker == 0xD9) {
                return 1; // image data starts: no EXIF before it
            }
            int length = u16(jpeg, pos + 2, false);
            if (length < 2) {
                return 1;
            }
            if (marker == 0xE1 && pos + 10 <= jpeg.length && jpeg[pos + 4] == 'E' && jpeg[pos + 5] == 'x'
                    && jpeg[pos + 6] == 'i' && jpeg[pos + 7] == 'f') {
                int tiff = pos + 10;
                int end = Math.min(jpeg.length, pos + 2 + length);
                return fromTiff(jpeg, tiff, end);
            }
            pos += 2 + length;
        }
        return 1;
    }

    private static int fromTiff(byte[] b, int tiff, int end) {
        if (tiff + 8 > end) {
            return 1;
        }
        boolean little;
        if (b[tiff] == 'I' && b[tiff + 1] == 'I') {
            little = true;
        } else if (b[tiff] == 'M' && b[tiff + 1] == 'M') {
            little = false;
        } else {
            return 1;
        }
        long ifd = u32(b, tiff + 4, little);
        if (ifd < 8 || tiff + ifd + 2 > end) {
            return 1;
        }
        int at = (int) (tiff + ifd);
        int entries = u16(b, at, little);
        for (int i = 0; i < entries; i++) {
            int entry = at + 2 + 12 * i;
            if (entry + 12 > end) {
                return 1;
            }
            if (u16(b, entry, little) == 0x0112) {
                int value = u16(b, entry + 8, little);
                return value >= 1 && value <= 8 ? value : 1;
            }
        }
        return 1;
    }

    private static int u16(byte[] b, int at, boolean little) {
        int b0 = b[at] & 0xFF;
        int b1 = b[at + 1] & 0xFF;
        return little ? b0 | b1 << 8 : b0 << 8 | b1;
    }

    private static long u32(byte[] b, int at, boolean little) {
        long hi = u16(b, at + (little ? 2 : 0), little);
        long lo = u16(b, at + (little ? 0 : 2), little);
        return hi << 16 | lo;
    }

    /** The image turned upright for an EXIF orientation value: a quarter-turn rotation and a flip. */
    public static Image apply(Image image, int orientation) {
        return switch (orientation) {
            case 2 -> RotateFilter.transform(image, 0, true, false);
            case 3 -> RotateFilter.transform(image, 2, false, false);
            case 4 -> RotateFilter.transform(image, 0, false, true);
            case 5 -> RotateFilter.transform(image, 1, true, false); // transpose
            case 6 -> RotateFilter.transform(image, 1, false, false);
            case 7 -> RotateFilter.transform(image, 3, true, false); // transverse
            case 8 -> RotateFilter.transform(image, 3, false, false);
            default -> image;
        };
    }
}
