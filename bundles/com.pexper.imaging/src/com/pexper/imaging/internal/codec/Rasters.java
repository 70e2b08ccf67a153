package com.pexper.imaging.internal.codec;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;

import com.pexper.imaging.Image;

/** Moves pixels between AWT's images, which ImageIO reads and writes, and {@link Image}. */
public final class Rasters {

    private Rasters() {
    }

    public static Image toImage(BufferedImage source) {
        ColorModel model = source.getColorModel();
        int w = source.getWidth();
        int h = source.getHeight();
        if (model.isAlphaPremultiplied()) {
            source.coerceData(false);
        }
        WritableRaster raster = source.getRaster();
        int bands = raster.getNumBands();
        int transfer = raster.getTransferType();
        if (model instanceof ComponentColorModel && bands == model.getNumComponents() && bands <= 4
                && (transfer == DataBuffer.TYPE_BYTE || transfer == DataBuffer.TYPE_USHORT)
                && model.getColorSpace().getNumComponents() + (model.hasAlpha() ? 1 : 0) == bands) {
            // getDataElements returns the samples in the colour model's order (R, G, B, A) whatever
            // the order in storage, so one call converts BGR, ABGR and friends.
            Object samples = raster.getDataElements(0, 0, w, h, null);
            if (transfer == DataBuffer.TYPE_BYTE) {
                boolean eightBits = true;
                for (int size : model.getComponentSize()) {
                    eightBits &= size == 8;
                }
                if (eightBits) {
                    return Image.wrap8(w, h, bands, (byte[]) samples);
                }
            } else {
                boolean sixteen = true;
                for (int size : model.getComponentSize()) {
                    sixteen &= size == 16;
                }
                if (sixteen) {
                    return Image.wrap16(w, h, bands, (short[]) samples);
                }
            }
        }
        if (model instanceof IndexColorModel index && isGray(index) && !index.hasAlpha()) {
            byte[] gray = new byte[w * h];
            int[] row = new int[w];
            for (int y = 0; y < h; y++) {
                source.getRGB(0, y, w, 1, row, 0, w);
                for (int x = 0; x < w; x++) {
                    gray[y * w + x] = (byte) row[x];
                }
            }
            return Image.wrap8(w, h, 1, gray);
        }
        // Everything else (palettes, packed ints, odd bit depths): through ARGB.
        boolean alpha = model.hasAlpha();
        int channels = alpha ? 4 : 3;
        byte[] out = new byte[w * h * channels];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            source.getRGB(0, y, w, 1, row, 0, w);
            int o = y * w * channels;
            for (int x = 0; x < w; x++) {
                int argb = row[x];
                out[o++] = (byte) (argb >> 16);
                out[o++] = (byte) (argb >> 8);
                out[o++] = (byte) argb;
                if (alpha) {
                    out[o++] = (byte) (argb >>> 24);
                }
            }
        }
        return Image.wrap8(w, h, channels, out);
    }

    private static boolean isGray(IndexColorModel index) {
        for (int i = 0; i < index.getMapSize(); i++) {
            int r = index.getRed(i);
            if (r != index.getGreen(i) || r != index.getBlue(i)) {
                return false;
            }
        }
        return true;
    }

    /** An 8-bit RGB or gray AWT image for encoders without alpha (JPEG), alpha flattened onto a colour. */
    public static BufferedImage toOpaqueAwt(Image image, int backgroundRgb) {
        Image source = image.to8Bit();
        int w = source.width();
        int h = source.height();
        int channels = source.channels();
        byte[] in = source.bytes();
        boolean gray = channels <= 2;
        BufferedImage out = new BufferedImage(w, h, gray ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR);
        byte[] data = ((java.awt.image.DataBufferByte) out.getRaster().getDataBuffer()).getData();
        int[] bg = { backgroundRgb >> 16 & 0xFF, backgroundRgb >> 8 & 0xFF, backgroundRgb & 0xFF };
        int bgGray = (bg[0] * 299 + bg[1] * 587 + bg[2] * 114 + 500) / 1000;
        int pixels = w * h;
        for (int p = 0; p < pixels; p++) {
            int i = p * channels;
            if (gray) {
                int v = in[i] & 0xFF;
                if (channels == 2) {
                    int a = in[i + 1] & 0xFF;
                    v = (v * a + bgGray * (255 - a) + 127) / 255;
                }
                data[p] = (byte) v;
            } else {
                int r = in[i] & 0xFF;
                int g = in[i + 1] & 0xFF;
                int b = in[i + 2] & 0xFF;
                if (channels == 4) {
                    int a = in[i + 3] & 0xFF;
                    r = (r * a + bg[0] * (255 - a) + 127) / 255;
                    g = (g * a + bg[1] * (255 - a) + 127) / 255;
                    b = (b * a + bg[2] * (255 - a) + 127) / 255;
                }
                data[p * 3] = (byte) b;
                data[p * 3 + 1] = (byte) g;
                data[p * 3 + 2] = (byte) r;
            }
        }
        return out;
    }
}
