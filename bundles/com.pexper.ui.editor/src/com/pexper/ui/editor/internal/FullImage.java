package com.pexper.ui.editor.internal;

import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;

import com.pexper.core.data.ImageValue;
import com.pexper.imaging.Image;

/** An image's own pixels as SWT draws them, its transparency kept: for the Output view at 100 %. */
final class FullImage {

    private FullImage() {
    }

    /** The pixels, 8 bits a channel, with alpha when the image has it; null for an image it cannot read. */
    static ImageData of(ImageValue value) {
        if (!(value instanceof Image image) || image.width() <= 0 || image.height() <= 0) {
            return null;
        }
        Image eight = image.to8Bit();
        byte[] samples = eight.bytes();
        int channels = eight.channels();
        boolean colour = eight.colorChannels() == 3;
        int w = eight.width();
        int h = eight.height();
        ImageData data = new ImageData(w, h, 24, new PaletteData(0xFF0000, 0xFF00, 0xFF));
        byte[] alpha = eight.hasAlpha() ? new byte[w * h] : null;
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            int at = y * w * channels;
            for (int x = 0; x < w; x++, at += channels) {
                int red = samples[at] & 0xFF;
                int green = colour ? samples[at + 1] & 0xFF : red;
                int blue = colour ? samples[at + 2] & 0xFF : red;
                row[x] = red << 16 | green << 8 | blue;
                if (alpha != null) {
                    alpha[y * w + x] = samples[at + channels - 1];
                }
            }
            data.setPixels(0, y, w, row, 0);
        }
        if (alpha != null) {
            data.alphaData = alpha;
        }
        return data;
    }
}
