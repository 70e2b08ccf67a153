package com.pexper.core.tests;

import com.pexper.model.Node;
import com.pexper.model.Workflow;
import com.pexper.model.WorkflowFactory;

/** Builds workflows for tests in a line each. */
final class Flows {

    static final WorkflowFactory F = WorkflowFactory.eINSTANCE;
    private final Workflow workflow = F.createWorkflow();

    static Flows named(String name) {
        Flows flows = new Flows();
        flows.workflow.setName(name);
        return flows;
    }

    Flows node(String id, String type, Object... parameters) {
        Node node = F.createNode();
        node.setId(id);
        node.setType(type);
        for (int i = 0; i < parameters.length; i += 2) {
            String name = (String) parameters[i];
            Object value = parameters[i + 1];
            switch (value) {
                case String s -> {
                    var p = F.createStringParameter();
                    p.setValue(s);
                    p.setName(name);
                    node.getParameters().add(p);
                }
                case Integer n -> {
                    var p = F.createIntegerParameter();
                    p.setValue(n);
                    p.setName(name);
                    node.getParameters().add(p);
                }
                case Long n -> {
                    var p = F.createIntegerParameter();
                    p.setValue(n);
                    p.setName(name);
                    node.getParameters().add(p);
                }
                case Double d -> {
                    var p = F.createDecimalParameter();
                    p.setValue(d);
                    p.setName(name);
                    node.getParameters().add(p);
                }
                case Boolean b -> {
                    var p = F.createBooleanParameter();
                    p.setValue(b);
                    p.setName(name);
                    node.getParameters().add(p);
                }
                default -> throw new IllegalArgumentException(value.toString());
            }
        }
        workflow.getNodes().add(node);
        return this;
    }

    Flows connect(String from, String to) {
        var c = F.createConnection();
        c.setSourceNode(from.substring(0, from.indexOf('.')));
        c.setSourcePort(from.substring(from.indexOf('.') + 1));
        c.setTargetNode(to.substring(0, to.indexOf('.')));
        c.setTargetPort(to.substring(to.indexOf('.') + 1));
        workflow.getConnections().add(c);
        return this;
    }

    Workflow build() {
        return workflow;
    }
}
