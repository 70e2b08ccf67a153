package com.pexper.edit;

import com.pexper.model.Node;
import com.pexper.model.ParameterValue;

/** Gives a node's parameter a new value (null: its default), in the place the old value had. */
final class SetParameter extends Edit {

    private final Node node;
    private final String name;
    private final ParameterValue value;
    private ParameterValue previous;
    private int index = -1;

    SetParameter(Node node, String name, ParameterValue value) {
        super("Set " + name);
        this.node = node;
        this.name = name;
        this.value = value;
    }

    @Override
    public void execute() {
        previous = node.getParameter(name);
        index = previous == null ? node.getParameters().size() : node.getParameters().indexOf(previous);
        swap(previous, value);
    }

    @Override
    public void undo() {
        swap(value, previous);
    }

    private void swap(ParameterValue out, ParameterValue in) {
        if (out != null) {
            node.getParameters().remove(out);
        }
        if (in != null) {
            node.getParameters().add(Math.min(index, node.getParameters().size()), in);
        }
    }
}
