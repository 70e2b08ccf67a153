package com.pexper.edit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.eclipse.emf.common.util.EList;

import com.pexper.model.Connection;
import com.pexper.model.Node;
import com.pexper.model.Workflow;

/**
 * Deletes nodes with every connection they have, and other connections; undo puts each back at
 * its place, so that the file saved after an undo is the one before the delete, byte for byte.
 */
final class Delete extends Edit {

    private record Placed<T>(int index, T element) {
    }

    private final Workflow workflow;
    private final List<Placed<Node>> nodes = new ArrayList<>();
    private final List<Placed<Connection>> connections = new ArrayList<>();

    Delete(Workflow workflow, List<Node> nodes, List<Connection> connections) {
        super(label(nodes.size(), connections.size()));
        this.workflow = workflow;
        for (Node node : nodes) {
            this.nodes.add(new Placed<>(workflow.getNodes().indexOf(node), node));
        }
        List<String> ids = nodes.stream().map(Node::getId).toList();
        for (Connection connection : workflow.getConnections()) {
            if (connections.contains(connection) || ids.contains(connection.getSourceNode())
                    || ids.contains(connection.getTargetNode())) {
                this.connections.add(new Placed<>(workflow.getConnections().indexOf(connection), connection));
            }
        }
        this.nodes.sort(Comparator.comparingInt(Placed::index));
        this.connections.sort(Comparator.comparingInt(Placed::index));
    }

    private static String label(int nodes, int connections) {
        if (nodes == 0) {
            return connections == 1 ? "Delete Connection" : "Delete " + connections + " Connections";
        }
        return nodes == 1 ? "Delete Node" : "Delete " + nodes + " Nodes";
    }

    @Override
    public boolean canExecute() {
        return !nodes.isEmpty() || !connections.isEmpty();
    }

    @Override
    public void execute() {
        workflow.getConnections().removeAll(connections.stream().map(Placed::element).toList());
        workflow.getNodes().removeAll(nodes.stream().map(Placed::element).toList());
    }

    @Override
    public void undo() {
        reinsert(workflow.getNodes(), nodes);
        reinsert(workflow.getConnections(), connections);
    }

    /** In ascending order of their old places, each lands where it was. */
    private static <T> void reinsert(EList<T> list, List<Placed<T>> placed) {
        for (Placed<T> p : placed) {
            list.add(Math.min(p.index(), list.size()), p.element());
        }
    }
}
