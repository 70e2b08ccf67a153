package com.pexper.ui.editor.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;

import com.pexper.core.data.DataType;
import com.pexper.core.node.NodeType;
import com.pexper.core.node.PortSpec;
import com.pexper.edit.NodeGroup;
import com.pexper.edit.NodePorts;
import com.pexper.edit.WorkflowEditing;
import com.pexper.model.Connection;
import com.pexper.model.Node;

/**
 * Where each node, port and connection of a workflow is drawn, in the workflow's coordinates
 * (zoom 1), measured with the real font: a node is as wide as its title and port names need, so
 * that no label is clipped at any scale.
 */
final class GraphGeometry {

    static final int PORT_RADIUS = 5;
    private static final int PADDING = 10;
    private static final int MIN_WIDTH = 120;
    private static final int ICON_GAP = 6;
    /** How near (in the workflow's coordinates) a click must be to a port to take it. */
    private static final int PORT_HIT = PORT_RADIUS + 5;

    /** A port where it is drawn. */
    record PortAt(Node node, PortSpec port, boolean input, Point center) {
    }

    /** A node's box: its title bar, then one row per port, inputs on the left, outputs on the right. */
    record NodeBox(Node node, NodePorts ports, String title, String subtitle, Rectangle bounds, int header, int row,
            List<PortAt> inputs, List<PortAt> outputs) {

        /** Where the type's icon goes: a square as high as a line of text, at the left of the title bar. */
        Rectangle icon() {
            int size = iconSize(header);
            return new Rectangle(bounds.x + PADDING, bounds.y + (header - size) / 2, size, size);
        }

        /** Where the title starts, after the icon. */
        int titleX() {
            return bounds.x + PADDING + iconSize(header) + ICON_GAP;
        }
    }

    private static int iconSize(int header) {
        return header - 12;
    }

    /**
     * A connection where it is drawn: from an output's centre to an input's, and the rectangle its
     * curve stays within (to leave out what is off screen).
     */
    record Wire(Connection connection, PortAt from, PortAt to, Rectangle bounds) {
    }

    /** A group's frame: around its nodes' boxes, with its title in a bar along the top. */
    record Frame(NodeGroup group, Rectangle bounds, int header) {
        Rectangle titleBar() {
            return new Rectangle(bounds.x, bounds.y, bounds.width, header);
        }
    }

    /** How far a frame reaches beyond its nodes. */
    private static final int FRAME_PADDING = 14;

    private final List<Frame> frames = new ArrayList<>();
    /** Found when first asked for (every paint asks). */
    private List<DataType> valueTypes;
    private final Map<Node, NodeBox> boxes = new IdentityHashMap<>();
    private final Map<String, NodeBox> byId = new HashMap<>();
    private final List<NodeBox> order = new ArrayList<>();
    private final List<Wire> wires = new ArrayList<>();

    private GraphGeometry() {
    }

