package com.pexper.imaging;

/**
 * Resizes images. {@link Kernel#LANCZOS3} and {@link Kernel#BILINEAR} are separable filters whose
 * support widens with the reduction, so downscaling averages every source pixel (no aliasing), as
 * Pillow and libvips do. (The plain four-neighbour bilinear that segmentation models expect is in
 * the background remover's preprocessing.)
 */
public final class Resampler {

    public enum Kernel {
        /** Sharpest; the default for photos. */
        LANCZOS3(3.0),
        /** Smoother and cheaper. */
        BILINEAR(1.0),
        /** Hard pixel edges: for masks and pixel art when enlarging. */
        NEAREST(0.5);

        final double support;

        Kernel(double support) {
            this.support = support;
        }

        double weight(double x) {
            x = Math.abs(x);
            return switch (this) {
                case LANCZOS3 -> x < 1e-8 ? 1 : x >= 3 ? 0 : 3 * Math.sin(Math.PI * x) * Math.sin(Math.PI * x / 3) / (Math.PI * Math.PI * x * x);
                case BILINEAR -> x < 1 ? 1 - x : 0;
                case NEAREST -> x <= 0.5 ? 1 : 0;
            };
        }
    }

    private Resampler() {
    }

    /** The image at a new size. 8- and 16-bit; alpha is applied before filtering, so no dark fringes. */
    public static Image resize(Image image, int width, int height, Kernel kernel) {
        if (width == image.width() && height == image.height()) {
            return image;
        }
        int channels = image.channels();
        boolean alpha = image.hasAlpha();
        float max = image.maxValue();
        // Horizontal pass into floats, premultiplied.
        Weights wx = Weights.of(image.width(), width, kernel);
        Weights wy = Weights.of(image.height(), height, kernel);
        int sw = image.width();
        int sh = image.height();
        float[] rows = new float[sh * width * channels];
        float[] pixel = new float[channels];
        for (int y = 0; y < sh; y++) {
            int srcRow = y * sw * channels;
            int dstRow = y * width * channels;
            for (int x = 0; x < width; x++) {
                java.util.Arrays.fill(pixel, 0);
                int start = wx.start[x];
                int n = wx.count[x];
                int wo = x * wx.stride;
                for (int k = 0; k < n; k++) {
                    float w = wx.weights[wo + k];
                    int s = srcRow + (start + k) * channels;
                    if (alpha) {
                        float a = image.sample(s + channels - 1) / max;
                        for (int c = 0; c < channels - 1; c++) {
                            pixel[c] += w * image.sample(s + c) * a;
                        }
                        pixel[channels - 1] += w * a * max;
                    } else {
                        for (int c = 0; c < channels; c++) {
                            pixel[c] += w * image.sample(s + c);
                        }
                    }
                }
                System.arraycopy(pixel, 0, rows, dstRow + x * channels, channels);
            }
        }
        ImageBuffer out = new ImageBuffer(width, height, channels, image.bitsPerChannel());
        int rowLength = width * channels;
        float[] acc = new float[rowLength];
        for (int y = 0; y < height; y++) {
            java.util.Arrays.fill(acc, 0);
            int start = wy.start[y];
            int n = wy.count[y];
            int wo = y * wy.stride;
            for (int k = 0; k < n; k++) {
                float w = wy.weights[wo + k];
                int r = (start + k) * rowLength;
                for (int i = 0; i < rowLength; i++) {
                    acc[i] += w * rows[r + i];
                }
            }
            int o = y * rowLength;
            for (int x = 0; x < width; x++) {
                int p = x * channels;
                if (alpha) {
                    float a = acc[p + channels - 1];
                    float unpremultiply = a > 0.5f ? max / a : 0;
                    for (int c = 0; c < channels - 1; c++) {
                        out.setClamped(o + p + c, acc[p + c] * unpremultiply);
                    }
                    out.setClamped(o + p + channels - 1, a);
                } else {
                    for (int c = 0; c < channels; c++) {
                        out.setClamped(o + p + c, acc[p + c]);
                    }
                }
            }
        }
        return out.toImage();
    }

    /** Per output coordinate: the first source index, how many, and their normalised weights. */
    private static final class Weights {
        int[] start;
        int[] count;
        float[] weights;
        int stride;

        static Weights of(int in, int out, Kernel kernel) {
            double scale = (double) in / out;
            double filterScale = Math.max(1, scale);
            double support = kernel.support * filterScale;
            Weights w = new Weights();
            w.stride = (int) Math.ceil(support) * 2 + 1;
            w.start = new int[out];
            w.count = new int[out];
            w.weights = new float[out * w.stride];
            for (int i = 0; i < out; i++) {
                double center = (i + 0.5) * scale;
                int lo = (int) Math.max(0, Math.floor(center - support));
                int hi = (int) Math.min(in, Math.ceil(center + support));
                double total = 0;
                int n = Math.min(hi - lo, w.stride);
                for (int k = 0; k < n; k++) {
                    double v = kernel.weight((lo + k + 0.5 - center) / filterScale);
                    w.weights[i * w.stride + k] = (float) v;
                    total += v;
                }
                if (total == 0) { // nearest with an exact half: take the closest pixel
                    int nearest = (int) Math.min(in - 1, Math.max(0, Math.floor(center)));
                    lo = nearest;
                    n = 1;
                    w.weights[i * w.stride] = 1;
                    total = 1;
                }
                for (int k = 0; k < n; k++) {
                    w.weights[i * w.stride + k] /= (float) total;
                }
                w.start[i] = lo;
                w.count[i] = n;
            }
            return w;
        }
    }
}
