package com.pexper.ui.editor.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Path;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;

/**
 * Draws how each node fared in the latest run: its border in the colour of its state, a progress
 * bar while it runs, and under it a line saying what it is doing or how long it took, with its
 * result: a few lines of text or a thumbnail.
 */
final class RunPainter {

    /** How far below a node its state and preview may reach, in units of the plane. */
    static final int REACH = 150;
    static final int GAP = 5;
    static final int PICTURE_HEIGHT = 96;
    private static final int TEXT_LINES = 3;
    private static final int STATUS_OVERHANG = 60;
    private static final RGB BACKGROUND = new RGB(0xf4, 0xf5, 0xf7);
    private static final RGB CARD = new RGB(0xff, 0xff, 0xff);
    private static final RGB CARD_BORDER = new RGB(0xd5, 0xd9, 0xe0);
    private static final RGB TEXT = new RGB(0x20, 0x24, 0x2a);
    private static final RGB MUTED = new RGB(0x6b, 0x72, 0x7d);
    private static final RGB WAITING = new RGB(0x9a, 0xa1, 0xab);
    private static final RGB RUNNING = new RGB(0x1a, 0x73, 0xe8);
    private static final RGB TRACK = new RGB(0xd2, 0xe3, 0xfc);
    private static final RGB DONE = new RGB(0x1e, 0x8e, 0x3e);
    private static final RGB CACHED = new RGB(0x00, 0x89, 0x7b);
    private static final RGB FAILED = new RGB(0xd9, 0x30, 0x25);
    private static final RGB CANCELLED = new RGB(0xe8, 0x9a, 0x0c);

    private final Display display;
    private final Map<RGB, Color> colours = new HashMap<>();
    private final Map<Preview.Picture, Image> images = new HashMap<>();
    private final Set<Preview.Picture> drawn = new HashSet<>();
    /** Texts wrapped to a width: measuring each frame would cost more than the drawing. */
    private final Map<Wrapping, List<String>> wrapped = new HashMap<>();

    private record Wrapping(String text, int width) {
    }

    RunPainter(Display display) {
        this.display = display;
    }

    /**
     * Every node on screen that a run has reached.
     *
     * @param detail whether text is large enough to read: otherwise only the borders' colours,
     *        each colour one path drawn once, so that ten thousand nodes cost a few drawing calls
     * @param cards whether the line under each node and its preview are drawn too
     * @param lineHeight the height of a line of the canvas's font
     */
    void paint(GC gc, List<GraphGeometry.NodeBox> shown, Function<String, NodeState> states, boolean detail,
            boolean cards, int lineHeight) {
        if (detail) {
            for (GraphGeometry.NodeBox box : shown) {
                NodeState state = states.apply(box.node().getId());
                if (state != NodeState.NONE) {
                    paintNode(gc, box, state);
                    paintCard(gc, box, state, lineHeight);
                }
            }
        } else {
            paintOutlines(gc, shown, states);
            if (cards) {
                // far enough out for the titles only: the results still show, as a thumbnail is what one looks for
                gc.setAntialias(SWT.ON);
                for (GraphGeometry.NodeBox box : shown) {
                    NodeState state = states.apply(box.node().getId());
                    if (state != NodeState.NONE) {
                        paintCard(gc, box, state, lineHeight);
                    }
                }
            }
        }
        frameDone();
    }

    private void paintOutlines(GC gc, List<GraphGeometry.NodeBox> shown, Function<String, NodeState> states) {
        Map<RGB, Path> borders = new LinkedHashMap<>();
        Path dimmed = new Path(display);
        Path tracks = new Path(display);
        Path bars = new Path(display);
        try {
            for (GraphGeometry.NodeBox box : shown) {
                NodeState state = states.apply(box.node().getId());
                NodeState.Phase phase = state.phase();
                if (phase == null || phase == NodeState.Phase.WAITING) {
                    continue;
                }
                Rectangle b = box.bounds();
                borders.computeIfAbsent(colour(phase), c -> new Path(display)).addRectangle(b.x, b.y, b.width, b.height);
                if (phase == NodeState.Phase.SKIPPED || phase == NodeState.Phase.CANCELLED) {
                    dimmed.addRectangle(b.x, b.y, b.width, b.height);
                } else if (phase == NodeState.Phase.RUNNING) {
                    int track = b.width - 16;
                    tracks.addRectangle(b.x + 8, b.y + b.height - 10, track, 8);
                    bars.addRectangle(b.x + 8, b.y + b.height - 10, (int) Math.round(track * state.fraction()), 8);
                }
            }
            gc.setAlpha(150);
            gc.setBackground(color(BACKGROUND));
            gc.fillPath(dimmed);
            gc.setAlpha(255);
            gc.setBackground(color(TRACK));
            gc.fillPath(tracks);
            gc.setBackground(color(RUNNING));
            gc.fillPath(bars);
            gc.setLineWidth(4);
            borders.forEach((rgb, path) -> {
                gc.setForeground(color(rgb));
                gc.drawPath(path);
            });
        } finally {
            for (Path path : List.of(dimmed, tracks, bars)) {
                path.dispose();
            }
            borders.values().forEach(Path::dispose);
        }
    }

