package com.pexper.ui.editor.internal;

import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;

import com.pexper.core.data.ImageValue;
import com.pexper.imaging.Image;

/**
 * A small copy of an image for the canvas: each pixel the mean of the block it stands for, and an
 * image with transparency laid over a checkerboard, as image editors show it, so that a cutout's
 * edges and a mask's grey read at a glance.
 */
final class Thumbnail {

    private Thumbnail() {
    }

    /** The checkerboard's squares, in pixels of the thumbnail. */
    private static final int SQUARE = 8;
    private static final int LIGHT = 0xFF;
    private static final int DARK = 0xD8;

    /** The image shrunk to fit {@code side} pixels (never enlarged), or null for an image it cannot read. */
    static ImageData of(ImageValue value, int side) {
        if (!(value instanceof Image image) || image.width() <= 0 || image.height() <= 0) {
            return null;
        }
        Image eight = image.to8Bit();
        byte[] samples = eight.bytes();
        int channels = eight.channels();
        boolean alpha = eight.hasAlpha();
        int colours = eight.colorChannels();
        int w = eight.width();
        int h = eight.height();
        double scale = Math.min(1, side / (double) Math.max(w, h));
        int tw = Math.max(1, (int) Math.round(w * scale));
        int th = Math.max(1, (int) Math.round(h * scale));
        ImageData data = new ImageData(tw, th, 24, new PaletteData(0xFF0000, 0xFF00, 0xFF));
        int[] row = new int[tw];
        for (int ty = 0; ty < th; ty++) {
            int y0 = (int) ((long) ty * h / th);
            int y1 = Math.max(y0 + 1, (int) ((long) (ty + 1) * h / th));
            for (int tx = 0; tx < tw; tx++) {
                int x0 = (int) ((long) tx * w / tw);
                int x1 = Math.max(x0 + 1, (int) ((long) (tx + 1) * w / tw));
                // colours weighted by their alpha: transparent pixels do not darken the edges
                long r = 0;
                long g = 0;
                long b = 0;
                long a = 0;
                int n = 0;
                // at most 8 x 8 samples a block: a 50-megapixel photo takes as long as a small one
                int stepY = Math.max(1, (y1 - y0) / 8);
                int stepX = Math.max(1, (x1 - x0) / 8);
                for (int y = y0; y < y1; y += stepY) {
                    int at = (y * w + x0) * channels;
                    for (int x = x0; x < x1; x += stepX, at += stepX * channels) {
                        int weight = alpha ? samples[at + channels - 1] & 0xFF : 255;
                        int red = samples[at] & 0xFF;
                        r += (long) red * weight;
                        g += (long) (colours == 3 ? samples[at + 1] & 0xFF : red) * weight;
                        b += (long) (colours == 3 ? samples[at + 2] & 0xFF : red) * weight;
                        a += weight;
                        n++;
                    }
                }
                int opacity = (int) (a / n);
                int under = ((tx / SQUARE + ty / SQUARE) & 1) == 0 ? LIGHT : DARK;
                row[tx] = a == 0 ? under << 16 | under << 8 | under
                        : over(r / a, opacity, under) << 16 | over(g / a, opacity, under) << 8 | over(b / a, opacity, under);
            }
            data.setPixels(0, ty, tw, row, 0);
        }
        return data;
    }

    private static int over(long colour, int opacity, int under) {
        return (int) ((colour * opacity + under * (255 - opacity)) / 255);
    }
}
