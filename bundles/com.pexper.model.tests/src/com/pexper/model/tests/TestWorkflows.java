package com.pexper.model.tests;

import com.pexper.model.Connection;
import com.pexper.model.Node;
import com.pexper.model.Workflow;
import com.pexper.model.WorkflowFactory;
import com.pexper.model.build.WorkflowBuilder;

/** Builds small workflows for tests. */
final class TestWorkflows {

    static final WorkflowFactory F = WorkflowFactory.eINSTANCE;

    private TestWorkflows() {
    }

    static Workflow workflow(String name) {
        Workflow w = F.createWorkflow();
        w.setName(name);
        return w;
    }

    static Node node(Workflow w, String id, String type) {
        Node node = WorkflowBuilder.newNode(id, type);
        w.getNodes().add(node);
        return node;
    }

    static Connection connect(Workflow w, String from, String to) {
        Connection c = WorkflowBuilder.newConnection(from, to);
        w.getConnections().add(c);
        return c;
    }

    static void text(Node node, String name, String value) {
        node.getParameters().add(WorkflowBuilder.parameter(name, value));
    }

    /** A chain of n nodes, each feeding the next: big enough that saving it takes a while. */
    static Workflow chain(String name, int n) {
        Workflow w = workflow(name);
        for (int i = 0; i < n; i++) {
            Node node = node(w, "n" + i, "com.example.step");
            text(node, "note", name + " step " + i);
            if (i > 0) {
                connect(w, "n" + (i - 1) + ".out", "n" + i + ".in");
            }
        }
        return w;
    }
}
