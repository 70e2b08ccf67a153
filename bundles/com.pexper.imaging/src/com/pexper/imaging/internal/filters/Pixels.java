package com.pexper.imaging.internal.filters;

import com.pexper.core.node.InvalidConfigurationException;
import com.pexper.core.node.NodeExecutionException;
import com.pexper.core.node.Parameters;
import com.pexper.imaging.Image;
import com.pexper.imaging.ImageBuffer;
import com.pexper.imaging.Rgba;

/** Pixel conversions the built-in filters share. */
final class Pixels {

    private Pixels() {
    }

    /** The image with an alpha channel (opaque where it had none). */
    static Image withAlpha(Image image) {
        if (image.hasAlpha()) {
            return image;
        }
        int from = image.channels();
        ImageBuffer out = ImageBuffer.like(image, from + 1);
        int max = image.maxValue();
        long pixels = image.pixelCount();
        for (int p = 0; p < pixels; p++) {
            for (int c = 0; c < from; c++) {
                out.set(p * (from + 1) + c, image.sample(p * from + c));
            }
            out.set(p * (from + 1) + from, max);
        }
        return out.toImage();
    }

    /** The image with 3 colour channels (gray expanded), alpha kept. */
    static Image toRgb(Image image) {
        if (image.colorChannels() == 3) {
            return image;
        }
        boolean alpha = image.hasAlpha();
        int to = alpha ? 4 : 3;
        ImageBuffer out = ImageBuffer.like(image, to);
        long pixels = image.pixelCount();
        int from = image.channels();
        for (int p = 0; p < pixels; p++) {
            int v = image.sample(p * from);
            out.set(p * to, v);
            out.set(p * to + 1, v);
            out.set(p * to + 2, v);
            if (alpha) {
                out.set(p * to + 3, image.sample(p * from + 1));
            }
        }
        return out.toImage();
    }

    /** Luma (Rec. 709 weights on the sRGB values) of pixel p, in the image's range. */
    static float luma(Image image, int p) {
        int ch = image.channels();
        if (image.colorChannels() == 1) {
            return image.sample(p * ch);
        }
        return 0.2126f * image.sample(p * ch) + 0.7152f * image.sample(p * ch + 1) + 0.0722f * image.sample(p * ch + 2);
    }

    /** A colour parameter, with a configuration error naming it. */
    static Rgba color(Parameters parameters, String name) throws InvalidConfigurationException {
        try {
            return Rgba.parse(parameters.string(name));
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException("'" + name + "': " + e.getMessage());
        }
    }

    static void requireSameSize(Image image, Image other, String input) throws NodeExecutionException {
        if (other.width() != image.width() || other.height() != image.height()) {
            throw new NodeExecutionException("the " + input + " is " + other.width() + "x" + other.height()
                    + " but the image is " + image.width() + "x" + image.height()
                    + "; resize one of them first (Resize, mode exact)");
        }
    }

    /** Separable Gaussian blur of interleaved float samples, in place. */
    static void gaussian(float[] data, int w, int h, int channels, double sigma) {
        int radius = Math.max(1, (int) Math.ceil(sigma * 3));
        float[] kernel = new float[2 * radius + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++) {
            kernel[i + radius] = (float) Math.exp(-(i * i) / (2 * sigma * sigma));
            sum += kernel[i + radius];
        }
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] /= (float) sum;
        }
        float[] line = new float[Math.max(w, h) * channels];
        for (int y = 0; y < h; y++) {
            int row = y * w * channels;
            System.arraycopy(data, row, line, 0, w * channels);
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < channels; c++) {
                    float acc = 0;
                    for (int k = -radius; k <= radius; k++) {
                        int sx = Math.min(w - 1, Math.max(0, x + k));
                        acc += kernel[k + radius] * line[sx * channels + c];
                    }
                    data[row + x * channels + c] = acc;
                }
            }
        }
        for (int x = 0; x < w; x++) {
            for (int y = 0; y < h; y++) {
                for (int c = 0; c < channels; c++) {
                    line[y * channels + c] = data[(y * w + x) * channels + c];
                }
            }
            for (int y = 0; y < h; y++) {
                for (int c = 0; c < channels; c++) {
                    float acc = 0;
                    for (int k = -radius; k <= radius; k++) {
                        int sy = Math.min(h - 1, Math.max(0, y + k));
                        acc += kernel[k + radius] * line[sy * channels + c];
                    }
                    data[(y * w + x) * channels + c] = acc;
                }
            }
        }
    }

    static float[] toFloats(Image image) {
        float[] out = new float[(int) (image.pixelCount() * image.channels())];
        for (int i = 0; i < out.length; i++) {
            out[i] = image.sample(i);
        }
        return out;
    }

    static Image fromFloats(float[] data, Image like) {
        ImageBuffer out = ImageBuffer.like(like, like.channels());
        for (int i = 0; i < data.length; i++) {
            out.setClamped(i, data[i]);
        }
        return out.toImage();
    }
}
