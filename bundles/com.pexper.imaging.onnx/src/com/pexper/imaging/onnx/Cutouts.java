package com.pexper.imaging.onnx;

import com.pexper.imaging.Image;
import com.pexper.imaging.Rgba;
import com.pexper.imaging.internal.filters.CompositeFilter;

/** Turns a photo and its mask into what the user asked for. */
public final class Cutouts {

    public enum Output {
        CUTOUT, MASK, COMPOSITE
    }

    private Cutouts() {
    }

    /**
     * @param refine use {@link EdgeRefiner} for the alpha and colours of the edges
     * @param background for COMPOSITE: an image to place the subject on, or null for {@code color}
     */
    public static Image compose(Image image, Image mask, Output output, boolean refine, Rgba color, Image background) {
        if (output == Output.MASK && !refine) {
            return mask;
        }
        Image cutout = refine ? EdgeRefiner.refine(image, mask) : BackgroundRemover.cutout(image, mask);
        return switch (output) {
            case MASK -> alphaOf(cutout);
            case CUTOUT -> cutout;
            case COMPOSITE -> background != null
                    ? CompositeFilter.onImage(cutout, CompositeFilter.cover(background, image.width(), image.height()))
                    : CompositeFilter.onColor(cutout, color);
        };
    }

    private static Image alphaOf(Image rgba) {
        int n = (int) rgba.pixelCount();
        byte[] out = new byte[n];
        byte[] in = rgba.bytes();
        for (int p = 0; p < n; p++) {
            out[p] = in[p * 4 + 3];
        }
        return Image.wrap8(rgba.width(), rgba.height(), 1, out);
    }
}
