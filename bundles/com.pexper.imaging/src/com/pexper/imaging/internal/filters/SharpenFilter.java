package com.pexper.imaging.internal.filters;

import com.pexper.core.node.Parameters;
import com.pexper.imaging.filter.FilterOperation;
import com.pexper.imaging.filter.ImageFilter;

/**
 * Unsharp mask: adds {@code amount} times the difference between the image and its Gaussian blur,
 * where that difference exceeds {@code threshold} (so flat areas and noise stay as they are).
 */
public final class SharpenFilter implements ImageFilter {

    @Override
    public FilterOperation configure(Parameters parameters) {
        float amount = (float) parameters.decimal("amount") / 100f;
        double sigma = parameters.decimal("radius");
        float threshold = (float) parameters.decimal("threshold");
        return (image, inputs, context) -> {
            float[] original = Pixels.toFloats(image);
            float[] blurred = original.clone();
            Pixels.gaussian(blurred, image.width(), image.height(), image.channels(), sigma);
            context.checkCanceled();
            float scale = image.maxValue() / 255f;
            int ch = image.channels();
            boolean alpha = image.hasAlpha();
            for (int i = 0; i < original.length; i++) {
                if (alpha && i % ch == ch - 1) {
                    continue;
                }
                float detail = original[i] - blurred[i];
                if (Math.abs(detail) >= threshold * scale) {
                    original[i] += amount * detail;
                }
            }
            return Pixels.fromFloats(original, image);
        };
    }
}
