package com.pexper.edit;

import java.util.IdentityHashMap;
import java.util.Map;

import com.pexper.model.Node;

/** Puts nodes at new places at once (an auto-arrange); undo puts each back where it was. */
final class PlaceNodes extends Edit {

    private final Map<Node, double[]> after;
    private final Map<Node, double[]> before = new IdentityHashMap<>();

    PlaceNodes(String label, Map<Node, double[]> places) {
        super(label);
        this.after = new IdentityHashMap<>(places);
        places.keySet().forEach(node -> before.put(node, new double[] { node.getX(), node.getY() }));
    }

    @Override
    public boolean canExecute() {
        return after.entrySet().stream().anyMatch(e -> e.getKey().getX() != e.getValue()[0]
                || e.getKey().getY() != e.getValue()[1]);
    }

    @Override
    public void execute() {
        place(after);
    }

    @Override
    public void undo() {
        place(before);
    }

    private static void place(Map<Node, double[]> places) {
        places.forEach((node, at) -> {
            node.setX(at[0]);
            node.setY(at[1]);
        });
    }
}
