package com.pexper.ui.editor.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Path;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;

import com.pexper.edit.PortMatch;
import com.pexper.model.Connection;
import com.pexper.model.Node;
import com.pexper.model.validation.Problem;

/** Draws a workflow: the grid, connections as curves in their type's colour, nodes with their ports. */
final class GraphPainter {

    private static final RGB BACKGROUND = new RGB(0xf4, 0xf5, 0xf7);
    private static final RGB GRID = new RGB(0xdd, 0xe0, 0xe5);
    private static final RGB NODE = new RGB(0xff, 0xff, 0xff);
    private static final RGB HEADER = new RGB(0xe8, 0xec, 0xf2);
    private static final RGB BORDER = new RGB(0xb9, 0xc0, 0xcb);
    private static final RGB SELECTED = new RGB(0x1a, 0x73, 0xe8);
    private static final RGB TEXT = new RGB(0x20, 0x24, 0x2a);
    private static final RGB MUTED = new RGB(0x6b, 0x72, 0x7d);
    private static final RGB PLACEHOLDER = new RGB(0xfb, 0xe9, 0xd0);
    private static final RGB ERROR = new RGB(0xd9, 0x30, 0x25);
    private static final RGB WARNING = new RGB(0xe8, 0x9a, 0x0c);
    private static final int GRID_STEP = 20;

    /** A connection being dragged from an output, to the mouse or to the input it would take. */
    record Dragging(GraphGeometry.PortAt from, Point to, Optional<GraphGeometry.PortAt> over, PortMatch match) {
    }

    private final Display display;
    private final Font bold;

    GraphPainter(Display display, Font bold) {
        this.display = display;
        this.bold = bold;
    }

    /**
     * @param visible the part of the workflow's plane on screen, for the grid
     * @param matches while dragging, how each input would take the dragged output (null otherwise)
     */
    void paint(GC gc, GraphGeometry geometry, GraphCanvas.View view, Rectangle visible,
            Function<GraphGeometry.PortAt, PortMatch> matches, Dragging dragging, Map<String, List<Problem>> problems) {
        gc.setAntialias(SWT.ON);
        gc.setTextAntialias(SWT.ON);
        gc.setBackground(color(BACKGROUND));
        gc.fillRectangle(visible);
        paintGrid(gc, visible);
        Set<Node> selectedNodes = view.selectedNodes();
        Set<Connection> selectedConnections = view.selectedConnections();
        gc.setLineWidth(2);
        for (Connection connection : view.connections()) {
            Optional<GraphGeometry.PortAt> from = view.node(connection.getSourceNode())
                    .flatMap(n -> geometry.output(n, connection.getSourcePort()));
            Optional<GraphGeometry.PortAt> to = view.node(connection.getTargetNode())
                    .flatMap(n -> geometry.input(n, connection.getTargetPort()));
            if (from.isPresent() && to.isPresent()) {
                boolean selected = selectedConnections.contains(connection);
                gc.setForeground(selected ? color(SELECTED) : color(PortColors.of(from.get().port().type())));
                gc.setLineWidth(selected ? 4 : 2);
                curve(gc, from.get().center(), to.get().center());
            }
        }
        for (GraphGeometry.NodeBox box : geometry.boxes()) {
            paintNode(gc, box, selectedNodes.contains(box.node()), matches);
            List<Problem> found = problems.getOrDefault(box.node().getId(), List.of());
            if (!found.isEmpty()) {
                paintBadge(gc, box.bounds(), found.stream().anyMatch(Problem::isError));
            }
        }
        if (dragging != null) {
            Point end = dragging.over().map(GraphGeometry.PortAt::center).orElse(dragging.to());
            gc.setLineWidth(2);
            gc.setLineStyle(dragging.over().isPresent() ? SWT.LINE_SOLID : SWT.LINE_DASH);
            gc.setForeground(color(PortColors.of(dragging.from().port().type())));
            curve(gc, dragging.from().center(), end);
            gc.setLineStyle(SWT.LINE_SOLID);
            if (dragging.over().isPresent() && dragging.match() == PortMatch.CONVERTS) {
                String note = dragging.from().port().type().displayName() + " \u2192 "
                        + dragging.over().get().port().type().displayName();
                Point size = gc.textExtent(note);
                gc.setBackground(color(NODE));
                gc.setForeground(color(MUTED));
                gc.fillRoundRectangle(end.x - size.x - 16, end.y - size.y - 14, size.x + 8, size.y + 4, 6, 6);
                gc.drawText(note, end.x - size.x - 12, end.y - size.y - 12, true);
            }
        }
    }

    /** A round mark on the node's top right corner: red for an error, amber for a warning. */
    private void paintBadge(GC gc, Rectangle node, boolean error) {
        int r = 8;
        int x = node.x + node.width - r;
        int y = node.y - r;
        gc.setBackground(color(error ? ERROR : WARNING));
        gc.fillOval(x - r, y, 2 * r, 2 * r);
        gc.setForeground(color(NODE));
        Point size = gc.textExtent("!");
        gc.drawText("!", x - size.x / 2, y + r - size.y / 2, true);
    }

