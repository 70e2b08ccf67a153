package com.pexper.imaging.internal.filters;

import com.pexper.core.node.Parameters;
import com.pexper.imaging.Image;
import com.pexper.imaging.ImageBuffer;
import com.pexper.imaging.Resampler;
import com.pexper.imaging.filter.FilterOperation;
import com.pexper.imaging.filter.ImageFilter;

/**
 * Uses a mask (its luma, or its alpha when it has one) as the image's alpha: white keeps, black
 * removes. A mask of another size is scaled to the image's. With {@code invert}, black keeps.
 * An image that already has alpha keeps the product of both.
 */
public final class ApplyMaskFilter implements ImageFilter {

    @Override
    public FilterOperation configure(Parameters parameters) {
        boolean invert = parameters.flag("invert");
        return (image, inputs, context) -> apply(image, inputs.get("mask"), invert);
    }

    public static Image apply(Image image, Image mask, boolean invert) {
        if (mask.width() != image.width() || mask.height() != image.height()) {
            mask = Resampler.resize(mask, image.width(), image.height(), Resampler.Kernel.BILINEAR);
        }
        Image rgba = Pixels.withAlpha(image);
        int ch = rgba.channels();
        float maskMax = mask.maxValue();
        ImageBuffer out = ImageBuffer.like(rgba, ch);
        for (int p = 0, n = (int) rgba.pixelCount(); p < n; p++) {
            float m = (mask.hasAlpha() ? mask.sample(p * mask.channels() + mask.channels() - 1) : Pixels.luma(mask, p)) / maskMax;
            if (invert) {
                m = 1 - m;
            }
            int i = p * ch;
            for (int c = 0; c < ch - 1; c++) {
                out.set(i + c, rgba.sample(i + c));
            }
            out.setClamped(i + ch - 1, rgba.sample(i + ch - 1) * m);
        }
        return out.toImage();
    }
}
