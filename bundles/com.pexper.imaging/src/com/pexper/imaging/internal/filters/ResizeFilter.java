package com.pexper.imaging.internal.filters;

import com.pexper.core.node.InvalidConfigurationException;
import com.pexper.core.node.Parameters;
import com.pexper.imaging.Image;
import com.pexper.imaging.Resampler;
import com.pexper.imaging.filter.FilterOperation;
import com.pexper.imaging.filter.ImageFilter;

/**
 * Resize: fit within a box keeping the aspect ratio, fill the box and crop the overflow centred, or
 * stretch to an exact size. Lanczos-3 with a support that widens when shrinking, so downscaled
 * photos stay sharp without moiré.
 */
public final class ResizeFilter implements ImageFilter {

    @Override
    public FilterOperation configure(Parameters parameters) throws InvalidConfigurationException {
        String mode = parameters.string("mode");
        int width = (int) parameters.integer("width");
        int height = (int) parameters.integer("height");
        boolean enlarge = parameters.flag("enlarge");
        Resampler.Kernel kernel = switch (parameters.string("quality")) {
            case "bilinear" -> Resampler.Kernel.BILINEAR;
            case "nearest" -> Resampler.Kernel.NEAREST;
            default -> Resampler.Kernel.LANCZOS3;
        };
        return (image, inputs, context) -> {
            int w = image.width();
            int h = image.height();
            return switch (mode) {
                case "exact" -> Resampler.resize(image, width, height, kernel);
                case "fill" -> {
                    double scale = Math.max((double) width / w, (double) height / h);
                    if (scale > 1 && !enlarge) {
                        scale = 1;
                    }
                    int sw = Math.max(1, (int) Math.round(w * scale));
                    int sh = Math.max(1, (int) Math.round(h * scale));
                    Image scaled = Resampler.resize(image, sw, sh, kernel);
                    int cw = Math.min(width, sw);
                    int ch = Math.min(height, sh);
                    yield CropFilter.crop(scaled, (sw - cw) / 2, (sh - ch) / 2, cw, ch);
                }
                default -> {
                    double scale = Math.min((double) width / w, (double) height / h);
                    if (scale >= 1 && !enlarge) {
                        yield image;
                    }
                    yield Resampler.resize(image, Math.max(1, (int) Math.round(w * scale)),
                            Math.max(1, (int) Math.round(h * scale)), kernel);
                }
            };
        };
    }
}
