package com.pexper.edit;

import com.pexper.model.Node;

/** Names a node as the user wants it shown (null: its type's name). */
final class SetLabel extends Edit {

    private final Node node;
    private final String label;
    private String previous;

    SetLabel(Node node, String label) {
        super("Rename " + node.getId());
        this.node = node;
        this.label = label;
    }

    @Override
    public void execute() {
        previous = node.getLabel();
        node.setLabel(label);
    }

    @Override
    public void undo() {
        node.setLabel(previous);
    }
}
