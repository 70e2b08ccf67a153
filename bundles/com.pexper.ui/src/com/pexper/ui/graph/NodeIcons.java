package com.pexper.ui.graph;

import java.net.URL;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.eclipse.core.runtime.Platform;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageGcDrawer;
import org.eclipse.swt.graphics.Path;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.osgi.framework.Bundle;

import com.pexper.core.node.NodeType;

/**
 * A node type's icon, the same on the canvas and in the Node Repository: the icon its plug-in
 * declares ({@code icon} in the node type's declaration, a 16×16 PNG with an optional {@code @2x}
 * beside it), or else a glyph for its category drawn as vectors, sharp at any zoom. A type that no
 * installed plug-in provides has a glyph of its own.
 * <p>
 * Images read from plug-ins are kept until {@link #dispose()}.
 */
public final class NodeIcons {

    /** The category a glyph is drawn for; any other category gets {@code OTHER}. */
    private enum Glyph {
        TEXT, FILES, IMAGES, IMAGE_FILTERS, AI, INPUT, OUTPUT, OTHER, MISSING
    }

    /** A glyph drawn at a size in pixels. */
    private record Drawn(Glyph glyph, int side) {
    }

    private static final RGB INK = new RGB(0x4a, 0x52, 0x61);
    private static final Map<String, Glyph> BY_CATEGORY = Map.of(
            "text", Glyph.TEXT,
            "files", Glyph.FILES,
            "images", Glyph.IMAGES,
            "image filters", Glyph.IMAGE_FILTERS,
            "ai", Glyph.AI,
            "input", Glyph.INPUT,
            "output", Glyph.OUTPUT);

    private final Display display;
    private final Map<NodeType, Optional<Image>> declared = new HashMap<>();
    /** Glyphs drawn for the canvas, by glyph and size in pixels. */
    private final Map<Drawn, Image> glyphs = new HashMap<>();
    private Color ink;

    public NodeIcons(Display display) {
        this.display = display;
    }

    /**
     * Paints the icon of {@code type} (null: a type no plug-in provides) into the square at
     * ({@code x}, {@code y}) of side {@code size}, in {@code gc}'s coordinates.
     */
    public void paint(GC gc, NodeType type, int x, int y, int size) {
        Optional<Image> image = type == null ? Optional.empty() : declared(type);
        if (image.isPresent()) {
            Rectangle from = image.get().getBounds();
            int interpolation = gc.getInterpolation();
            gc.setInterpolation(SWT.HIGH);
            gc.drawImage(image.get(), 0, 0, from.width, from.height, x, y, size, size);
            gc.setInterpolation(interpolation);
            return;
        }
        Glyph glyph = glyph(type);
        int antialias = gc.getAntialias();
        gc.setAntialias(SWT.ON);
        paintGlyph(gc, glyph, x, y, size / 16f);
        gc.setAntialias(antialias);
    }

    /**
     * As {@link #paint(GC, NodeType, int, int, int)}, for a canvas that redraws often: a category's
     * glyph is drawn once per size on screen ({@code pixels} screen pixels per unit of {@code gc})
     * and copied from then on, which keeps a screenful of nodes quick to pan.
     */
    public void paintCached(GC gc, NodeType type, int x, int y, int size, double pixels) {
        if (type != null && declared(type).isPresent()) {
            paint(gc, type, x, y, size);
            return;
        }
        Glyph glyph = glyph(type);
        int side = Math.max(1, (int) Math.round(size * pixels));
        Image image = glyphs.computeIfAbsent(new Drawn(glyph, side), k -> new Image(display, new ImageGcDrawer() {
            @Override
            public void drawOn(GC on, int width, int height) {
                on.setAntialias(SWT.ON);
                paintGlyph(on, glyph, 0, 0, side / 16f);
            }

            @Override
            public int getGcStyle() {
                return SWT.TRANSPARENT;
            }
        }, side, side));
        gc.drawImage(image, 0, 0, side, side, x, y, size, size);
    }

    private static Glyph glyph(NodeType type) {
        return type == null ? Glyph.MISSING
                : BY_CATEGORY.getOrDefault(type.category().toLowerCase(Locale.ROOT), Glyph.OTHER);
    }

    private Optional<Image> declared(NodeType type) {
        return declared.computeIfAbsent(type, t -> {
            if (t.icon() == null || t.icon().isBlank()) {
                return Optional.empty();
            }
            // outside OSGi (the editor's benchmark) there are no plug-ins to read icons from
            Bundle contributor = t.contributor() == null || !Platform.isRunning() ? null
                    : Platform.getBundle(t.contributor());
            URL entry = contributor == null ? null : contributor.getEntry(t.icon());
            if (entry == null) {
                return Optional.empty();
            }
            // through JFace so that the icon@2x.png beside it is used on a high-resolution screen
            return Optional.ofNullable(ImageDescriptor.createFromURL(entry).createImage(false, display));
        });
    }

