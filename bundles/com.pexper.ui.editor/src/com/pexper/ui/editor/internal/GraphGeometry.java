package com.pexper.ui.editor.internal;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;

import com.pexper.core.node.NodeType;
import com.pexper.core.node.PortSpec;
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
    /** How near (in the workflow's coordinates) a click must be to a port to take it. */
    private static final int PORT_HIT = PORT_RADIUS + 5;

    /** A port where it is drawn. */
    record PortAt(Node node, PortSpec port, boolean input, Point center) {
    }

    /** A node's box: its title bar, then one row per port, inputs on the left, outputs on the right. */
    record NodeBox(Node node, NodePorts ports, String title, String subtitle, Rectangle bounds, int header, int row,
            List<PortAt> inputs, List<PortAt> outputs) {
    }

    private final Map<Node, NodeBox> boxes = new IdentityHashMap<>();
    private final List<NodeBox> order = new ArrayList<>();

    private GraphGeometry() {
    }

    /**
     * Measures every node with {@code gc}'s font, the title with the bold one; {@code moved} (nodes
     * being dragged) are drawn {@code offset} away from where they are.
     */
    static GraphGeometry measure(WorkflowEditing editing, GC gc, Font bold,
            Set<Node> moved, Point offset) {
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
            int width = gc.textExtent(title).x;
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
            int dx = moved.contains(node) ? offset.x : 0;
            int dy = moved.contains(node) ? offset.y : 0;
            Rectangle bounds = new Rectangle((int) Math.round(node.getX()) + dx, (int) Math.round(node.getY()) + dy,
                    width, height);
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
            NodeBox box = new NodeBox(node, ports, title, subtitle, bounds, header, row, inputs, outputs);
            geometry.boxes.put(node, box);
            geometry.order.add(box);
        }
        return geometry;
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

    /** The connection whose curve passes within a few pixels of the point. */
    Optional<Connection> connectionAt(Point p, List<Connection> connections, Function<String, Optional<Node>> nodes) {
        for (Connection connection : connections) {
            Optional<PortAt> from = nodes.apply(connection.getSourceNode()).flatMap(n -> output(n,
                    connection.getSourcePort()));
            Optional<PortAt> to = nodes.apply(connection.getTargetNode()).flatMap(n -> input(n,
                    connection.getTargetPort()));
            if (from.isPresent() && to.isPresent() && Curves.near(from.get().center(), to.get().center(), p, 5)) {
                return Optional.of(connection);
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
        return all == null ? new Rectangle(0, 0, 0, 0) : all;
    }
}