    /**
     * Measures every node with {@code gc}'s font, the title with the bold one.
     */
    static GraphGeometry measure(WorkflowEditing editing, GC gc, Font bold) {
        GraphGeometry geometry = new GraphGeometry();
        Font regular = gc.getFont();
        int line = gc.getFontMetrics().getHeight();
        int row = line + 8;
        int header = line + 12;
        for (Node node : editing.workflow().getNodes()) {
            NodePorts ports = editing.ports(node);
            String typeLabel = ports.type().map(NodeType::label).orElse(node.getType());
            String title = node.getLabel() != null ? node.getLabel() : typeLabel;
            String subtitle = ports.placeholder() ? "not installed: " + node.getType() : null;
            gc.setFont(bold);
            int width = iconSize(header) + ICON_GAP + gc.textExtent(title).x;
            gc.setFont(regular);
            if (subtitle != null) {
                width = Math.max(width, gc.textExtent(subtitle).x);
            }
            int rows = Math.max(ports.inputs().size(), ports.outputs().size());
            for (int i = 0; i < rows; i++) {
                int in = i < ports.inputs().size() ? gc.textExtent(ports.inputs().get(i).name()).x : 0;
                int out = i < ports.outputs().size() ? gc.textExtent(ports.outputs().get(i).name()).x : 0;
                width = Math.max(width, in + out + 3 * PADDING);
            }
            width = Math.max(MIN_WIDTH, width + 2 * PADDING);
            int top = header + (subtitle != null ? row : 0);
            int height = top + Math.max(1, rows) * row + PADDING / 2;
            Rectangle bounds = new Rectangle((int) Math.round(node.getX()), (int) Math.round(node.getY()), width, height);
            List<PortAt> inputs = new ArrayList<>();
            for (int i = 0; i < ports.inputs().size(); i++) {
                inputs.add(new PortAt(node, ports.inputs().get(i), true,
                        new Point(bounds.x, bounds.y + top + i * row + row / 2)));
            }
            List<PortAt> outputs = new ArrayList<>();
            for (int i = 0; i < ports.outputs().size(); i++) {
                outputs.add(new PortAt(node, ports.outputs().get(i), false,
                        new Point(bounds.x + width, bounds.y + top + i * row + row / 2)));
            }
            geometry.add(new NodeBox(node, ports, title, subtitle, bounds, header, row, inputs, outputs));
        }
        geometry.connect(editing.workflow().getConnections());
        geometry.frame(editing.groups(), header);
        return geometry;
    }

    /**
     * This geometry with {@code moved} drawn {@code offset} away: what a drag shows on every frame,
     * without measuring any text again.
     */
    GraphGeometry translated(Set<Node> moved, Point offset, List<Connection> connections) {
        GraphGeometry geometry = new GraphGeometry();
        for (NodeBox box : order) {
            if (!moved.contains(box.node())) {
                geometry.add(box);
                continue;
            }
            Rectangle b = box.bounds();
            geometry.add(new NodeBox(box.node(), box.ports(), box.title(), box.subtitle(), new Rectangle(b.x + offset.x,
                    b.y + offset.y, b.width, b.height), box.header(), box.row(), shifted(box.inputs(), offset),
                    shifted(box.outputs(), offset)));
        }
        geometry.connect(connections);
        geometry.frame(frames.stream().map(Frame::group).toList(), frames.isEmpty() ? 0 : frames.get(0).header());
        return geometry;
    }

    /** Puts a frame around each group's nodes that are there; a group with none left is not drawn. */
    private void frame(List<NodeGroup> groups, int header) {
        for (NodeGroup group : groups) {
            Rectangle around = null;
            for (String id : group.nodeIds()) {
                NodeBox box = byId.get(id);
                if (box != null) {
                    around = around == null ? new Rectangle(box.bounds().x, box.bounds().y, box.bounds().width,
                            box.bounds().height) : around.union(box.bounds());
                }
            }
            if (around != null) {
                frames.add(new Frame(group, new Rectangle(around.x - FRAME_PADDING, around.y - FRAME_PADDING - header,
                        around.width + 2 * FRAME_PADDING, around.height + 2 * FRAME_PADDING + header), header));
            }
        }
    }

    List<Frame> frames() {
        return frames;
    }

    /** The kinds of value the workflow's ports carry (a list as its element), in a stable order: what the legend lists. */
    List<DataType> valueTypes() {
        if (valueTypes != null) {
            return valueTypes;
        }
        Map<String, DataType> types = new TreeMap<>();
        for (NodeBox box : order) {
            for (List<PortAt> side : List.of(box.inputs(), box.outputs())) {
                for (PortAt port : side) {
                    DataType type = port.port().type().isList() ? port.port().type().element() : port.port().type();
                    types.putIfAbsent(type.displayName(), type);
                }
            }
        }
        valueTypes = List.copyOf(types.values());
        return valueTypes;
    }

    /** The frame whose title bar is under the point, the last drawn first. */
    Optional<Frame> frameTitleAt(Point p) {
        for (int i = frames.size() - 1; i >= 0; i--) {
            if (frames.get(i).titleBar().contains(p)) {
                return Optional.of(frames.get(i));
            }
        }
        return Optional.empty();
    }

