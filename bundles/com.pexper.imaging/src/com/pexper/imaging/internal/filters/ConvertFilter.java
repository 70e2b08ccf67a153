package com.pexper.imaging.internal.filters;

import com.pexper.core.node.Parameters;
import com.pexper.imaging.Image;
import com.pexper.imaging.ImageBuffer;
import com.pexper.imaging.filter.FilterOperation;
import com.pexper.imaging.filter.ImageFilter;

/**
 * Converts the pixel format: channels (gray, gray+alpha, RGB, RGBA) and bits per channel (8, 16).
 * The file format and quality are chosen where the image is saved.
 */
public final class ConvertFilter implements ImageFilter {

    @Override
    public FilterOperation configure(Parameters parameters) {
        String channels = parameters.string("channels");
        String bits = parameters.string("bits");
        return (image, inputs, context) -> {
            Image result = switch (channels) {
                case "gray" -> dropAlpha(GrayscaleFilter.toGray(image));
                case "gray+alpha" -> Pixels.withAlpha(GrayscaleFilter.toGray(image));
                case "rgb" -> dropAlpha(Pixels.toRgb(image));
                case "rgba" -> Pixels.withAlpha(Pixels.toRgb(image));
                default -> image;
            };
            return switch (bits) {
                case "8" -> result.to8Bit();
                case "16" -> to16Bit(result);
                default -> result;
            };
        };
    }

    /** Drops alpha by compositing onto white, as viewers show transparent images. */
    static Image dropAlpha(Image image) {
        if (!image.hasAlpha()) {
            return image;
        }
        Image opaque = CompositeFilter.onColor(image, com.pexper.imaging.Rgba.WHITE);
        return image.colorChannels() == 1 ? GrayscaleFilter.toGray(opaque) : opaque;
    }

    static Image to16Bit(Image image) {
        if (image.bitsPerChannel() == 16) {
            return image;
        }
        ImageBuffer out = new ImageBuffer(image.width(), image.height(), image.channels(), 16);
        byte[] in = image.bytes();
        for (int i = 0; i < in.length; i++) {
            out.set(i, (in[i] & 0xFF) * 257);
        }
        return out.toImage();
    }
}
