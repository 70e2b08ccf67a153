package com.pexper.ui.editor.internal;

import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;

/**
 * The whole workflow in small in the canvas's lower right corner, with the part on screen framed,
 * while the workflow is larger than the view: a click or drag on it takes the view there. Its
 * picture of the nodes is drawn once per change of the workflow; a frame adds only the frame.
 */
final class MiniMap {

    private static final int WIDTH = 200;
    private static final int HEIGHT = 130;
    private static final int MARGIN = 12;
    private static final int INSET = 6;

    private final Display display;
    private Image picture;
    /** The geometry the picture is of: a new one (any change) draws it again. */
    private GraphGeometry pictured;

    MiniMap(Display display) {
        this.display = display;
    }

    /** Where it is drawn on a canvas of this size. */
    Rectangle bounds(Rectangle area) {
        return new Rectangle(area.width - WIDTH - MARGIN, area.height - HEIGHT - MARGIN, WIDTH, HEIGHT);
    }

    /** Whether it is shown: when the workflow is larger than the view, and the canvas has room for it. */
    boolean shown(Rectangle area, GraphGeometry geometry, Rectangle visible) {
        Rectangle extent = geometry.extent();
        boolean larger = extent.width > visible.width || extent.height > visible.height;
        return larger && area.width > 3 * WIDTH && area.height > 3 * HEIGHT;
    }

    /** Draws it, without the canvas's transform: the nodes, and {@code visible} (the workflow's part on screen) framed. */
    void paint(GC gc, Rectangle area, GraphGeometry geometry, Rectangle visible) {
        Rectangle at = bounds(area);
        if (pictured != geometry || picture == null) {
            draw(geometry);
        }
        gc.drawImage(picture, at.x, at.y);
        Scale scale = scale(geometry);
        gc.setForeground(new Color(display, new RGB(0x1a, 0x73, 0xe8)));
        gc.setLineWidth(2);
        Point topLeft = scale.toMap(visible.x, visible.y);
        Point bottomRight = scale.toMap(visible.x + visible.width, visible.y + visible.height);
        Rectangle frame = new Rectangle(at.x + topLeft.x, at.y + topLeft.y, bottomRight.x - topLeft.x,
                bottomRight.y - topLeft.y).intersection(at);
        gc.drawRectangle(frame);
    }

    /** The point of the workflow a point on the map stands for. */
    Point modelAt(Point screen, Rectangle area, GraphGeometry geometry) {
        Rectangle at = bounds(area);
        return scale(geometry).toModel(screen.x - at.x, screen.y - at.y);
    }

    private void draw(GraphGeometry geometry) {
        if (picture != null) {
            picture.dispose();
        }
        picture = new Image(display, WIDTH, HEIGHT);
        GC gc = new GC(picture);
        try {
            gc.setBackground(new Color(display, new RGB(0xff, 0xff, 0xff)));
            gc.fillRectangle(0, 0, WIDTH, HEIGHT);
            gc.setForeground(new Color(display, new RGB(0xb9, 0xc0, 0xcb)));
            gc.drawRectangle(0, 0, WIDTH - 1, HEIGHT - 1);
            gc.setBackground(new Color(display, new RGB(0x9a, 0xa3, 0xb0)));
            Scale scale = scale(geometry);
            for (GraphGeometry.NodeBox box : geometry.boxes()) {
                Rectangle b = box.bounds();
                Point p = scale.toMap(b.x, b.y);
                gc.fillRectangle(p.x, p.y, Math.max(2, (int) Math.round(b.width * scale.factor)),
                        Math.max(2, (int) Math.round(b.height * scale.factor)));
            }
        } finally {
            gc.dispose();
        }
        pictured = geometry;
    }

    /** How the workflow's extent maps into the map, centred, with a little room around it. */
    private static Scale scale(GraphGeometry geometry) {
        Rectangle extent = geometry.extent();
        double factor = Math.min((WIDTH - 2.0 * INSET) / Math.max(1, extent.width),
                (HEIGHT - 2.0 * INSET) / Math.max(1, extent.height));
        double dx = (WIDTH - extent.width * factor) / 2 - extent.x * factor;
        double dy = (HEIGHT - extent.height * factor) / 2 - extent.y * factor;
        return new Scale(factor, dx, dy);
    }

    private record Scale(double factor, double dx, double dy) {
        Point toMap(double x, double y) {
            return new Point((int) Math.round(x * factor + dx), (int) Math.round(y * factor + dy));
        }

        Point toModel(int x, int y) {
            return new Point((int) Math.round((x - dx) / factor), (int) Math.round((y - dy) / factor));
        }
    }

    void dispose() {
        if (picture != null) {
            picture.dispose();
        }
    }
}