    /** The glyphs, on a 16-unit grid scaled by {@code unit}, as strokes a unit and a half wide. */
    private void paintGlyph(GC gc, Glyph glyph, int x, int y, float unit) {
        if (ink == null) {
            ink = new Color(display, INK);
        }
        gc.setForeground(ink);
        gc.setBackground(ink);
        gc.setLineWidth(Math.max(1, Math.round(1.5f * unit)));
        gc.setLineCap(SWT.CAP_ROUND);
        gc.setLineJoin(SWT.JOIN_ROUND);
        Path path = new Path(display);
        try {
            Shape shape = new Shape(path, x, y, unit);
            switch (glyph) {
                case TEXT -> shape.line(2, 3.5f, 14, 3.5f).line(2, 7, 12, 7).line(2, 10.5f, 14, 10.5f)
                        .line(2, 14, 9, 14).stroke(gc);
                case FILES -> shape.polygon(3, 1.5f, 10, 1.5f, 13.5f, 5, 13.5f, 14.5f, 3, 14.5f)
                        .polyline(10, 1.5f, 10, 5, 13.5f, 5).stroke(gc);
                case IMAGES -> {
                    shape.polygon(1.5f, 2.5f, 14.5f, 2.5f, 14.5f, 13.5f, 1.5f, 13.5f)
                            .polyline(2, 12.5f, 6, 7.5f, 9, 10.5f, 11, 8.5f, 14, 11.5f).stroke(gc);
                    shape.dot(gc, 11, 5.5f, 1.6f);
                }
                case IMAGE_FILTERS -> {
                    shape.line(4, 2, 4, 14).line(8, 2, 8, 14).line(12, 2, 12, 14).stroke(gc);
                    shape.dot(gc, 4, 10, 2.2f);
                    shape.dot(gc, 8, 5, 2.2f);
                    shape.dot(gc, 12, 8.5f, 2.2f);
                }
                case AI -> {
                    shape.star(7, 9, 6.5f, 1.6f).star(13, 3, 2.8f, 0.8f);
                    gc.fillPath(path);
                }
                case INPUT -> shape.line(8, 1.5f, 8, 10).polyline(4.5f, 6.5f, 8, 10, 11.5f, 6.5f)
                        .polyline(2, 10, 2, 14, 14, 14, 14, 10).stroke(gc);
                case OUTPUT -> shape.line(8, 10, 8, 1.5f).polyline(4.5f, 5, 8, 1.5f, 11.5f, 5)
                        .polyline(2, 10, 2, 14, 14, 14, 14, 10).stroke(gc);
                case OTHER -> {
                    shape.polygon(3.5f, 4, 12.5f, 4, 12.5f, 12, 3.5f, 12).stroke(gc);
                    shape.dot(gc, 3.5f, 8, 1.8f);
                    shape.dot(gc, 12.5f, 8, 1.8f);
                }
                case MISSING -> {
                    gc.setLineStyle(SWT.LINE_DOT);
                    shape.polygon(2, 2, 14, 2, 14, 14, 2, 14).stroke(gc);
                    gc.setLineStyle(SWT.LINE_SOLID);
                    shape.dot(gc, 8, 8, 1.8f);
                }
            }
        } finally {
            path.dispose();
        }
    }

    /** A path being drawn on the glyph grid. */
    private record Shape(Path path, int x, int y, float unit) {

        private float px(float gx) {
            return x + gx * unit;
        }

        private float py(float gy) {
            return y + gy * unit;
        }

        Shape line(float x1, float y1, float x2, float y2) {
            path.moveTo(px(x1), py(y1));
            path.lineTo(px(x2), py(y2));
            return this;
        }

        Shape polyline(float... points) {
            path.moveTo(px(points[0]), py(points[1]));
            for (int i = 2; i < points.length; i += 2) {
                path.lineTo(px(points[i]), py(points[i + 1]));
            }
            return this;
        }

        Shape polygon(float... points) {
            polyline(points);
            path.close();
            return this;
        }

        /** A four-pointed star, as drawn for sparkles. */
        Shape star(float cx, float cy, float outer, float inner) {
            for (int i = 0; i < 8; i++) {
                double angle = Math.PI / 4 * i - Math.PI / 2;
                float r = i % 2 == 0 ? outer : inner;
                float sx = px(cx + (float) Math.cos(angle) * r);
                float sy = py(cy + (float) Math.sin(angle) * r);
                if (i == 0) {
                    path.moveTo(sx, sy);
                } else {
                    path.lineTo(sx, sy);
                }
            }
            path.close();
            return this;
        }

        void stroke(GC gc) {
            gc.drawPath(path);
        }

        void dot(GC gc, float cx, float cy, float r) {
            gc.fillOval(Math.round(px(cx - r)), Math.round(py(cy - r)), Math.max(2, Math.round(2 * r * unit)),
                    Math.max(2, Math.round(2 * r * unit)));
        }
    }

    public void dispose() {
        declared.values().forEach(image -> image.ifPresent(Image::dispose));
        declared.clear();
        glyphs.values().forEach(Image::dispose);
        glyphs.clear();
        if (ink != null) {
            ink.dispose();
            ink = null;
        }
    }
}
