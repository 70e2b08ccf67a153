package com.example.pexper.filters.internal;

import com.pexper.core.node.Parameters;
import com.pexper.imaging.Image;
import com.pexper.imaging.ImageBuffer;
import com.pexper.imaging.filter.FilterOperation;
import com.pexper.imaging.filter.ImageFilter;

/**
 * Each colour sample snapped to the nearest of {@code levels} evenly spaced values; alpha kept.
 * Works on 8- and 16-bit images alike through the sample accessors.
 */
public final class PosterizeFilter implements ImageFilter {

    @Override
    public FilterOperation configure(Parameters parameters) {
        int levels = (int) parameters.integer("levels"); // 2..64, checked by Pexper from plugin.xml
        return (image, inputs, context) -> posterize(image, levels);
    }

    static Image posterize(Image image, int levels) {
        int max = image.maxValue();
        int channels = image.channels();
        int colors = image.colorChannels();
        ImageBuffer out = ImageBuffer.like(image, channels);
        for (int i = 0, n = (int) image.pixelCount() * channels; i < n; i++) {
            int v = image.sample(i);
            if (i % channels < colors) {
                long step = Math.round((double) v * (levels - 1) / max);
                v = (int) Math.round((double) step * max / (levels - 1));
            }
            out.set(i, v);
        }
        return out.toImage();
    }
}
