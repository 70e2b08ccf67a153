package com.pexper.imaging.internal.filters;

import com.pexper.core.node.InvalidConfigurationException;
import com.pexper.core.node.Parameters;
import com.pexper.imaging.Image;
import com.pexper.imaging.ImageBuffer;
import com.pexper.imaging.Resampler;
import com.pexper.imaging.Rgba;
import com.pexper.imaging.filter.FilterOperation;
import com.pexper.imaging.filter.ImageFilter;

/**
 * Composites the image (with its alpha) over a background: the connected {@code background} image,
 * scaled to cover the image's size and centred, or else a solid colour. The result is opaque RGB
 * unless the colour itself is translucent.
 */
public final class CompositeFilter implements ImageFilter {

    @Override
    public FilterOperation configure(Parameters parameters) throws InvalidConfigurationException {
        Rgba color = Pixels.color(parameters, "color");
        return (image, inputs, context) -> {
            Image background = inputs.get("background");
            if (background == null) {
                return onColor(image, color);
            }
            return onImage(image, cover(background, image.width(), image.height()));
        };
    }

    /** The background scaled to cover w x h and centre-cropped to it. */
    public static Image cover(Image background, int w, int h) {
        if (background.width() == w && background.height() == h) {
            return background;
        }
        double scale = Math.max((double) w / background.width(), (double) h / background.height());
        int sw = Math.max(w, (int) Math.ceil(background.width() * scale));
        int sh = Math.max(h, (int) Math.ceil(background.height() * scale));
        Image scaled = Resampler.resize(background, sw, sh, Resampler.Kernel.LANCZOS3);
        return CropFilter.crop(scaled, (sw - w) / 2, (sh - h) / 2, w, h);
    }

    /** The image over a solid colour: the whole image becomes that colour where it is transparent. */
    public static Image onColor(Image image, Rgba color) {
        if (!image.hasAlpha() && color.isOpaque()) {
            return image;
        }
        Image rgba = Pixels.toRgb(Pixels.withAlpha(image));
        int max = rgba.maxValue();
        float scale = max / 255f;
        float[] bg = { color.r() * scale, color.g() * scale, color.b() * scale };
        float bgAlpha = color.a() / 255f;
        boolean opaque = color.isOpaque();
        int to = opaque ? 3 : 4;
        ImageBuffer out = ImageBuffer.like(rgba, to);
        for (int p = 0, n = (int) rgba.pixelCount(); p < n; p++) {
            float a = rgba.sample(p * 4 + 3) / (float) max;
            // "over" with a possibly translucent background, straight alpha out
            float outA = a + bgAlpha * (1 - a);
            for (int c = 0; c < 3; c++) {
                float v = outA <= 0 ? 0
                        : (rgba.sample(p * 4 + c) * a + bg[c] * bgAlpha * (1 - a)) / outA;
                out.setClamped(p * to + c, v);
            }
            if (!opaque) {
                out.setClamped(p * to + 3, outA * max);
            }
        }
        return out.toImage();
    }

    /** The image over an opaque background image of the same size. */
    public static Image onImage(Image image, Image background) {
        Image fg = Pixels.toRgb(Pixels.withAlpha(image));
        Image bg = Pixels.toRgb(background);
        int fmax = fg.maxValue();
        float bscale = fg.maxValue() / (float) bg.maxValue();
        int bch = bg.channels();
        ImageBuffer out = ImageBuffer.like(fg, 3);
        for (int p = 0, n = (int) fg.pixelCount(); p < n; p++) {
            float a = fg.sample(p * 4 + 3) / (float) fmax;
            for (int c = 0; c < 3; c++) {
                out.setClamped(p * 3 + c, fg.sample(p * 4 + c) * a + bg.sample(p * bch + c) * bscale * (1 - a));
            }
        }
        return out.toImage();
    }
}
