package com.pexper.imaging.internal.filters;

import com.pexper.core.node.InvalidConfigurationException;
import com.pexper.core.node.Parameters;
import com.pexper.imaging.Image;
import com.pexper.imaging.ImageBuffer;
import com.pexper.imaging.Rgba;
import com.pexper.imaging.filter.FilterOperation;
import com.pexper.imaging.filter.ImageFilter;

/** Pad / canvas: adds margins of a colour around the image; a transparent colour adds alpha. */
public final class PadFilter implements ImageFilter {

    @Override
    public FilterOperation configure(Parameters parameters) throws InvalidConfigurationException {
        int top = (int) parameters.integer("top");
        int right = (int) parameters.integer("right");
        int bottom = (int) parameters.integer("bottom");
        int left = (int) parameters.integer("left");
        Rgba color = Pixels.color(parameters, "color");
        return (image, inputs, context) -> pad(image, top, right, bottom, left, color);
    }

    /** The image placed at (left, top) on a canvas of the colour, margins added on every side. */
    public static Image pad(Image image, int top, int right, int bottom, int left, Rgba color) {
        Image source = color.isOpaque() ? image : Pixels.withAlpha(image);
        if (source.colorChannels() == 1 && !(color.r() == color.g() && color.g() == color.b())) {
            source = Pixels.toRgb(source);
        }
        int channels = source.channels();
        int w = source.width() + left + right;
        int h = source.height() + top + bottom;
        ImageBuffer out = new ImageBuffer(w, h, channels, source.bitsPerChannel());
        int scale = source.maxValue() / 255;
        int[] fill = new int[channels];
        if (source.colorChannels() == 1) {
            fill[0] = color.r() * scale;
        } else {
            fill[0] = color.r() * scale;
            fill[1] = color.g() * scale;
            fill[2] = color.b() * scale;
        }
        if (source.hasAlpha()) {
            fill[channels - 1] = color.a() * scale;
        }
        for (int p = 0, n = w * h; p < n; p++) {
            for (int c = 0; c < channels; c++) {
                out.set(p * channels + c, fill[c]);
            }
        }
        int rowLength = source.width() * channels;
        for (int y = 0; y < source.height(); y++) {
            int from = y * rowLength;
            int to = ((y + top) * w + left) * channels;
            if (source.bytes() != null) {
                System.arraycopy(source.bytes(), from, out.bytes(), to, rowLength);
            } else {
                System.arraycopy(source.shorts(), from, out.shorts(), to, rowLength);
            }
        }
        return out.toImage();
    }
}
