package com.pexper.ui.editor.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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

import com.pexper.core.data.DataType;
import com.pexper.edit.PortMatch;
import com.pexper.model.Connection;
import com.pexper.model.Node;
import com.pexper.model.validation.Problem;
import com.pexper.ui.graph.NodeIcons;
import com.pexper.ui.graph.PortColors;

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
    /** A shadow's grey as it falls on the background: solid, since drawing with alpha costs more. */
    private static final RGB SHADOW = new RGB(0xe6, 0xe8, 0xec);
    private static final RGB FRAME = new RGB(0xe6, 0xee, 0xfb);
    private static final RGB FRAME_TITLE = new RGB(0xd3, 0xe1, 0xf8);
    private static final RGB FRAME_BORDER = new RGB(0xa9, 0xc1, 0xea);
    /** The grid's spacing, in units of the workflow's plane; nodes snap to it when asked to. */
    static final int GRID_STEP = 20;
    /**
     * Below this zoom port names are too small to read (as in ComfyUI): nodes are drawn as outlines
     * with their titles, and below {@link #TITLE_ZOOM} without any text.
     */
    static final double DETAIL_ZOOM = 0.6;
    static final double TITLE_ZOOM = 0.3;

    /** A connection being dragged from an output, to the mouse or to the input it would take. */
    record Dragging(GraphGeometry.PortAt from, Point to, Optional<GraphGeometry.PortAt> over, PortMatch match) {
    }

    private final Display display;
    private final Font bold;
    private final NodeIcons icons;
    private final RunPainter runs;
    private final Map<RGB, Color> colours = new HashMap<>();

    GraphPainter(Display display, Font bold) {
        this.display = display;
        this.bold = bold;
        this.icons = new NodeIcons(display);
        this.runs = new RunPainter(display);
    }

    void dispose() {
        icons.dispose();
        runs.dispose();
    }

    /**
     * @param visible the part of the workflow's plane on screen: what lies outside is not drawn
     * @param zoom screen pixels per unit of the plane; below {@link #DETAIL_ZOOM} small text is too small to read and is left out
     * @param matches while dragging, how each input would take the dragged output (null otherwise)
     */
    void paintScene(GC gc, GraphGeometry geometry, GraphCanvas.View view, Rectangle visible, double zoom,
            Function<GraphGeometry.PortAt, PortMatch> matches) {
        boolean detail = zoom >= DETAIL_ZOOM;
        gc.setAntialias(SWT.ON);
        gc.setTextAntialias(SWT.ON);
        gc.setBackground(color(BACKGROUND));
        gc.fillRectangle(visible);
        paintGrid(gc, visible, zoom);
        paintFrames(gc, geometry, visible, zoom >= TITLE_ZOOM);
        Set<Node> selectedNodes = view.selectedNodes();
        // zoomed out, edges a pixel wide do not need smoothing, and smoothing is most of the cost
        gc.setAntialias(detail ? SWT.ON : SWT.OFF);
        // at least a pixel and a half wide on screen, however far out
        int wireWidth = detail ? 2 : Math.max(2, (int) Math.ceil(1.5 / zoom));
        paintWires(gc, geometry, visible, view.selectedConnections(), wireWidth);
        List<GraphGeometry.NodeBox> shown = shown(geometry, visible);
        if (detail) {
            for (GraphGeometry.NodeBox box : shown) {
                paintNode(gc, box, selectedNodes.contains(box.node()), matches, zoom);
            }
        } else {
            paintOutlines(gc, shown, selectedNodes, matches);
            if (zoom >= TITLE_ZOOM) {
                gc.setAntialias(SWT.ON);
                Font regular = gc.getFont();
                gc.setFont(bold);
                gc.setForeground(color(TEXT));
                int lineHeight = gc.getFontMetrics().getHeight();
                for (GraphGeometry.NodeBox box : shown) {
                    Rectangle b = box.bounds();
                    gc.drawText(box.title(), box.titleX(), b.y + (box.header() - lineHeight) / 2, true);
                }
                gc.setFont(regular);
            }
        }
    }

    /** The nodes that reach into the visible part of the plane. */
    private static List<GraphGeometry.NodeBox> shown(GraphGeometry geometry, Rectangle visible) {
        List<GraphGeometry.NodeBox> shown = new ArrayList<>();
        for (GraphGeometry.NodeBox box : geometry.boxes()) {
            Rectangle b = box.bounds();
            // the badge and the shadow reach a little beyond the box, the run's state and preview below it
            if (visible.intersects(b.x - 10, b.y - 10, b.width + 20, b.height + 20 + RunPainter.REACH)) {
                shown.add(box);
            }
        }
        return shown;
    }

    /**
     * What is drawn over the scene ({@link #paintScene}), which changes more often than it: how
     * each node fares in the run, the problem badges, a connection being dragged.
     *
     * @param states each node's state in the latest run, by id
     */
    void paintOver(GC gc, GraphGeometry geometry, Rectangle visible, double zoom, Dragging dragging,
            Map<String, List<Problem>> problems, Function<String, NodeState> states) {
        boolean detail = zoom >= DETAIL_ZOOM;
        gc.setAntialias(detail ? SWT.ON : SWT.OFF);
        gc.setTextAntialias(SWT.ON);
        List<GraphGeometry.NodeBox> shown = shown(geometry, visible);
        runs.paint(gc, shown, states, detail, zoom >= TITLE_ZOOM, gc.getFontMetrics().getHeight());
        gc.setAntialias(SWT.ON);
        for (GraphGeometry.NodeBox box : shown) {
            List<Problem> found = problems.getOrDefault(box.node().getId(), List.of());
            if (!found.isEmpty()) {
                paintBadge(gc, box.bounds(), found.stream().anyMatch(Problem::isError), detail);
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

    /**
     * The connections on screen, as curves in their type's colour: all those of one colour are one
     * path, stroked once, which is what keeps a large graph smooth to pan.
     */
    private void paintWires(GC gc, GraphGeometry geometry, Rectangle visible, Set<Connection> selected, int width) {
        Map<RGB, Path> byColour = new LinkedHashMap<>();
        Path highlighted = null;
        for (GraphGeometry.Wire wire : geometry.wires()) {
            if (!visible.intersects(wire.bounds())) {
                continue;
            }
            Path path;
            if (selected.contains(wire.connection())) {
                highlighted = highlighted == null ? new Path(display) : highlighted;
                path = highlighted;
            } else {
                path = byColour.computeIfAbsent(PortColors.of(wire.from().port().type()), c -> new Path(display));
            }
            Point from = wire.from().center();
            Point to = wire.to().center();
            int pull = Curves.pull(from, to);
            path.moveTo(from.x, from.y);
            path.cubicTo(from.x + pull, from.y, to.x - pull, to.y, to.x, to.y);
        }
        gc.setLineWidth(width);
        byColour.forEach((rgb, path) -> {
            gc.setForeground(color(rgb));
            gc.drawPath(path);
            path.dispose();
        });
        if (highlighted != null) {
            gc.setForeground(color(SELECTED));
            gc.setLineWidth(2 * width);
            gc.drawPath(highlighted);
            highlighted.dispose();
        }
    }

    /** Groups' frames, under everything else: a tinted area with the title in a bar along its top. */
    private void paintFrames(GC gc, GraphGeometry geometry, Rectangle visible, boolean titles) {
        for (GraphGeometry.Frame frame : geometry.frames()) {
            Rectangle b = frame.bounds();
            if (!visible.intersects(b)) {
                continue;
            }
            gc.setBackground(color(FRAME));
            gc.fillRoundRectangle(b.x, b.y, b.width, b.height, 14, 14);
            gc.setBackground(color(FRAME_TITLE));
            gc.fillRoundRectangle(b.x, b.y, b.width, frame.header(), 14, 14);
            gc.fillRectangle(b.x, b.y + frame.header() - 7, b.width, 7);
            gc.setForeground(color(FRAME_BORDER));
            gc.setLineWidth(1);
            gc.drawRoundRectangle(b.x, b.y, b.width, b.height, 14, 14);
            if (titles) {
                Font regular = gc.getFont();
                gc.setFont(bold);
                gc.setForeground(color(TEXT));
                int line = gc.getFontMetrics().getHeight();
                gc.drawText(frame.group().title(), b.x + 10, b.y + (frame.header() - line) / 2, true);
                gc.setFont(regular);
            }
        }
    }

    /** A round mark on the node's top right corner: red for an error, amber for a warning. */
    private void paintBadge(GC gc, Rectangle node, boolean error, boolean detail) {
        int r = 8;
        int x = node.x + node.width - r;
        int y = node.y - r;
        gc.setBackground(color(error ? ERROR : WARNING));
        gc.fillOval(x - r, y, 2 * r, 2 * r);
        if (!detail) {
            return;
        }
        gc.setForeground(color(NODE));
        Point size = gc.textExtent("!");
        gc.drawText("!", x - size.x / 2, y + r - size.y / 2, true);
    }

    /**
     * The legend in the lower left corner, in the workbench's own font (no transform): a dot in
     * each colour the workflow's ports have, and the kind of value it stands for; a ring is a list.
     */
    void paintLegend(GC gc, Rectangle area, List<DataType> types, Font font) {
        if (types.isEmpty()) {
            return;
        }
        gc.setFont(font);
        int line = gc.getFontMetrics().getHeight();
        int width = 0;
        for (DataType type : types) {
            width = Math.max(width, gc.textExtent(type.displayName()).x);
        }
        String list = "ring: a list";
        width = Math.max(width, gc.textExtent(list).x) + line + 16;
        int height = (types.size() + 1) * line + 10;
        int x = 12;
        int y = area.height - height - 12;
        gc.setAntialias(SWT.ON);
        gc.setBackground(color(NODE));
        gc.fillRoundRectangle(x, y, width, height, 8, 8);
        gc.setForeground(color(BORDER));
        gc.setLineWidth(1);
        gc.drawRoundRectangle(x, y, width, height, 8, 8);
        int r = Math.max(4, line / 4);
        for (int i = 0; i <= types.size(); i++) {
            int cy = y + 5 + i * line + line / 2;
            boolean ring = i == types.size();
            RGB rgb = ring ? MUTED : PortColors.of(types.get(i));
            gc.setBackground(color(rgb));
            gc.fillOval(x + 8, cy - r, 2 * r, 2 * r);
            if (ring) {
                gc.setBackground(color(NODE));
                gc.fillOval(x + 10, cy - r + 2, 2 * r - 4, 2 * r - 4);
            }
            gc.setForeground(color(ring ? MUTED : TEXT));
            gc.drawText(ring ? list : types.get(i).displayName(), x + 8 + 2 * r + 6, cy - line / 2, true);
        }
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

    /**
     * Dots every 20 units, or every 40, 80... when zoomed out so far that they would crowd: each row
     * of dots is one dashed line, so that a screenful of them is a few dozen drawing calls.
     */
    private void paintGrid(GC gc, Rectangle visible, double zoom) {
        int step = GRID_STEP;
        while (step * zoom < 12) {
            step *= 2;
        }
        int startX = Math.floorDiv(visible.x, step) * step;
        int startY = Math.floorDiv(visible.y, step) * step;
        int dot = Math.max(1, (int) Math.round(1 / zoom));
        gc.setForeground(color(GRID));
        gc.setLineWidth(dot);
        gc.setLineDash(new int[] { dot, step - dot });
        for (int y = startY; y <= visible.y + visible.height; y += step) {
            gc.drawLine(startX - dot / 2, y, visible.x + visible.width + step, y);
        }
        gc.setLineStyle(SWT.LINE_SOLID);
    }

    private void paintNode(GC gc, GraphGeometry.NodeBox box, boolean selected,
            Function<GraphGeometry.PortAt, PortMatch> matches, double zoom) {
        Rectangle b = box.bounds();
        gc.setBackground(color(SHADOW));
        gc.fillRoundRectangle(b.x + 2, b.y + 3, b.width, b.height, 12, 12);
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
        gc.drawText(box.title(), box.titleX(), b.y + (box.header() - lineHeight) / 2, true);
        gc.setFont(regular);
        Rectangle icon = box.icon();
        icons.paintCached(gc, box.ports().type().orElse(null), icon.x, icon.y, icon.width, zoom);
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

    /**
     * Nodes zoomed out too far for their text to be read: boxes, title bars and ports in the
     * colours they have up close, without text. Each kind of shape is one path, filled or stroked
     * once for all the nodes: a thousand nodes cost a dozen drawing calls.
     */
    private void paintOutlines(GC gc, List<GraphGeometry.NodeBox> boxes, Set<Node> selected,
            Function<GraphGeometry.PortAt, PortMatch> matches) {
        Path bodies = new Path(display);
        Path headers = new Path(display);
        Path placeholders = new Path(display);
        Path borders = new Path(display);
        Path highlighted = new Path(display);
        Map<RGB, Path> ports = new LinkedHashMap<>();
        Path refused = new Path(display);
        try {
            for (GraphGeometry.NodeBox box : boxes) {
                Rectangle b = box.bounds();
                bodies.addRectangle(b.x, b.y, b.width, b.height);
                (box.ports().placeholder() ? placeholders : headers).addRectangle(b.x, b.y, b.width, box.header());
                (selected.contains(box.node()) ? highlighted : borders).addRectangle(b.x, b.y, b.width, b.height);
                for (List<GraphGeometry.PortAt> side : List.of(box.inputs(), box.outputs())) {
                    for (GraphGeometry.PortAt port : side) {
                        boolean dimmed = matches != null && port.input() && matches.apply(port) == PortMatch.REFUSED;
                        Path path = dimmed ? refused : ports.computeIfAbsent(PortColors.of(port.port().type()),
                                c -> new Path(display));
                        int r = GraphGeometry.PORT_RADIUS;
                        path.addRectangle(port.center().x - r, port.center().y - r, 2 * r, 2 * r);
                    }
                }
            }
            gc.setBackground(color(NODE));
            gc.fillPath(bodies);
            gc.setBackground(color(HEADER));
            gc.fillPath(headers);
            gc.setBackground(color(PLACEHOLDER));
            gc.fillPath(placeholders);
            gc.setLineWidth(1);
            gc.setForeground(color(BORDER));
            gc.drawPath(borders);
            gc.setLineWidth(4);
            gc.setForeground(color(SELECTED));
            gc.drawPath(highlighted);
            ports.forEach((rgb, path) -> {
                gc.setBackground(color(rgb));
                gc.fillPath(path);
            });
            gc.setBackground(color(BORDER));
            gc.fillPath(refused);
        } finally {
            for (Path path : List.of(bodies, headers, placeholders, borders, highlighted, refused)) {
                path.dispose();
            }
            ports.values().forEach(Path::dispose);
        }
    }

    /** A filled circle in the type's colour (a ring for a list); dimmed when it cannot take what is dragged. */
    private void paintPort(GC gc, GraphGeometry.PortAt port, PortMatch match) {
        // filled discs only: a stroked circle costs several times a filled one
        int r = GraphGeometry.PORT_RADIUS + 1 + (match != null && match.connects() ? 2 : 0);
        Point c = port.center();
        boolean dimmed = match == PortMatch.REFUSED;
        if (dimmed) {
            gc.setAlpha(60);
        }
        gc.setBackground(color(PortColors.of(port.port().type())));
        gc.fillOval(c.x - r, c.y - r, 2 * r, 2 * r);
        if (port.port().type().isList()) {
            gc.setBackground(color(NODE));
            gc.fillOval(c.x - r + 2, c.y - r + 2, 2 * r - 4, 2 * r - 4);
        }
        if (dimmed) {
            gc.setAlpha(255);
        }
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
        return colours.computeIfAbsent(rgb, c -> new Color(display, c)); // SWT 3.116+: colours need no disposing
    }
}
