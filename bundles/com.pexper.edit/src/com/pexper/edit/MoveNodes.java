package com.pexper.edit;

import java.util.List;

import com.pexper.model.Node;

/** Moves nodes by the same distance; undo puts each back where it was. */
final class MoveNodes extends Edit {

    private final List<Node> nodes;
    private final double dx;
    private final double dy;

    MoveNodes(List<Node> nodes, double dx, double dy) {
        super(nodes.size() == 1 ? "Move Node" : "Move " + nodes.size() + " Nodes");
        this.nodes = List.copyOf(nodes);
        this.dx = dx;
        this.dy = dy;
    }

    @Override
    public void execute() {
        shift(dx, dy);
    }

    @Override
    public void undo() {
        shift(-dx, -dy);
    }

    private void shift(double x, double y) {
        for (Node node : nodes) {
            node.setX(node.getX() + x);
            node.setY(node.getY() + y);
        }
    }
}
