package com.pexper.edit;

import com.pexper.model.Node;
import com.pexper.model.Workflow;

/** Adds a node at the end of the workflow's nodes. */
final class AddNode extends Edit {

    private final Workflow workflow;
    private final Node node;

    AddNode(Workflow workflow, Node node, String label) {
        super("Add " + label);
        this.workflow = workflow;
        this.node = node;
    }

    @Override
    public void execute() {
        workflow.getNodes().add(node);
    }

    @Override
    public void undo() {
        workflow.getNodes().remove(node);
    }
}
