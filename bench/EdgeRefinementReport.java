import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.pexper.core.home.PexperHome;
import com.pexper.imaging.Image;
import com.pexper.imaging.ImageDecoder;
import com.pexper.imaging.ImageEncoder;
import com.pexper.imaging.onnx.BackgroundRemover;
import com.pexper.imaging.onnx.EdgeRefiner;
import com.pexper.imaging.onnx.ModelCatalog;
import com.pexper.imaging.onnx.ModelSessions;
import com.pexper.imaging.onnx.ModelStore;
import com.pexper.imaging.onnx.SegmentationModel;

/**
 * What {@code --refine} changes against the plain mask (issue 3, section 2), in numbers and in a
 * picture. Run by bench/edge-refinement.sh against the built product.
 *
 * <p>A semi-transparent edge pixel of a photo is a mix {@code I = a F + (1 - a) B} of the subject's
 * colour F and the old background's B. The plain cutout keeps I as the pixel's colour, so the old
 * background shows through on any new background: the halo. For each edge pixel (alpha between 0.1
 * and 0.9) of a cutout this measures how much of the old background its colour still holds,
 * {@code t = (C - F) . (B - F) / |B - F|^2} clamped to 0..1, with F and B the mean colours of the
 * nearby pixels that the plain mask calls sure subject (alpha >= 250) and sure background (<= 5).
 * The visible halo on a new background is {@code a t |B - F|}, given in 8-bit levels.
 */
public final class EdgeRefinementReport {

    record Edges(int pixels, double oldBackground, double visibleHalo) {
    }

