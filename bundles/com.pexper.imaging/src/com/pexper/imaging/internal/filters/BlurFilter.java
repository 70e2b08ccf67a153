package com.pexper.imaging.internal.filters;

import com.pexper.core.node.Parameters;
import com.pexper.imaging.filter.FilterOperation;
import com.pexper.imaging.filter.ImageFilter;

/** Gaussian blur with a given sigma in pixels (the kernel reaches 3 sigma). */
public final class BlurFilter implements ImageFilter {

    @Override
    public FilterOperation configure(Parameters parameters) {
        double sigma = parameters.decimal("sigma");
        return (image, inputs, context) -> {
            float[] data = Pixels.toFloats(image);
            Pixels.gaussian(data, image.width(), image.height(), image.channels(), sigma);
            context.checkCanceled();
            return Pixels.fromFloats(data, image);
        };
    }
}
