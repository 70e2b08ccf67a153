package com.pexper.imaging.internal.filters;

import com.pexper.core.node.Parameters;
import com.pexper.imaging.Image;
import com.pexper.imaging.ImageBuffer;
import com.pexper.imaging.filter.FilterOperation;
import com.pexper.imaging.filter.ImageFilter;

/** Grayscale by Rec. 709 luma; alpha kept; the result has one colour channel. */
public final class GrayscaleFilter implements ImageFilter {

    @Override
    public FilterOperation configure(Parameters parameters) {
        return (image, inputs, context) -> toGray(image);
    }

    static Image toGray(Image image) {
        if (image.colorChannels() == 1) {
            return image;
        }
        boolean alpha = image.hasAlpha();
        int to = alpha ? 2 : 1;
        ImageBuffer out = ImageBuffer.like(image, to);
        for (int p = 0, n = (int) image.pixelCount(); p < n; p++) {
            out.setClamped(p * to, Pixels.luma(image, p));
            if (alpha) {
                out.set(p * to + 1, image.sample(p * image.channels() + 3));
            }
        }
        return out.toImage();
    }
}
