package com.pexper.edit;

import java.util.List;

import com.pexper.model.Connection;
import com.pexper.model.Node;
import com.pexper.model.Workflow;

/** Adds nodes and connections at the end of the workflow's lists: a paste or a duplicate. */
final class AddAll extends Edit {

    private final Workflow workflow;
    private final List<Node> nodes;
    private final List<Connection> connections;

    AddAll(String label, Workflow workflow, List<Node> nodes, List<Connection> connections) {
        super(label);
        this.workflow = workflow;
        this.nodes = List.copyOf(nodes);
        this.connections = List.copyOf(connections);
    }

    @Override
    public boolean canExecute() {
        return !nodes.isEmpty();
    }

    @Override
    public void execute() {
        workflow.getNodes().addAll(nodes);
        workflow.getConnections().addAll(connections);
    }

    @Override
    public void undo() {
        workflow.getConnections().removeAll(connections);
        workflow.getNodes().removeAll(nodes);
    }
}