    /** One node close up: its border and progress. */
    private void paintNode(GC gc, GraphGeometry.NodeBox box, NodeState state) {
        Rectangle b = box.bounds();
        NodeState.Phase phase = state.phase();
        if (phase == NodeState.Phase.SKIPPED || phase == NodeState.Phase.CANCELLED) {
            gc.setAlpha(150);
            gc.setBackground(color(BACKGROUND));
            gc.fillRoundRectangle(b.x, b.y, b.width, b.height, 12, 12);
            gc.setAlpha(255);
        }
        if (phase != null && phase != NodeState.Phase.WAITING) {
            gc.setForeground(color(colour(phase)));
            gc.setLineWidth(2);
            gc.setLineStyle(phase == NodeState.Phase.QUEUED ? SWT.LINE_DASH : SWT.LINE_SOLID);
            gc.drawRoundRectangle(b.x, b.y, b.width, b.height, 12, 12);
            gc.setLineStyle(SWT.LINE_SOLID);
        }
        if (phase == NodeState.Phase.RUNNING) {
            int track = b.width - 16;
            gc.setBackground(color(TRACK));
            gc.fillRectangle(b.x + 8, b.y + b.height - 7, track, 4);
            gc.setBackground(color(RUNNING));
            gc.fillRectangle(b.x + 8, b.y + b.height - 7, (int) Math.round(track * state.fraction()), 4);
        }
    }

    /** The line under a node, and its preview under that. */
    private void paintCard(GC gc, GraphGeometry.NodeBox box, NodeState state, int lineHeight) {
        Rectangle b = box.bounds();
        NodeState.Phase phase = state.phase();
        int y = b.y + b.height + GAP;
        gc.setBackground(color(phase == null ? WAITING : colour(phase)));
        int r = Math.max(3, lineHeight / 5);
        gc.fillOval(b.x + 4, y + lineHeight / 2 - r, 2 * r, 2 * r);
        gc.setForeground(color(phase == NodeState.Phase.FAILED ? FAILED : MUTED));
        // the line may reach past a narrow node, into the space before the next one
        String line = ellipsize(gc, statusLine(state), b.width + STATUS_OVERHANG - 2 * r - 10);
        gc.drawText(line, b.x + 2 * r + 8, y, true);
        y += lineHeight + 3;
        if (phase == NodeState.Phase.FAILED || phase == NodeState.Phase.SKIPPED) {
            paintText(gc, b.x, y, b.width, state.message(), null, phase == NodeState.Phase.FAILED ? FAILED : MUTED,
                    lineHeight, false);
        } else if (state.preview() instanceof Preview.Text text) {
            paintText(gc, b.x, y, b.width, text.text().isEmpty() && text.note() == null ? "(empty text)" : text.text(),
                    text.note(), TEXT, lineHeight, state.stale());
        } else if (state.preview() instanceof Preview.Picture picture) {
            paintPicture(gc, b.x, y, b.width, picture, state.stale(), lineHeight);
        }
    }

    /** What a node's line under it says: its state, how long it took, how many items. */
    static String statusLine(NodeState state) {
        NodeState.Phase phase = state.phase();
        String stale = state.stale() ? " \u00b7 out of date" : "";
        if (phase == null) {
            return "Not run" + stale;
        }
        String line = switch (phase) {
            case RUNNING -> "Running" + (state.itemCount() > 0 ? " \u00b7 " + count(state.itemsDone()) + " / "
                    + count(state.itemCount()) : state.fraction() > 0 ? " \u00b7 " + Math.round(state.fraction() * 100)
                            + " %" : "");
            case DONE -> "Done in " + time(state.nanos()) + (state.message() != null ? " \u00b7 " + state.message()
                    : "");
            case CACHED -> "Reused from the cache";
            default -> phase.label();
        };
        return line + stale;
    }

