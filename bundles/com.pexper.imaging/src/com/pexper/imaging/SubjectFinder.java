package com.pexper.imaging;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds subjects in a mask: the bounding boxes of the connected regions (8-connected) at or above a
 * threshold, ignoring regions smaller than a fraction of the image (specks, noise).
 */
public final class SubjectFinder {

    /** A subject's bounding box in pixels, and how many mask pixels it covers. */
    public record Box(int x, int y, int width, int height, long area) {
    }

    private SubjectFinder() {
    }

    /**
     * The mask of an image: a gray image itself, else the alpha of a cutout.
     *
     * @throws IllegalArgumentException for an opaque colour image, which has no mask
     */
    public static Image maskOf(Image image) {
        if (image.channels() == 1) {
            return image.to8Bit();
        }
        if (!image.hasAlpha()) {
            throw new IllegalArgumentException("the image has no transparency to find the subject by; connect a mask"
                    + " or give a cutout (Remove background)");
        }
        Image src = image.to8Bit();
        int n = (int) src.pixelCount();
        int ch = src.channels();
        byte[] out = new byte[n];
        for (int p = 0; p < n; p++) {
            out[p] = src.bytes()[p * ch + ch - 1];
        }
        return Image.wrap8(src.width(), src.height(), 1, out);
    }

    /**
     * @param mask a gray 8-bit mask
     * @param threshold mask values at or above it belong to a subject (1 to 255)
     * @param minAreaFraction regions smaller than this fraction of the image are ignored
     * @return largest first
     */
    public static List<Box> find(Image mask, int threshold, double minAreaFraction) {
        Image m = maskOf(mask);
        int w = m.width();
        int h = m.height();
        byte[] v = m.bytes();
        int[] labels = new int[w * h];
        int[] stack = new int[Math.max(16, w * h / 16)];
        long minArea = Math.max(1, (long) Math.ceil(minAreaFraction * w * h));
        List<Box> boxes = new ArrayList<>();
        int next = 0;
        for (int start = 0; start < w * h; start++) {
            if (labels[start] != 0 || (v[start] & 0xFF) < threshold) {
                continue;
            }
            next++;
            int x0 = w;
            int y0 = h;
            int x1 = -1;
            int y1 = -1;
            long area = 0;
            int top = 0;
            stack[top++] = start;
            labels[start] = next;
            while (top > 0) {
                int p = stack[--top];
                int px = p % w;
                int py = p / w;
                area++;
                x0 = Math.min(x0, px);
                x1 = Math.max(x1, px);
                y0 = Math.min(y0, py);
                y1 = Math.max(y1, py);
                for (int dy = -1; dy <= 1; dy++) {
                    int ny = py + dy;
                    if (ny < 0 || ny >= h) {
                        continue;
                    }
                    for (int dx = -1; dx <= 1; dx++) {
                        int nx = px + dx;
                        if (nx < 0 || nx >= w || dx == 0 && dy == 0) {
                            continue;
                        }
                        int q = ny * w + nx;
                        if (labels[q] == 0 && (v[q] & 0xFF) >= threshold) {
                            labels[q] = next;
                            if (top == stack.length) {
                                stack = java.util.Arrays.copyOf(stack, stack.length * 2);
                            }
                            stack[top++] = q;
                        }
                    }
                }
            }
            if (area >= minArea) {
                boxes.add(new Box(x0, y0, x1 - x0 + 1, y1 - y0 + 1, area));
            }
        }
        boxes.sort(Comparator.comparingLong(Box::area).reversed());
        return boxes;
    }

    /** The box around all subjects, or null when there are none. */
    public static Box union(List<Box> boxes) {
        if (boxes.isEmpty()) {
            return null;
        }
        int x0 = Integer.MAX_VALUE;
        int y0 = Integer.MAX_VALUE;
        int x1 = Integer.MIN_VALUE;
        int y1 = Integer.MIN_VALUE;
        long area = 0;
        for (Box b : boxes) {
            x0 = Math.min(x0, b.x());
            y0 = Math.min(y0, b.y());
            x1 = Math.max(x1, b.x() + b.width());
            y1 = Math.max(y1, b.y() + b.height());
            area += b.area();
        }
        return new Box(x0, y0, x1 - x0, y1 - y0, area);
    }
}
