package com.pexper.model.build;

import java.nio.file.Path;

import com.pexper.model.Connection;
import com.pexper.model.Node;
import com.pexper.model.ParameterValue;
import com.pexper.model.Workflow;
import com.pexper.model.WorkflowFactory;

/**
 * Builds workflows in code, a line per node or connection: for tests, benchmarks and programs that
 * embed Pexper.
 *
 * <pre>
 * Workflow w = WorkflowBuilder.named("Hello")
 *         .node("name", "com.pexper.nodes.basic.text", "text", "World")
 *         .node("greet", "com.pexper.nodes.basic.template", "template", "Hello, {{name}}!")
 *         .connect("name.text", "greet.name")
 *         .build();
 * </pre>
 */
public final class WorkflowBuilder {

    private static final WorkflowFactory FACTORY = WorkflowFactory.eINSTANCE;

    private final Workflow workflow = FACTORY.createWorkflow();

    private WorkflowBuilder(String name) {
        workflow.setName(name);
    }

    public static WorkflowBuilder named(String name) {
        return new WorkflowBuilder(name);
    }

    /**
     * Adds a node with parameters given as name, value pairs. Values are typed by their Java class:
     * String is text, Integer and Long whole numbers, Double decimals, Boolean booleans and Path a
     * file path.
     */
    public WorkflowBuilder node(String id, String type, Object... parameters) {
        workflow.getNodes().add(newNode(id, type, parameters));
        return this;
    }

    /** Connects "node.port" to "node.port". */
    public WorkflowBuilder connect(String from, String to) {
        workflow.getConnections().add(newConnection(from, to));
        return this;
    }

    public Workflow build() {
        return workflow;
    }

    /** A node, not yet in any workflow; parameters as for {@link #node}. */
    public static Node newNode(String id, String type, Object... parameters) {
        if (parameters.length % 2 != 0) {
            throw new IllegalArgumentException("parameters come in name, value pairs");
        }
        Node node = FACTORY.createNode();
        node.setId(id);
        node.setType(type);
        for (int i = 0; i < parameters.length; i += 2) {
            node.getParameters().add(parameter((String) parameters[i], parameters[i + 1]));
        }
        return node;
    }

    /** A connection from "node.port" to "node.port", not yet in any workflow. */
    public static Connection newConnection(String from, String to) {
        Connection connection = FACTORY.createConnection();
        connection.setSourceNode(node(from));
        connection.setSourcePort(port(from));
        connection.setTargetNode(node(to));
        connection.setTargetPort(port(to));
        return connection;
    }

    private static String node(String endpoint) {
        return endpoint.substring(0, dot(endpoint));
    }

    private static String port(String endpoint) {
        return endpoint.substring(dot(endpoint) + 1);
    }

    private static int dot(String endpoint) {
        int dot = endpoint.indexOf('.');
        if (dot <= 0 || dot == endpoint.length() - 1) {
            throw new IllegalArgumentException("'" + endpoint + "' is not node.port");
        }
        return dot;
    }

    /** A parameter value typed by the Java class of the value (see {@link #node}). */
    public static ParameterValue parameter(String name, Object value) {
        ParameterValue parameter = switch (value) {
            case String s -> {
                var p = FACTORY.createStringParameter();
                p.setValue(s);
                yield p;
            }
            case Integer n -> {
                var p = FACTORY.createIntegerParameter();
                p.setValue(n);
                yield p;
            }
            case Long n -> {
                var p = FACTORY.createIntegerParameter();
                p.setValue(n);
                yield p;
            }
            case Double d -> {
                var p = FACTORY.createDecimalParameter();
                p.setValue(d);
                yield p;
            }
            case Boolean b -> {
                var p = FACTORY.createBooleanParameter();
                p.setValue(b);
                yield p;
            }
            case Path path -> {
                var p = FACTORY.createFilePathParameter();
                p.setValue(path.toString());
                yield p;
            }
            default -> throw new IllegalArgumentException("parameter '" + name + "': cannot tell the kind of "
                    + value.getClass().getSimpleName() + " " + value);
        };
        parameter.setName(name);
        return parameter;
    }
}
