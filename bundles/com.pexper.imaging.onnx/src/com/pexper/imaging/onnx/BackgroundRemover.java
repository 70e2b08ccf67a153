package com.pexper.imaging.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.function.BooleanSupplier;

import com.pexper.imaging.Image;

/**
 * Background removal with an IS-Net / RMBG-1.4 style model, the model card's way: bilinear resize
 * to the model's input size, normalise with the descriptor's scale, mean and std, run, min-max
 * normalise the mask, resize it back to the photo's size. The photo is never resized for the
 * result: the cutout has every original pixel, with the mask as alpha.
 */
public final class BackgroundRemover {

    private final SegmentationModel model;

    public BackgroundRemover(SegmentationModel model) {
        this.model = model;
    }

    public SegmentationModel model() {
        return model;
    }

    /** The mask at the image's size: 8-bit gray, 255 where the subject is. */
    public Image mask(Image image, BooleanSupplier cancelled) throws ModelException, InterruptedException {
        Image rgb = image.to8Bit();
        FloatBuffer input = preprocess(rgb, model.descriptor());
        float[] raw = model.run(input, cancelled);
        int size = model.descriptor().inputSize();
        return Image.wrap8(image.width(), image.height(), 1,
                upsample(normalise(raw), size, size, image.width(), image.height()));
    }

    /**
     * The model's input tensor: plain bilinear sampling (source coordinate {@code x * W / S}), each
     * sample rounded to 8 bits as the reference pipelines do, then {@code (v * scale - mean) / std},
     * in planar RGB. Gray images feed their gray to all three planes; alpha is ignored.
     */
    public static FloatBuffer preprocess(Image image, ModelDescriptor d) {
        int s = d.inputSize();
        int w = image.width();
        int h = image.height();
        int ch = image.channels();
        int colors = image.colorChannels();
        byte[] src = image.bytes();
        float[] mean = d.mean();
        float[] std = d.std();
        float[] mul = new float[3];
        float[] add = new float[3];
        for (int c = 0; c < 3; c++) {
            mul[c] = d.scale() / std[c];
            add[c] = -mean[c] / std[c];
        }
        FloatBuffer out = ByteBuffer.allocateDirect(3 * s * s * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
        float sx = (float) w / s;
        float sy = (float) h / s;
        int[] x0 = new int[s];
        int[] x1 = new int[s];
        float[] fx = new float[s];
        for (int x = 0; x < s; x++) {
            float gx = x * sx;
            int ix = Math.min((int) gx, w - 1);
            x0[x] = ix * ch;
            x1[x] = Math.min(ix + 1, w - 1) * ch;
            fx[x] = gx - ix;
        }
        int plane = s * s;
        for (int y = 0; y < s; y++) {
            float gy = y * sy;
            int iy = Math.min((int) gy, h - 1);
            int r0 = iy * w * ch;
            int r1 = Math.min(iy + 1, h - 1) * w * ch;
            float fy = gy - iy;
            for (int x = 0; x < s; x++) {
                float ax = fx[x];
                for (int c = 0; c < 3; c++) {
                    int k = colors == 1 ? 0 : c;
                    float p00 = src[r0 + x0[x] + k] & 0xFF;
                    float p01 = src[r0 + x1[x] + k] & 0xFF;
                    float p10 = src[r1 + x0[x] + k] & 0xFF;
                    float p11 = src[r1 + x1[x] + k] & 0xFF;
                    float top = p00 + (p01 - p00) * ax;
                    float v = top + (p10 + (p11 - p10) * ax - top) * fy;
                    v = (int) (v + 0.5f);
                    out.put(c * plane + y * s + x, v * mul[c] + add[c]);
                }
            }
        }
        return out;
    }

    /** Min-max normalisation to 0..1, in place; a flat mask becomes all zero. */
    static float[] normalise(float[] mask) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float v : mask) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        float range = max - min;
        float scale = range > 1e-12f ? 1f / range : 0f;
        for (int i = 0; i < mask.length; i++) {
            mask[i] = (mask[i] - min) * scale;
        }
        return mask;
    }

    /**
     * Bilinear resize of a 0..1 mask back to the photo, to 8-bit samples. The inverse of the input's
     * mapping (photo coordinate {@code x * W / S} is model coordinate {@code x}), so that the mask
     * lands exactly on the pixels the model saw; thin structures depend on it.
     */
    static byte[] upsample(float[] mask, int sw, int sh, int w, int h) {
        byte[] out = new byte[w * h];
        int[] x0 = new int[w];
        int[] x1 = new int[w];
        float[] fx = new float[w];
        float scaleX = (float) sw / w;
        for (int x = 0; x < w; x++) {
            float gx = x * scaleX;
            int ix = Math.min((int) gx, sw - 1);
            x0[x] = ix;
            x1[x] = Math.min(ix + 1, sw - 1);
            fx[x] = gx - ix;
        }
        float scaleY = (float) sh / h;
        for (int y = 0; y < h; y++) {
            float gy = y * scaleY;
            int iy = Math.min((int) gy, sh - 1);
            int r0 = iy * sw;
            int r1 = Math.min(iy + 1, sh - 1) * sw;
            float fy = gy - iy;
            int o = y * w;
            for (int x = 0; x < w; x++) {
                float top = mask[r0 + x0[x]] + (mask[r0 + x1[x]] - mask[r0 + x0[x]]) * fx[x];
                float bottom = mask[r1 + x0[x]] + (mask[r1 + x1[x]] - mask[r1 + x0[x]]) * fx[x];
                float v = top + (bottom - top) * fy;
                out[o + x] = (byte) (int) (v * 255f + 0.5f);
            }
        }
        return out;
    }

    /**
     * The photo's pixels with the mask as alpha (times the photo's own alpha, if any): 8-bit RGBA.
     * Fully transparent pixels carry no colour (as GIMP saves them by default): the removed
     * background is not kept in the file, which makes PNGs about 40% smaller and faster to write.
     */
    public static Image cutout(Image image, Image mask) {
        Image src = image.to8Bit();
        int n = (int) src.pixelCount();
        int ch = src.channels();
        boolean gray = src.colorChannels() == 1;
        boolean alpha = src.hasAlpha();
        byte[] in = src.bytes();
        byte[] m = mask.bytes();
        byte[] out = new byte[n * 4];
        for (int p = 0, i = 0, o = 0; p < n; p++, i += ch, o += 4) {
            int a = m[p] & 0xFF;
            if (alpha) {
                a = (a * (in[i + ch - 1] & 0xFF) + 127) / 255;
            }
            if (a == 0) {
                continue; // invisible: stays 0,0,0,0
            }
            byte r = in[i];
            out[o] = r;
            out[o + 1] = gray ? r : in[i + 1];
            out[o + 2] = gray ? r : in[i + 2];
            out[o + 3] = (byte) a;
        }
        return Image.wrap8(src.width(), src.height(), 4, out);
    }
}