    public static void main(String[] args) throws Exception {
        Path picture = Path.of(args[0]);
        String modelId = args[1];
        List<Path> photos = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            photos.add(Path.of(args[i]));
        }
        ModelStore store = new ModelStore(PexperHome.fromEnvironment().models(), ModelCatalog.builtIn());
        List<byte[][]> rows = new ArrayList<>();
        List<int[]> rowSizes = new ArrayList<>();
        System.out.printf(Locale.ROOT, "Edge refinement against the plain mask, model %s%n", modelId);
        System.out.printf(Locale.ROOT, "%-14s %10s | %22s | %22s | %13s | %9s%n", "", "", "old background in edge",
                "visible halo, levels", "alpha moved", "refine");
        System.out.printf(Locale.ROOT, "%-14s %10s | %10s %11s | %10s %11s | %13s | %9s%n", "photo", "size", "plain",
                "refined", "plain", "refined", "> 8 levels", "time");
        try (ModelSessions.Owned sessions = ModelSessions.open(store, ModelSessions.configuredThreads())) {
            SegmentationModel model = sessions.get(modelId);
            ImageDecoder decoder = new ImageDecoder();
            for (Path file : photos) {
                Image photo = decoder.read(file).to8Bit();
                Image mask = new BackgroundRemover(model).mask(photo, () -> false);
                Image plain = BackgroundRemover.cutout(photo, mask);
                EdgeRefiner.refine(photo, mask); // warm-up for the timing
                long start = System.nanoTime();
                Image refined = EdgeRefiner.refine(photo, mask);
                long refineMs = (System.nanoTime() - start) / 1_000_000;

                int w = photo.width();
                int h = photo.height();
                int radius = Math.max(8, Math.round(0.02f * Math.max(w, h)));
                float[][] sure = sureColours(photo, mask, radius);
                float[] halo = new float[w * h];
                Edges before = edges(plain, sure, halo);
                Edges after = edges(refined, sure, new float[w * h]);
                int moved = 0;
                int band = 0;
                for (int p = 0; p < w * h; p++) {
                    int a = plain.bytes()[p * 4 + 3] & 0xFF;
                    int b = refined.bytes()[p * 4 + 3] & 0xFF;
                    if (a > 0 && a < 255 || b > 0 && b < 255) {
                        band++;
                        moved += Math.abs(a - b) > 8 ? 1 : 0;
                    }
                }
                System.out.printf(Locale.ROOT, "%-14s %10s | %9.1f%% %10.1f%% | %10.1f %11.1f | %12.1f%% | %6d ms%n",
                        file.getFileName(), w + "x" + h, 100 * before.oldBackground(), 100 * after.oldBackground(),
                        before.visibleHalo(), after.visibleHalo(), 100.0 * moved / Math.max(1, band), refineMs);
                int[] crop = worstHalo(halo, w, h, Math.min(96, Math.min(w, h)));
                rows.add(row(photo, plain, refined, crop, sure));
                rowSizes.add(new int[] { crop[2] * 3 * ZOOM + 2 * GAP, crop[2] * ZOOM });
            }
        }
        writePicture(picture, rows, rowSizes);
        System.out.println();
        System.out.println("Picture: " + picture + " (per photo: the photo, the plain cutout and the refined one,"
                + " each on a colour that contrasts with the old background, " + ZOOM + "x)");
    }

    static final int ZOOM = 3;
    static final int GAP = 6;

    /** Per pixel, the mean colour of the sure subject (index 0) and sure background (1) nearby; NaN where none. */
    static float[][] sureColours(Image photo, Image mask, int r) {
        int w = photo.width();
        int h = photo.height();
        int n = w * h;
        int ch = photo.channels();
        float[][] out = new float[2][];
        for (int s = 0; s < 2; s++) {
            float[] sums = new float[n * 4];
            for (int p = 0; p < n; p++) {
                int m = mask.bytes()[p] & 0xFF;
                if (s == 0 ? m >= 250 : m <= 5) {
                    for (int c = 0; c < 3; c++) {
                        sums[p * 4 + c] = (photo.bytes()[p * ch + (ch < 3 ? 0 : c)] & 0xFF) / 255f;
                    }
                    sums[p * 4 + 3] = 1;
                }
            }
            float[] blurred = boxSum(sums, w, h, 4, r);
            float[] mean = new float[n * 3];
            for (int p = 0; p < n; p++) {
                float count = blurred[p * 4 + 3];
                for (int c = 0; c < 3; c++) {
                    mean[p * 3 + c] = count > 0.5f ? blurred[p * 4 + c] / count : Float.NaN;
                }
            }
            out[s] = mean;
        }
        return out;
    }

    /** @param halo receives each edge pixel's visible halo (0 elsewhere) */
    static Edges edges(Image cutout, float[][] sure, float[] halo) {
        int n = (int) cutout.pixelCount();
        byte[] px = cutout.bytes();
        double t = 0;
        double visible = 0;
        int count = 0;
        for (int p = 0; p < n; p++) {
            float a = (px[p * 4 + 3] & 0xFF) / 255f;
            if (a <= 0.1f || a >= 0.9f || Float.isNaN(sure[0][p * 3]) || Float.isNaN(sure[1][p * 3])) {
                continue;
            }
            double dot = 0;
            double len = 0;
            for (int c = 0; c < 3; c++) {
                double f = sure[0][p * 3 + c];
                double d = sure[1][p * 3 + c] - f;
                dot += ((px[p * 4 + c] & 0xFF) / 255.0 - f) * d;
                len += d * d;
            }
            if (len < 0.01) {
                continue; // subject and background alike here: no halo to see
            }
            double share = Math.max(0, Math.min(1, dot / len));
            t += share;
            halo[p] = (float) (a * share * Math.sqrt(len) * 255);
            visible += halo[p];
            count++;
        }
        return new Edges(count, count == 0 ? 0 : t / count, count == 0 ? 0 : visible / count);
    }

    /** The square of the given size where the plain cutout's halo shows most: {x, y, size}. */
    static int[] worstHalo(float[] halo, int w, int h, int size) {
        float[] sums = boxSum(halo, w, h, 1, size / 2);
        int best = 0;
        for (int y = size / 2; y < h - size / 2; y++) {
            for (int x = size / 2; x < w - size / 2; x++) {
                if (sums[y * w + x] > sums[best]) {
                    best = y * w + x;
                }
            }
        }
        int x = Math.max(0, Math.min(w - size, best % w - size / 2));
        int y = Math.max(0, Math.min(h - size, best / w - size / 2));
        return new int[] { x, y, size };
    }

    /** One row of the picture: photo, plain and refined on a contrasting colour, zoomed, as RGB rows. */
    static byte[][] row(Image photo, Image plain, Image refined, int[] crop, float[][] sure) {
        int size = crop[2];
        double luma = 0;
        int known = 0;
        for (int y = crop[1]; y < crop[1] + size; y++) {
            for (int x = crop[0]; x < crop[0] + size; x++) {
                int p = y * photo.width() + x;
                if (!Float.isNaN(sure[1][p * 3])) {
                    luma += 0.2126 * sure[1][p * 3] + 0.7152 * sure[1][p * 3 + 1] + 0.0722 * sure[1][p * 3 + 2];
                    known++;
                }
            }
        }
        int[] on = known > 0 && luma / known > 0.5 ? new int[] { 24, 24, 48 } : new int[] { 255, 255, 240 };
        int width = size * 3 * ZOOM + 2 * GAP;
        byte[][] rows = new byte[size * ZOOM][width * 3];
        Image[] panels = { photo, plain, refined };
        for (int panel = 0; panel < 3; panel++) {
            Image image = panels[panel];
            int ch = image.channels();
            for (int y = 0; y < size * ZOOM; y++) {
                for (int x = 0; x < size * ZOOM; x++) {
                    int p = (crop[1] + y / ZOOM) * image.width() + crop[0] + x / ZOOM;
                    int o = (panel * (size * ZOOM + GAP) + x) * 3;
                    float a = ch == 4 ? (image.bytes()[p * 4 + 3] & 0xFF) / 255f : 1;
                    for (int c = 0; c < 3; c++) {
                        int v = image.bytes()[p * ch + (ch < 3 ? 0 : c)] & 0xFF;
                        rows[y][o + c] = (byte) Math.round(a * v + (1 - a) * on[c]);
                    }
                }
            }
        }
        for (int y = 0; y < size * ZOOM; y++) { // white gaps between the panels
            for (int g = 0; g < 2; g++) {
                int start = ((g + 1) * size * ZOOM + g * GAP) * 3;
                java.util.Arrays.fill(rows[y], start, start + GAP * 3, (byte) 255);
            }
        }
        return rows;
    }

    static void writePicture(Path file, List<byte[][]> rows, List<int[]> sizes) throws Exception {
        int width = sizes.stream().mapToInt(s -> s[0]).max().orElse(1);
        int height = sizes.stream().mapToInt(s -> s[1] + GAP).sum() - GAP;
        byte[] out = new byte[width * height * 3];
        java.util.Arrays.fill(out, (byte) 255);
        int y0 = 0;
        for (int i = 0; i < rows.size(); i++) {
            byte[][] row = rows.get(i);
            for (int y = 0; y < row.length; y++) {
                System.arraycopy(row[y], 0, out, ((y0 + y) * width) * 3, row[y].length);
            }
            y0 += sizes.get(i)[1] + GAP;
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream stream = Files.newOutputStream(file)) {
            new ImageEncoder(com.pexper.imaging.ImageFormat.PNG, 100, 0xFFFFFF).write(Image.wrap8(width, height, 3, out), stream);
        }
    }

    /** Sum over a (2r+1)^2 window, edges clamped to the image. */
    static float[] boxSum(float[] data, int w, int h, int ch, int r) {
        float[] tmp = new float[data.length];
        float[] out = new float[data.length];
        for (int y = 0; y < h; y++) {
            for (int c = 0; c < ch; c++) {
                double sum = 0;
                for (int x = 0; x <= Math.min(r, w - 1); x++) {
                    sum += data[(y * w + x) * ch + c];
                }
                for (int x = 0; x < w; x++) {
                    tmp[(y * w + x) * ch + c] = (float) sum;
                    if (x + r + 1 < w) {
                        sum += data[(y * w + x + r + 1) * ch + c];
                    }
                    if (x - r >= 0) {
                        sum -= data[(y * w + x - r) * ch + c];
                    }
                }
            }
        }
        for (int x = 0; x < w; x++) {
            for (int c = 0; c < ch; c++) {
                double sum = 0;
                for (int y = 0; y <= Math.min(r, h - 1); y++) {
                    sum += tmp[(y * w + x) * ch + c];
                }
                for (int y = 0; y < h; y++) {
                    out[(y * w + x) * ch + c] = (float) sum;
                    if (y + r + 1 < h) {
                        sum += tmp[((y + r + 1) * w + x) * ch + c];
                    }
                    if (y - r >= 0) {
                        sum -= tmp[((y - r) * w + x) * ch + c];
                    }
                }
            }
        }
        return out;
    }
}
