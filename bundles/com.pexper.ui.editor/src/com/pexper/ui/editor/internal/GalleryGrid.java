package com.pexper.ui.editor.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.ScrollBar;

import com.pexper.gallery.GalleryEntry;

/**
 * The gallery's images as a grid of thumbnails, newest first, each captioned with its prompt (or
 * its file's name) and its time and workflow. Only the rows in view are drawn, so ten
 * thousand entries scroll as smoothly as ten; thumbnails come from {@link GalleryThumbnails} as they
 * are read. Arrows, Page Up/Down, Home and End move the selection; Enter and a double click open
 * it.
 */
public final class GalleryGrid extends Canvas {

    /** The side of a thumbnail's box, in pixels. */
    public static final int THUMB = 160;
    private static final int PAD = 8;
    private static final int CELL_W = THUMB + 2 * PAD;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private final GalleryThumbnails thumbnails;
    private final int lineHeight;
    private final int cellH;
    private List<GalleryEntry> entries = List.of();
    private int selected = -1;
    private int top;
    private Consumer<GalleryEntry> onSelect = e -> {
    };
    private Consumer<GalleryEntry> onOpen = e -> {
    };
    /** Captions shortened to the cell, by entry id: shortening measures text, which is not free. */
    private final Map<String, String[]> captions = new HashMap<>();
    private final Color placeholder;
    private final Color missing;
    private final Color selection;
    private final Color selectionBorder;
    private final Color quiet;

    public GalleryGrid(Composite parent, GalleryThumbnails thumbnails) {
        super(parent, SWT.V_SCROLL | SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND | SWT.BORDER);
        this.thumbnails = thumbnails;
        GC gc = new GC(this);
        lineHeight = gc.getFontMetrics().getHeight();
        gc.dispose();
        cellH = THUMB + 2 * PAD + 2 * lineHeight + 4;
        placeholder = new Color(0xEC, 0xEC, 0xEC);
        missing = new Color(0xF6, 0xE3, 0xE3);
        selection = getDisplay().getSystemColor(SWT.COLOR_LIST_SELECTION);
        selectionBorder = selection;
        quiet = new Color(0x70, 0x70, 0x70);
        thumbnails.onReady(this::redraw);
        addListener(SWT.Paint, e -> paint(e.gc));
        addListener(SWT.Resize, e -> layoutRows());
        getVerticalBar().addListener(SWT.Selection, e -> {
            top = getVerticalBar().getSelection();
            redraw();
        });
        addListener(SWT.MouseDown, this::press);
        addListener(SWT.MouseDoubleClick, e -> {
            int at = indexAt(e.x, e.y);
            if (at >= 0) {
                onOpen.accept(entries.get(at));
            }
        });
        addListener(SWT.KeyDown, this::key);
        addListener(SWT.Traverse, e -> {
            if (e.detail == SWT.TRAVERSE_RETURN) {
                e.doit = false;
                if (selected >= 0) {
                    onOpen.accept(entries.get(selected));
                }
            }
        });
        addListener(SWT.FocusIn, e -> redraw());
        addListener(SWT.FocusOut, e -> redraw());
        addListener(SWT.Dispose, e -> {
            placeholder.dispose();
            missing.dispose();
            quiet.dispose();
        });
    }

    void onSelect(Consumer<GalleryEntry> listener) {
        onSelect = listener;
    }

    void onOpen(Consumer<GalleryEntry> listener) {
        onOpen = listener;
    }

    /** Shows these entries, keeping the selected one selected when it is among them. */
    public void setEntries(List<GalleryEntry> shown) {
        GalleryEntry was = selection();
        entries = List.copyOf(shown);
        selected = was == null ? -1 : entries.indexOf(was);
        captions.keySet().retainAll(entries.stream().map(GalleryEntry::id).toList());
        layoutRows();
        redraw();
        if (was != null && selected < 0) {
            onSelect.accept(null);
        }
    }

    public List<GalleryEntry> entries() {
        return entries;
    }

    GalleryEntry selection() {
        return selected >= 0 && selected < entries.size() ? entries.get(selected) : null;
    }

    void select(int index) {
        if (entries.isEmpty()) {
            return;
        }
        int next = Math.max(0, Math.min(entries.size() - 1, index));
        boolean changed = next != selected;
        selected = next;
        reveal(next);
        redraw();
        if (changed) {
            onSelect.accept(entries.get(next));
        }
    }

    public int columns() {
        return Math.max(1, getClientArea().width / CELL_W);
    }

    private int rows() {
        return (entries.size() + columns() - 1) / columns();
    }

    /** The first pixel row scrolled to. */
    public int scrolledTo() {
        return top;
    }

    /** Scrolls to a pixel row, as the scroll bar does. */
    public void scrollTo(int y) {
        ScrollBar bar = getVerticalBar();
        bar.setSelection(y);
        top = bar.getSelection();
        redraw();
    }

    public int cellHeight() {
        return cellH;
    }

    /** Whether the entry's thumbnail is ready to draw. */
    public boolean thumbnailDrawn(GalleryEntry entry) {
        return thumbnails.get(entry) != null;
    }

    /** Where the cell of the entry at an index is, in display coordinates (it may be scrolled out of view). */
    Rectangle cellOnDisplay(int index) {
        int columns = columns();
        org.eclipse.swt.graphics.Point origin = toDisplay(index % columns * CELL_W, index / columns * cellH - top);
        return new Rectangle(origin.x, origin.y, CELL_W, cellH);
    }

    private void layoutRows() {
        Rectangle area = getClientArea();
        ScrollBar bar = getVerticalBar();
        int total = rows() * cellH;
        bar.setValues(Math.min(top, Math.max(0, total - area.height)), 0, Math.max(total, 1),
                Math.max(1, Math.min(area.height, Math.max(total, 1))), Math.max(1, cellH / 4), Math.max(1, area.height));
        top = bar.getSelection();
        bar.setVisible(total > area.height);
    }