    private static String count(int n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String time(long nanos) {
        long millis = nanos / 1_000_000;
        if (millis < 1) {
            return "< 1 ms";
        }
        if (millis < 10_000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        return millis / 60_000 + " min " + millis / 1000 % 60 + " s";
    }

    /** @param note a last line in grey saying what the text is ("first of 200 items"), or null */
    private void paintText(GC gc, int x, int y, int width, String text, String note, RGB colour, int lineHeight,
            boolean dim) {
        List<String> lines = text == null || text.isBlank() ? List.of() : wrap(gc, text, width - 12);
        int rows = lines.size() + (note == null ? 0 : 1);
        if (rows == 0) {
            return;
        }
        card(gc, x, y, width, rows * lineHeight + 6, dim);
        if (dim) {
            gc.setAlpha(120);
        }
        gc.setForeground(color(colour));
        for (int i = 0; i < lines.size(); i++) {
            gc.drawText(lines.get(i), x + 6, y + 3 + i * lineHeight, true);
        }
        if (note != null) {
            gc.setForeground(color(MUTED));
            gc.drawText(ellipsize(gc, note, width - 12), x + 6, y + 3 + lines.size() * lineHeight, true);
        }
        gc.setAlpha(255);
    }

    private void paintPicture(GC gc, int x, int y, int width, Preview.Picture picture, boolean dim, int lineHeight) {
        Image image = images.computeIfAbsent(picture, p -> new Image(display, p.thumbnail()));
        drawn.add(picture);
        int tw = picture.thumbnail().width;
        int th = picture.thumbnail().height;
        double scale = Math.min((width - 8) / (double) tw, PICTURE_HEIGHT / (double) th);
        int w = Math.max(1, (int) Math.round(tw * scale));
        int h = Math.max(1, (int) Math.round(th * scale));
        String caption = picture.width() + " \u00d7 " + picture.height() + (picture.note() == null ? ""
                : " \u00b7 " + picture.note());
        card(gc, x, y, width, h + 8 + lineHeight, dim);
        if (dim) {
            gc.setAlpha(110);
        }
        gc.setInterpolation(SWT.HIGH);
        gc.drawImage(image, 0, 0, tw, th, x + (width - w) / 2, y + 4, w, h);
        gc.setForeground(color(MUTED));
        gc.drawText(ellipsize(gc, caption, width - 12), x + 6, y + 5 + h, true);
        gc.setAlpha(255);
    }

    private void card(GC gc, int x, int y, int width, int height, boolean dim) {
        gc.setBackground(color(CARD));
        gc.fillRoundRectangle(x, y, width, height, 8, 8);
        gc.setForeground(color(CARD_BORDER));
        gc.setLineWidth(1);
        gc.setLineStyle(dim ? SWT.LINE_DOT : SWT.LINE_SOLID);
        gc.drawRoundRectangle(x, y, width, height, 8, 8);
        gc.setLineStyle(SWT.LINE_SOLID);
    }

    /** Up to three lines of the text, broken between words, the last one ending in an ellipsis if more follows. */
    private List<String> wrap(GC gc, String text, int width) {
        if (wrapped.size() > 2000) {
            wrapped.clear();
        }
        return wrapped.computeIfAbsent(new Wrapping(text.length() > 600 ? text.substring(0, 600) : text, width),
                w -> breakLines(gc, w.text(), width, text.length() > w.text().length()));
    }

    private static List<String> breakLines(GC gc, String text, int width, boolean cut) {
        List<String> lines = new ArrayList<>();
        String[] paragraphs = text.strip().split("\\R");
        boolean more = cut;
        outer:
        for (int p = 0; p < paragraphs.length; p++) {
            String rest = paragraphs[p].replace('\t', ' ');
            while (true) {
                if (lines.size() == TEXT_LINES) {
                    more = true;
                    break outer;
                }
                if (gc.textExtent(rest).x <= width) {
                    lines.add(rest);
                    break;
                }
                int end = fit(gc, rest, width);
                int space = rest.lastIndexOf(' ', end);
                int at = space > 0 ? space : end;
                lines.add(rest.substring(0, at));
                rest = rest.substring(at).stripLeading();
            }
        }
        if (more && !lines.isEmpty()) {
            int last = lines.size() - 1;
            lines.set(last, ellipsize(gc, lines.get(last) + "\u2026", width));
        }
        return lines;
    }

    /** How many characters of the text fit the width (at least one). */
    private static int fit(GC gc, String text, int width) {
        int low = 1;
        int high = text.length();
        while (low < high) {
            int mid = (low + high + 1) / 2;
            if (gc.textExtent(text.substring(0, mid)).x <= width) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low;
    }

    private static String ellipsize(GC gc, String text, int width) {
        if (gc.textExtent(text).x <= width) {
            return text;
        }
        int n = fit(gc, text, width - gc.textExtent("\u2026").x);
        return text.substring(0, Math.max(0, Math.min(n, text.length() - 1))).stripTrailing() + "\u2026";
    }

    /** After a frame: lets go of the thumbnails that it did not draw. */
    private void frameDone() {
        images.entrySet().removeIf(entry -> {
            if (drawn.contains(entry.getKey())) {
                return false;
            }
            entry.getValue().dispose();
            return true;
        });
        drawn.clear();
    }

    void dispose() {
        images.values().forEach(Image::dispose);
        images.clear();
    }

    private static RGB colour(NodeState.Phase phase) {
        return switch (phase) {
            case WAITING, QUEUED, SKIPPED -> WAITING;
            case RUNNING -> RUNNING;
            case DONE -> DONE;
            case CACHED -> CACHED;
            case FAILED -> FAILED;
            case CANCELLED -> CANCELLED;
        };
    }

    private Color color(RGB rgb) {
        return colours.computeIfAbsent(rgb, c -> new Color(display, c));
    }
}