    /** The rectangle a marquee selection is being drawn with. */
    void paintMarquee(GC gc, Rectangle area) {
        gc.setAlpha(40);
        gc.setBackground(color(SELECTED));
        gc.fillRectangle(area);
        gc.setAlpha(255);
        gc.setForeground(color(SELECTED));
        gc.setLineWidth(1);
        gc.drawRectangle(area);
    }

    private void paintGrid(GC gc, Rectangle visible) {
        gc.setForeground(color(GRID));
        gc.setLineWidth(1);
        int startX = Math.floorDiv(visible.x, GRID_STEP) * GRID_STEP;
        int startY = Math.floorDiv(visible.y, GRID_STEP) * GRID_STEP;
        for (int x = startX; x <= visible.x + visible.width; x += GRID_STEP) {
            for (int y = startY; y <= visible.y + visible.height; y += GRID_STEP) {
                gc.drawPoint(x, y);
            }
        }
    }

    private void paintNode(GC gc, GraphGeometry.NodeBox box, boolean selected,
            Function<GraphGeometry.PortAt, PortMatch> matches) {
        Rectangle b = box.bounds();
        gc.setBackground(color(new RGB(0xd0, 0xd4, 0xdb)));
        gc.setAlpha(90);
        gc.fillRoundRectangle(b.x + 2, b.y + 3, b.width, b.height, 12, 12); // shadow
        gc.setAlpha(255);
        gc.setBackground(color(NODE));
        gc.fillRoundRectangle(b.x, b.y, b.width, b.height, 12, 12);
        gc.setBackground(color(box.ports().placeholder() ? PLACEHOLDER : HEADER));
        gc.fillRoundRectangle(b.x, b.y, b.width, box.header(), 12, 12);
        gc.fillRectangle(b.x, b.y + box.header() - 6, b.width, 6);
        gc.setForeground(color(selected ? SELECTED : BORDER));
        gc.setLineWidth(selected ? 2 : 1);
        gc.setLineStyle(box.ports().placeholder() ? SWT.LINE_DASH : SWT.LINE_SOLID);
        gc.drawRoundRectangle(b.x, b.y, b.width, b.height, 12, 12);
        gc.setLineStyle(SWT.LINE_SOLID);
        Font regular = gc.getFont();
        gc.setFont(bold);
        gc.setForeground(color(TEXT));
        int lineHeight = gc.getFontMetrics().getHeight();
        gc.drawText(box.title(), b.x + 10, b.y + (box.header() - lineHeight) / 2, true);
        gc.setFont(regular);
        if (box.subtitle() != null) {
            gc.setForeground(color(MUTED));
            gc.drawText(box.subtitle(), b.x + 10, b.y + box.header() + 4, true);
        }
        int textHeight = gc.getFontMetrics().getHeight();
        for (GraphGeometry.PortAt port : box.inputs()) {
            PortMatch match = matches == null ? null : matches.apply(port);
            paintPort(gc, port, match);
            gc.setForeground(color(match == PortMatch.REFUSED ? BORDER : TEXT));
            gc.drawText(port.port().name(), port.center().x + 10, port.center().y - textHeight / 2, true);
        }
        for (GraphGeometry.PortAt port : box.outputs()) {
            paintPort(gc, port, null);
            gc.setForeground(color(matches == null ? TEXT : MUTED));
            int width = gc.textExtent(port.port().name()).x;
            gc.drawText(port.port().name(), port.center().x - 10 - width, port.center().y - textHeight / 2, true);
        }
    }

    /** A filled circle in the type's colour (a ring for a list); dimmed when it cannot take what is dragged. */
    private void paintPort(GC gc, GraphGeometry.PortAt port, PortMatch match) {
        int r = GraphGeometry.PORT_RADIUS + (match != null && match.connects() ? 2 : 0);
        Point c = port.center();
        Color colour = color(PortColors.of(port.port().type()));
        gc.setAlpha(match == PortMatch.REFUSED ? 60 : 255);
        gc.setBackground(port.port().type().isList() ? color(NODE) : colour);
        gc.fillOval(c.x - r, c.y - r, 2 * r, 2 * r);
        gc.setForeground(colour);
        gc.setLineWidth(2);
        gc.drawOval(c.x - r, c.y - r, 2 * r, 2 * r);
        gc.setAlpha(255);
    }

    private void curve(GC gc, Point from, Point to) {
        int pull = Curves.pull(from, to);
        Path path = new Path(display);
        try {
            path.moveTo(from.x, from.y);
            path.cubicTo(from.x + pull, from.y, to.x - pull, to.y, to.x, to.y);
            gc.drawPath(path);
        } finally {
            path.dispose();
        }
    }

    private Color color(RGB rgb) {
        return new Color(display, rgb); // SWT 3.116+: colours need no disposing
    }
}