    private void reveal(int index) {
        Rectangle area = getClientArea();
        int y = index / columns() * cellH;
        if (y < top) {
            scrollTo(y);
        } else if (y + cellH > top + area.height) {
            scrollTo(y + cellH - area.height);
        }
    }

    private int indexAt(int x, int y) {
        int column = x / CELL_W;
        if (column >= columns()) {
            return -1;
        }
        int index = (y + top) / cellH * columns() + column;
        return index < entries.size() ? index : -1;
    }

    private void press(Event e) {
        setFocus();
        int at = indexAt(e.x, e.y);
        if (at >= 0) {
            select(at);
        }
    }

    private void key(Event e) {
        int columns = columns();
        int page = Math.max(1, getClientArea().height / cellH) * columns;
        int from = Math.max(0, selected);
        switch (e.keyCode) {
            case SWT.ARROW_RIGHT -> select(selected + 1);
            case SWT.ARROW_LEFT -> select(selected - 1);
            case SWT.ARROW_DOWN -> select(selected < 0 ? 0 : selected + columns);
            case SWT.ARROW_UP -> select(from - columns);
            case SWT.PAGE_DOWN -> select(from + page);
            case SWT.PAGE_UP -> select(from - page);
            case SWT.HOME -> select(0);
            case SWT.END -> select(entries.size() - 1);
            default -> {
                return;
            }
        }
        e.doit = false;
    }

    /** The entries whose cells are in view, wholly or in part. */
    public List<GalleryEntry> inView() {
        int first = top / cellH * columns();
        int last = Math.min(entries.size(), ((top + getClientArea().height) / cellH + 1) * columns());
        return first >= last ? List.of() : entries.subList(first, last);
    }

    private void paint(GC gc) {
        Rectangle area = getClientArea();
        gc.setBackground(getDisplay().getSystemColor(SWT.COLOR_LIST_BACKGROUND));
        gc.fillRectangle(area);
        int columns = columns();
        int first = top / cellH * columns;
        List<GalleryEntry> inView = inView();
        for (int i = 0; i < inView.size(); i++) {
            int index = first + i;
            paintCell(gc, inView.get(i), index == selected, index % columns * CELL_W, index / columns * cellH - top);
        }
        thumbnails.want(inView, nearby());
    }

    /** The screen's worth of entries below the view and above it: read next, so that scrolling finds them. */
    private List<GalleryEntry> nearby() {
        int columns = columns();
        int screen = (getClientArea().height / cellH + 2) * columns;
        int first = top / cellH * columns;
        int last = Math.min(entries.size(), first + inView().size());
        List<GalleryEntry> near = new java.util.ArrayList<>(entries.subList(last, Math.min(entries.size(), last + screen)));
        near.addAll(entries.subList(Math.max(0, first - screen), first).reversed());
        return near;
    }

    private void paintCell(GC gc, GalleryEntry entry, boolean isSelected, int x, int y) {
        if (isSelected) {
            gc.setBackground(selection);
            gc.setAlpha(isFocusControl() ? 70 : 40);
            gc.fillRoundRectangle(x + 2, y + 2, CELL_W - 4, cellH - 4, 10, 10);
            gc.setAlpha(255);
            gc.setForeground(selectionBorder);
            gc.setLineWidth(2);
            gc.drawRoundRectangle(x + 2, y + 2, CELL_W - 4, cellH - 4, 10, 10);
            gc.setLineWidth(1);
        }
        int boxX = x + PAD;
        int boxY = y + PAD;
        Image thumbnail = thumbnails.get(entry);
        if (thumbnail != null) {
            Rectangle size = thumbnail.getBounds();
            gc.drawImage(thumbnail, boxX + (THUMB - size.width) / 2, boxY + (THUMB - size.height) / 2);
        } else {
            boolean failed = thumbnails.failed(entry);
            gc.setBackground(failed ? missing : placeholder);
            gc.fillRectangle(boxX + 12, boxY + 12, THUMB - 24, THUMB - 24);
            if (failed) {
                gc.setForeground(quiet);
                String note = "file missing";
                Point extent = gc.textExtent(note);
                gc.drawText(note, boxX + (THUMB - extent.x) / 2, boxY + (THUMB - extent.y) / 2, true);
            }
        }
        String[] caption = captions.computeIfAbsent(entry.id(), id -> caption(gc, entry));
        gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_LIST_FOREGROUND));
        gc.drawText(caption[0], boxX, boxY + THUMB + 4, true);
        gc.setForeground(quiet);
        gc.drawText(caption[1], boxX, boxY + THUMB + 4 + lineHeight, true);
    }

    /** What the caption says: the prompt, else the file's name; then time and workflow. */
    private static String[] caption(GC gc, GalleryEntry entry) {
        String first = entry.prompt().map(p -> p.replace('\n', ' ')).orElse(entry.file().getFileName().toString());
        String second = when(entry.created()) + (entry.workflow() == null ? "" : " \u00b7 " + entry.workflow());
        return new String[] { fit(gc, first, THUMB), fit(gc, second, THUMB) };
    }

    private static String when(Instant created) {
        return DAY.format(created);
    }

    /** The text, shortened with an ellipsis to fit the width. */
    static String fit(GC gc, String text, int width) {
        if (gc.textExtent(text).x <= width) {
            return text;
        }
        int lo = 0;
        int hi = text.length();
        while (lo < hi) {
            int mid = (lo + hi + 1) / 2;
            if (gc.textExtent(text.substring(0, mid) + "\u2026").x <= width) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return text.substring(0, lo) + "\u2026";
    }
}
