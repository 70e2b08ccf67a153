package com.pexper.ui.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageGcDrawer;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Display;

import com.pexper.core.data.DataType;
import com.pexper.core.node.NodeType;
import com.pexper.core.node.NodeTypeUnavailableException;
import com.pexper.core.node.PortSpec;
import com.pexper.ui.graph.NodeIcons;
import com.pexper.ui.graph.PortColors;

/**
 * A node type's picture in the Node Repository: its icon as the canvas draws it, then the colour of
 * what it takes on the left and of what it gives on the right, as its ports have them (a ring for a
 * list), so that a user finds what fits by colour. Drawn at the screen's resolution; one image per
 * type, disposed with the view.
 */
final class RepositoryImages {

    private static final int SIZE = 16;
    private static final int GAP = 4;
    private static final RGB LINE = new RGB(0xb9, 0xc0, 0xcb);
    private final Display display;
    private final NodeIcons icons;
    private final Map<NodeType, Image> images = new HashMap<>();

    RepositoryImages(Display display) {
        this.display = display;
        this.icons = new NodeIcons(display);
    }

    /** The picture for a type; a failed plug-in's type has its icon with no ports. */
    Image of(NodeType type) {
        return images.computeIfAbsent(type, this::draw);
    }

    private Image draw(NodeType type) {
        DataType in = null;
        DataType out = null;
        try {
            List<PortSpec> inputs = type.signature().inputs();
            List<PortSpec> outputs = type.signature().outputs();
            in = inputs.isEmpty() ? null : inputs.get(0).type();
            out = outputs.isEmpty() ? null : outputs.get(0).type();
        } catch (NodeTypeUnavailableException e) {
            // its plug-in failed: the icon alone
        }
        DataType takes = in;
        DataType gives = out;
        ImageGcDrawer drawer = new ImageGcDrawer() {
            @Override
            public void drawOn(GC gc, int width, int height) {
                gc.setAntialias(SWT.ON);
                icons.paint(gc, type, 0, 0, SIZE);
                if (takes != null || gives != null) {
                    gc.setForeground(new Color(display, LINE));
                    gc.drawLine(SIZE + GAP + 4, SIZE / 2, 2 * SIZE + GAP - 4, SIZE / 2);
                    dot(gc, takes, SIZE + GAP + 1);
                    dot(gc, gives, 2 * SIZE + GAP - 8);
                }
            }

            @Override
            public int getGcStyle() {
                return SWT.TRANSPARENT;
            }
        };
        return new Image(display, drawer, 2 * SIZE + GAP, SIZE);
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
        icons.dispose();
    }
}