    private static List<PortAt> shifted(List<PortAt> ports, Point offset) {
        return ports.stream().map(p -> new PortAt(p.node(), p.port(), p.input(), new Point(p.center().x + offset.x,
                p.center().y + offset.y))).toList();
    }

    private void add(NodeBox box) {
        boxes.put(box.node(), box);
        byId.put(box.node().getId(), box);
        order.add(box);
    }

    /** Finds where each connection runs; one whose node or port is not there is not drawn. */
    private void connect(List<Connection> connections) {
        for (Connection connection : connections) {
            NodeBox source = byId.get(connection.getSourceNode());
            NodeBox target = byId.get(connection.getTargetNode());
            Optional<PortAt> from = source == null ? Optional.empty() : output(source.node(), connection.getSourcePort());
            Optional<PortAt> to = target == null ? Optional.empty() : input(target.node(), connection.getTargetPort());
            if (from.isPresent() && to.isPresent()) {
                Point a = from.get().center();
                Point b = to.get().center();
                int pull = Curves.pull(a, b);
                int left = Math.min(a.x, b.x - pull);
                int right = Math.max(a.x + pull, b.x);
                Rectangle bounds = new Rectangle(left - 2, Math.min(a.y, b.y) - 2, right - left + 4,
                        Math.abs(a.y - b.y) + 4);
                wires.add(new Wire(connection, from.get(), to.get(), bounds));
            }
        }
    }

    /** Every connection that can be drawn, in the workflow's order. */
    List<Wire> wires() {
        return wires;
    }

    /** The node with this id, as measured. */
    Optional<Node> node(String id) {
        NodeBox box = byId.get(id);
        return box == null ? Optional.empty() : Optional.of(box.node());
    }

    List<NodeBox> boxes() {
        return order;
    }

    NodeBox box(Node node) {
        return boxes.get(node);
    }

    /** The topmost node under the point (drawn last, so hit first). */
    Optional<Node> nodeAt(Point p) {
        for (int i = order.size() - 1; i >= 0; i--) {
            if (order.get(i).bounds().contains(p)) {
                return Optional.of(order.get(i).node());
            }
        }
        return Optional.empty();
    }

    /** The port nearest the point, if one is within reach. */
    Optional<PortAt> portAt(Point p) {
        PortAt best = null;
        int bestDistance = PORT_HIT * PORT_HIT + 1;
        for (NodeBox box : order) {
            for (List<PortAt> side : List.of(box.inputs(), box.outputs())) {
                for (PortAt port : side) {
                    int dx = port.center().x - p.x;
                    int dy = port.center().y - p.y;
                    if (dx * dx + dy * dy < bestDistance) {
                        bestDistance = dx * dx + dy * dy;
                        best = port;
                    }
                }
            }
        }
        return Optional.ofNullable(best);
    }

    Optional<PortAt> output(Node node, String name) {
        NodeBox box = boxes.get(node);
        return box == null ? Optional.empty()
                : box.outputs().stream().filter(p -> p.port().name().equals(name)).findFirst();
    }

    Optional<PortAt> input(Node node, String name) {
        NodeBox box = boxes.get(node);
        return box == null ? Optional.empty()
                : box.inputs().stream().filter(p -> p.port().name().equals(name)).findFirst();
    }

    /** The connection {@code among} accepts whose curve passes within a few pixels of the point. */
    Optional<Connection> connectionAt(Point p, Predicate<Connection> among) {
        for (Wire wire : wires) {
            if (wire.bounds().contains(p) && among.test(wire.connection())
                    && Curves.near(wire.from().center(), wire.to().center(), p, 5)) {
                return Optional.of(wire.connection());
            }
        }
        return Optional.empty();
    }

    /** Everything drawn, for "fit to window". */
    Rectangle extent() {
        Rectangle all = null;
        for (NodeBox box : order) {
            all = all == null ? new Rectangle(box.bounds().x, box.bounds().y, box.bounds().width, box.bounds().height)
                    : all.union(box.bounds());
        }
        for (Frame frame : frames) {
            all = all == null ? frame.bounds() : all.union(frame.bounds());
        }
        return all == null ? new Rectangle(0, 0, 0, 0) : all;
    }
}
