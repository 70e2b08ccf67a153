package com.pexper.imaging.internal.filters;

import com.pexper.core.node.InvalidConfigurationException;
import com.pexper.core.node.NodeExecutionException;
import com.pexper.core.node.Parameters;
import com.pexper.imaging.Image;
import com.pexper.imaging.Resampler;
import com.pexper.imaging.Rgba;
import com.pexper.imaging.SubjectFinder;
import com.pexper.imaging.filter.FilterInputs;
import com.pexper.imaging.filter.FilterOperation;
import com.pexper.imaging.filter.ImageFilter;

/** The filters that frame the subject found in a mask (the connected one, or the cutout's alpha). */
public final class SubjectFilters {

    private SubjectFilters() {
    }

    static SubjectFinder.Box subject(Image image, FilterInputs inputs, int threshold) throws NodeExecutionException {
        Image mask;
        try {
            mask = SubjectFinder.maskOf(inputs.get("mask") != null ? inputs.get("mask") : image);
        } catch (IllegalArgumentException e) {
            throw new NodeExecutionException(e.getMessage());
        }
        if (mask.width() != image.width() || mask.height() != image.height()) {
            mask = Resampler.resize(mask, image.width(), image.height(), Resampler.Kernel.BILINEAR);
        }
        SubjectFinder.Box box = SubjectFinder.union(SubjectFinder.find(mask, threshold, 0.001));
        if (box == null) {
            throw new NodeExecutionException("no subject found in the mask (nothing at or above " + threshold
                    + "); check the mask, or lower 'threshold'");
        }
        return box;
    }

    /** Crop to subject: the subject's box plus a margin (percent of the box's larger side), within the image. */
    public static final class Crop implements ImageFilter {
        @Override
        public FilterOperation configure(Parameters parameters) {
            double margin = parameters.decimal("margin") / 100;
            int threshold = (int) parameters.integer("threshold");
            return (image, inputs, context) -> {
                SubjectFinder.Box box = subject(image, inputs, threshold);
                int pad = (int) Math.round(margin * Math.max(box.width(), box.height()));
                int x0 = Math.max(0, box.x() - pad);
                int y0 = Math.max(0, box.y() - pad);
                int x1 = Math.min(image.width(), box.x() + box.width() + pad);
                int y1 = Math.min(image.height(), box.y() + box.height() + pad);
                return CropFilter.crop(image, x0, y0, x1 - x0, y1 - y0);
            };
        }
    }

    /**
     * Centre subject on canvas: crops to the subject, scales it to fill a share of a canvas of the given
     * size (never enlarging beyond 'enlarge' allows), and centres it on the canvas colour. For
     * product shots that must all look alike.
     */
    public static final class Centre implements ImageFilter {
        @Override
        public FilterOperation configure(Parameters parameters) throws InvalidConfigurationException {
            int width = (int) parameters.integer("width");
            int height = (int) parameters.integer("height");
            double fill = parameters.decimal("fill") / 100;
            int threshold = (int) parameters.integer("threshold");
            boolean enlarge = parameters.flag("enlarge");
            Rgba color = Pixels.color(parameters, "color");
            return (image, inputs, context) -> {
                SubjectFinder.Box box = subject(image, inputs, threshold);
                Image subject = CropFilter.crop(image, box.x(), box.y(), box.width(), box.height());
                double scale = Math.min(width * fill / box.width(), height * fill / box.height());
                if (scale > 1 && !enlarge) {
                    scale = 1;
                }
                int sw = Math.max(1, Math.min(width, (int) Math.round(box.width() * scale)));
                int sh = Math.max(1, Math.min(height, (int) Math.round(box.height() * scale)));
                Image scaled = Resampler.resize(subject, sw, sh, Resampler.Kernel.LANCZOS3);
                int left = (width - sw) / 2;
                int top = (height - sh) / 2;
                return PadFilter.pad(scaled, top, width - sw - left, height - sh - top, left, color);
            };
        }
    }
}
