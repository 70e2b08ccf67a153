package com.pexper.imaging.internal.filters;

import com.pexper.core.node.Parameters;
import com.pexper.imaging.ImageBuffer;
import com.pexper.imaging.filter.FilterOperation;
import com.pexper.imaging.filter.ImageFilter;

/**
 * Brightness, contrast and saturation, each -100 to 100 with 0 leaving the image alone: brightness
 * adds up to the full range, contrast scales around mid-gray, saturation scales away from luma.
 */
public final class AdjustFilter implements ImageFilter {

    @Override
    public FilterOperation configure(Parameters parameters) {
        float brightness = (float) parameters.decimal("brightness") / 100f;
        float contrast = (float) parameters.decimal("contrast") / 100f;
        float saturation = (float) parameters.decimal("saturation") / 100f;
        // contrast -100 flattens to gray, +100 quadruples the slope
        float slope = contrast >= 0 ? 1 + 3 * contrast : 1 + contrast;
        float chroma = 1 + saturation;
        return (image, inputs, context) -> {
            int ch = image.channels();
            int colors = image.colorChannels();
            float max = image.maxValue();
            ImageBuffer out = ImageBuffer.like(image, ch);
            float[] v = new float[3];
            for (int p = 0, n = (int) image.pixelCount(); p < n; p++) {
                int i = p * ch;
                float luma = Pixels.luma(image, p);
                for (int c = 0; c < colors; c++) {
                    float s = colors == 3 ? luma + (image.sample(i + c) - luma) * chroma : image.sample(i + c);
                    s = (s - max / 2) * slope + max / 2 + brightness * max;
                    v[c] = s;
                }
                for (int c = 0; c < colors; c++) {
                    out.setClamped(i + c, v[c]);
                }
                if (image.hasAlpha()) {
                    out.set(i + ch - 1, image.sample(i + ch - 1));
                }
            }
            return out.toImage();
        };
    }
}
