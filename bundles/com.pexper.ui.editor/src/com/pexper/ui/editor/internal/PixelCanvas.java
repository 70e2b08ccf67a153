package com.pexper.ui.editor.internal;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;

/**
 * An image at 100 % or any zoom, its transparency over a checkerboard: the wheel zooms around the
 * pointer, dragging pans. With an image to compare (the node's input), a divider shows the input
 * left of it and the result right of it, as before and after; dragging the divider moves it.
 */
final class PixelCanvas extends Canvas {

    static final double MIN_ZOOM = 1 / 32.0;
    static final double MAX_ZOOM = 32;
    private static final int SQUARE = 8;
    /** How near the divider, in pixels, a press takes it rather than the image. */
    private static final int GRIP = 8;

    private Image image;
    private Image before;
    private double zoom = 1;
    /** Where the image's top left corner is drawn. */
    private double originX;
    private double originY;
    /** The divider, 0..1 of the image's width. */
    private double split = 0.5;
    private Point dragFrom;
    /** The canvas's size when last laid out. */
    private Point size;
    private boolean draggingDivider;
    private Runnable zoomChanged = () -> {
    };

    PixelCanvas(Composite parent) {
        super(parent, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
        addListener(SWT.Paint, e -> paint(e.gc));
        addListener(SWT.MouseVerticalWheel, this::wheel);
        addListener(SWT.MouseDown, this::press);
        addListener(SWT.MouseMove, this::move);
        addListener(SWT.MouseUp, e -> {
            dragFrom = null;
            draggingDivider = false;
        });
        addListener(SWT.Dispose, e -> show(null, null));
        addListener(SWT.Resize, e -> {
            // what was in the middle stays there
            Rectangle area = getClientArea();
            if (size != null) {
                originX += (area.width - size.x) / 2.0;
                originY += (area.height - size.y) / 2.0;
            }
            size = new Point(area.width, area.height);
        });
    }

    /** Where the image is drawn, in the canvas's coordinates; null without one. */
    Rectangle imageBounds() {
        if (image == null) {
            return null;
        }
        Rectangle own = image.getBounds();
        return new Rectangle((int) Math.round(originX), (int) Math.round(originY), (int) Math.round(own.width * zoom),
                (int) Math.round(own.height * zoom));
    }

    /** Shows {@code after} (and {@code compareWith} left of the divider), fitting the view when it is new. */
    void show(ImageData after, ImageData compareWith) {
        boolean sameSize = image != null && after != null && image.getBounds().width == after.width
                && image.getBounds().height == after.height;
        dispose(image);
        dispose(before);
        image = after == null ? null : new Image(getDisplay(), after);
        before = compareWith == null ? null : new Image(getDisplay(), compareWith);
        if (!sameSize && image != null) {
            actualSize();
        }
        redraw();
    }

    private static void dispose(Image shown) {
        if (shown != null && !shown.isDisposed()) {
            shown.dispose();
        }
    }

    void onZoomChanged(Runnable listener) {
        zoomChanged = listener;
    }

    double zoom() {
        return zoom;
    }

    boolean comparing() {
        return before != null;
    }

    double split() {
        return split;
    }

    /** The image pixel for pixel, centred. */
    void actualSize() {
        zoomTo(1);
    }

    /** The whole image in the view, never enlarged. */
    void fit() {
        if (image == null) {
            return;
        }
        Rectangle area = getClientArea();
        Rectangle size = image.getBounds();
        zoomTo(Math.min(1, Math.min((area.width - 16) / (double) size.width, (area.height - 16) / (double) size.height)));
    }

    /** Zooms by a factor around the view's centre. */
    void zoomBy(double factor) {
        Rectangle area = getClientArea();
        zoomAround(zoom * factor, area.width / 2.0, area.height / 2.0);
    }

    private void zoomTo(double next) {
        zoom = clamp(next);
        if (image != null) {
            Rectangle area = getClientArea();
            Rectangle size = image.getBounds();
            originX = (area.width - size.width * zoom) / 2;
            originY = (area.height - size.height * zoom) / 2;
        }
        redraw();
        zoomChanged.run();
    }

    private void zoomAround(double next, double x, double y) {
        double clamped = clamp(next);
        originX = x - (x - originX) * clamped / zoom;
        originY = y - (y - originY) * clamped / zoom;
        zoom = clamped;
        redraw();
        zoomChanged.run();
    }

    private static double clamp(double value) {
        return Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, value));
    }

    private void wheel(Event e) {
        zoomAround(zoom * (e.count > 0 ? 1.25 : 0.8), e.x, e.y);
    }

    private int dividerX() {
        return (int) Math.round(originX + split * image.getBounds().width * zoom);
    }

    private void press(Event e) {
        if (image == null || e.button != 1) {
            return;
        }
        draggingDivider = before != null && Math.abs(e.x - dividerX()) <= GRIP;
        dragFrom = new Point(e.x, e.y);
    }

    private void move(Event e) {
        if (image != null && before != null) {
            setCursor(getDisplay().getSystemCursor(Math.abs(e.x - dividerX()) <= GRIP || draggingDivider
                    ? SWT.CURSOR_SIZEWE : SWT.CURSOR_ARROW));
        }
        if (dragFrom == null) {
            return;
        }
        if (draggingDivider) {
            moveDivider((e.x - originX) / (image.getBounds().width * zoom));
        } else {
            originX += e.x - dragFrom.x;
            originY += e.y - dragFrom.y;
            dragFrom = new Point(e.x, e.y);
            redraw();
        }
    }

    /** Puts the divider at {@code fraction} of the image's width. */
    void moveDivider(double fraction) {
        split = Math.max(0, Math.min(1, fraction));
        redraw();
    }

    private void paint(GC gc) {
        Rectangle area = getClientArea();
        gc.setBackground(getDisplay().getSystemColor(SWT.COLOR_WIDGET_BACKGROUND));
        gc.fillRectangle(area);
        if (image == null) {
            return;
        }
        Rectangle size = image.getBounds();
        int x = (int) Math.round(originX);
        int y = (int) Math.round(originY);
        int w = Math.max(1, (int) Math.round(size.width * zoom));
        int h = Math.max(1, (int) Math.round(size.height * zoom));
        Rectangle shown = new Rectangle(x, y, w, h).intersection(area);
        checkerboard(gc, shown);
        gc.setInterpolation(zoom < 1 ? SWT.HIGH : SWT.NONE); // enlarged: each pixel a square, as image editors show it
        if (before == null) {
            gc.drawImage(image, 0, 0, size.width, size.height, x, y, w, h);
            return;
        }
        int divider = dividerX();
        Rectangle clip = gc.getClipping();
        gc.setClipping(new Rectangle(x, y, Math.max(0, divider - x), h).intersection(clip));
        Rectangle was = before.getBounds();
        gc.drawImage(before, 0, 0, was.width, was.height, x, y, w, h);
        gc.setClipping(new Rectangle(divider, y, Math.max(0, x + w - divider), h).intersection(clip));
        gc.drawImage(image, 0, 0, size.width, size.height, x, y, w, h);
        gc.setClipping(clip);
        gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_WHITE));
        gc.setLineWidth(3);
        gc.drawLine(divider, y, divider, y + h);
        gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_LIST_SELECTION));
        gc.setLineWidth(1);
        gc.drawLine(divider, y, divider, y + h);
        int grip = Math.max(y, Math.min(y + h - 24, area.height / 2 - 12));
        gc.setBackground(getDisplay().getSystemColor(SWT.COLOR_LIST_SELECTION));
        gc.fillRoundRectangle(divider - 5, grip, 11, 24, 6, 6);
        label(gc, "Before", x + 6, y + 6, divider - x > 60);
        label(gc, "After", divider + 6, y + 6, x + w - divider > 60);
    }

    private void label(GC gc, String text, int x, int y, boolean room) {
        if (!room) {
            return;
        }
        Point extent = gc.textExtent(text);
        gc.setBackground(getDisplay().getSystemColor(SWT.COLOR_BLACK));
        gc.setAlpha(160);
        gc.fillRoundRectangle(x, y, extent.x + 10, extent.y + 4, 6, 6);
        gc.setAlpha(255);
        gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_WHITE));
        gc.drawText(text, x + 5, y + 2, true);
    }

    private static void checkerboard(GC gc, Rectangle shown) {
        Color light = gc.getDevice().getSystemColor(SWT.COLOR_WHITE);
        Color dark = new Color(0xD8, 0xD8, 0xD8);
        gc.setBackground(light);
        gc.fillRectangle(shown);
        gc.setBackground(dark);
        for (int y = shown.y; y < shown.y + shown.height; y += SQUARE) {
            for (int x = shown.x + (((y - shown.y) / SQUARE) & 1) * SQUARE; x < shown.x + shown.width; x += 2 * SQUARE) {
                gc.fillRectangle(x, y, Math.min(SQUARE, shown.x + shown.width - x), Math.min(SQUARE, shown.y
                        + shown.height - y));
            }
        }
    }
}
