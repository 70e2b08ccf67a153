package com.pexper.ui.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Display;

import com.pexper.core.data.DataType;
import com.pexper.core.node.NodeType;
import com.pexper.core.node.NodeTypeUnavailableException;
import com.pexper.core.node.PortSpec;
import com.pexper.ui.graph.PortColors;

/**
 * A node type's picture in the Node Repository: the colour of what it takes on the left, of what
 * it gives on the right, as its ports have them on the canvas (a ring for a list), so that a user
 * finds what fits by colour. One image per combination, disposed with the view.
 */
final class PortSwatches {

    private static final int SIZE = 16;
    private final Display display;
    private final Map<String, Image> images = new HashMap<>();

    PortSwatches(Display display) {
        this.display = display;
    }

    /** The picture for a type, or null when it cannot say its ports (its plug-in failed). */
    Image of(NodeType type) {
        List<PortSpec> inputs;
        List<PortSpec> outputs;
        try {
            inputs = type.signature().inputs();
            outputs = type.signature().outputs();
        } catch (NodeTypeUnavailableException e) {
            return null;
        }
        DataType in = inputs.isEmpty() ? null : inputs.get(0).type();
        DataType out = outputs.isEmpty() ? null : outputs.get(0).type();
        String key = describe(in) + "|" + describe(out);
        return images.computeIfAbsent(key, k -> draw(in, out));
    }

    private static String describe(DataType type) {
        return type == null ? "-" : PortColors.of(type) + (type.isList() ? "[]" : "");
    }

    private Image draw(DataType in, DataType out) {
        Image image = new Image(display, SIZE, SIZE);
        GC gc = new GC(image);
        try {
            gc.setBackground(display.getSystemColor(SWT.COLOR_LIST_BACKGROUND));
            gc.fillRectangle(0, 0, SIZE, SIZE);
            gc.setAntialias(SWT.ON);
            gc.setForeground(new Color(display, new RGB(0xb9, 0xc0, 0xcb)));
            gc.drawLine(4, SIZE / 2, SIZE - 4, SIZE / 2);
            dot(gc, in, 1);
            dot(gc, out, SIZE - 8);
        } finally {
            gc.dispose();
        }
        return image;
    }

    private void dot(GC gc, DataType type, int x) {
        if (type == null) {
            return;
        }
        gc.setBackground(new Color(display, PortColors.of(type)));
        gc.fillOval(x, SIZE / 2 - 3, 7, 7);
        if (type.isList()) {
            gc.setBackground(display.getSystemColor(SWT.COLOR_LIST_BACKGROUND));
            gc.fillOval(x + 2, SIZE / 2 - 1, 3, 3);
        }
    }

    void dispose() {
        images.values().forEach(Image::dispose);
        images.clear();
    }
}
