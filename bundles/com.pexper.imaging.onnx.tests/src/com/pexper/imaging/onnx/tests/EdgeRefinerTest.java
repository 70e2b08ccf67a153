package com.pexper.imaging.onnx.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.pexper.imaging.Image;
import com.pexper.imaging.onnx.BackgroundRemover;
import com.pexper.imaging.onnx.EdgeRefiner;

/**
 * The refinement on a photo whose truth is known: an orange disc with a thin soft edge over a striped
 * blue-green background (the green as bright as the orange, so a brightness guide would not do),
 * mixed as {@code I = a F + (1 - a) B}. The mask handed in is what a model gives for a photo four
 * times its input size: the true alpha seen at a quarter of the resolution, scaled back up.
 */
class EdgeRefinerTest {

    private static final int[] SUBJECT = { 235, 130, 40 };
    private static final int FACTOR = 4;

    /** A photo within the model's size (refined at full resolution) and a larger one (on a coarser grid). */
    static Stream<Scene> scenes() {
        return Stream.of(new Scene(960, 720), new Scene(2560, 1920));
    }

    record Scene(int w, int h) {

        float trueAlpha(int x, int y) {
            double d = Math.hypot(x - w / 2.0, y - h / 2.0) - h / 3.0;
            return (float) Math.max(0, Math.min(1, 0.5 - d / 2)); // a 2-pixel soft edge
        }

        static int[] background(int x, int y) {
            return (x / 23 + y / 31) % 2 == 0 ? new int[] { 30, 60, 200 } : new int[] { 40, 170, 120 };
        }

        Image photo() {
            byte[] b = new byte[w * h * 3];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    float a = trueAlpha(x, y);
                    int[] bg = background(x, y);
                    for (int c = 0; c < 3; c++) {
                        b[(y * w + x) * 3 + c] = (byte) Math.round(a * SUBJECT[c] + (1 - a) * bg[c]);
                    }
                }
            }
            return Image.wrap8(w, h, 3, b);
        }

        Image blurredMask() {
            int lw = w / FACTOR;
            int lh = h / FACTOR;
            float[] low = new float[lw * lh];
            for (int ly = 0; ly < lh; ly++) {
                for (int lx = 0; lx < lw; lx++) {
                    float sum = 0;
                    for (int dy = 0; dy < FACTOR; dy++) {
                        for (int dx = 0; dx < FACTOR; dx++) {
                            sum += trueAlpha(lx * FACTOR + dx, ly * FACTOR + dy);
                        }
                    }
                    low[ly * lw + lx] = sum / (FACTOR * FACTOR);
                }
            }
            byte[] m = new byte[w * h];
            for (int y = 0; y < h; y++) {
                float gy = Math.clamp((y + 0.5f) / FACTOR - 0.5f, 0, lh - 1);
                int y0 = (int) gy;
                int y1 = Math.min(y0 + 1, lh - 1);
                for (int x = 0; x < w; x++) {
                    float gx = Math.clamp((x + 0.5f) / FACTOR - 0.5f, 0, lw - 1);
                    int x0 = (int) gx;
                    int x1 = Math.min(x0 + 1, lw - 1);
                    float top = low[y0 * lw + x0] + (low[y0 * lw + x1] - low[y0 * lw + x0]) * (gx - x0);
                    float bottom = low[y1 * lw + x0] + (low[y1 * lw + x1] - low[y1 * lw + x0]) * (gx - x0);
                    m[y * w + x] = (byte) Math.round((top + (bottom - top) * (gy - y0)) * 255);
                }
            }
            return Image.wrap8(w, h, 1, m);
        }

        /** Mean distance, in 8-bit levels, of the edge pixels' colours from the subject's true colour. */
        double edgeColourError(Image cutout) {
            double sum = 0;
            int n = 0;
            for (int p = 0; p < w * h; p++) {
                int a = cutout.bytes()[p * 4 + 3] & 0xFF;
                if (a > 25 && a < 230) {
                    double d = 0;
                    for (int c = 0; c < 3; c++) {
                        double e = (cutout.bytes()[p * 4 + c] & 0xFF) - SUBJECT[c];
                        d += e * e;
                    }
                    sum += Math.sqrt(d);
                    n++;
                }
            }
            assertTrue(n > 100, "the cutout has an edge band: " + n + " pixels");
            return sum / n;
        }

        double alphaError(Image cutout) {
            double sum = 0;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    sum += Math.abs((cutout.bytes()[(y * w + x) * 4 + 3] & 0xFF) / 255.0 - trueAlpha(x, y));
                }
            }
            return sum / (w * h);
        }
    }

    @ParameterizedTest
    @MethodSource("scenes")
    void refinedEdgesTakeTheSubjectsColourNotTheOldBackgrounds(Scene scene) {
        Image photo = scene.photo();
        Image mask = scene.blurredMask();
        double plain = scene.edgeColourError(BackgroundRemover.cutout(photo, mask));
        double refined = scene.edgeColourError(EdgeRefiner.refine(photo, mask));
        assertTrue(plain > 40, "the plain cutout's edge carries the old background: " + plain);
        assertTrue(refined < plain / 3, "refined edge colour error " + refined + " against plain " + plain);
    }

    @ParameterizedTest
    @MethodSource("scenes")
    void refinedAlphaIsCloserToTheTruthThanTheUpscaledMask(Scene scene) {
        Image photo = scene.photo();
        Image mask = scene.blurredMask();
        double plain = scene.alphaError(BackgroundRemover.cutout(photo, mask));
        double refined = scene.alphaError(EdgeRefiner.refine(photo, mask));
        assertTrue(refined < plain, "refined alpha error " + refined + " against plain " + plain);
    }
}
