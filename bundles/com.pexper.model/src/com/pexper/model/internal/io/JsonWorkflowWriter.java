package com.pexper.model.internal.io;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.pexper.model.BooleanParameter;
import com.pexper.model.ChoiceParameter;
import com.pexper.model.ColorParameter;
import com.pexper.model.Connection;
import com.pexper.model.CredentialReference;
import com.pexper.model.DecimalParameter;
import com.pexper.model.FilePathParameter;
import com.pexper.model.IntegerParameter;
import com.pexper.model.Node;
import com.pexper.model.ParameterValue;
import com.pexper.model.StringParameter;
import com.pexper.model.Workflow;

/**
 * Writes the current .pexper format: fixed key order, two-space indentation, one connection per
 * line, parameters and metadata sorted by name, so that a change to a workflow is a small diff.
 * Hand-rolled rather than a generic pretty printer because the layout is part of the format.
 */
public final class JsonWorkflowWriter {

    private final StringBuilder out = new StringBuilder(4096);

    public static byte[] write(Workflow workflow) {
        return new JsonWorkflowWriter().document(workflow).out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private JsonWorkflowWriter document(Workflow workflow) {
        out.append("{\n");
        List<Runnable> fields = new ArrayList<>();
        fields.add(() -> key(1, "formatVersion").append(FormatMigrations.CURRENT));
        if (workflow.getName() != null) {
            fields.add(() -> string(key(1, "name"), workflow.getName()));
        }
        if (workflow.getDescription() != null) {
            fields.add(() -> string(key(1, "description"), workflow.getDescription()));
        }
        if (!workflow.getMetadata().isEmpty()) {
            fields.add(() -> metadata(workflow));
        }
        fields.add(() -> nodes(workflow.getNodes()));
        fields.add(() -> connections(workflow.getConnections()));
        separated(fields, ",\n");
        out.append("\n}\n");
        return this;
    }

    private void metadata(Workflow workflow) {
        key(1, "metadata").append("{\n");
        List<Map.Entry<String, String>> entries = new ArrayList<>(workflow.getMetadata().map().entrySet());
        entries.sort(Map.Entry.comparingByKey());
        List<Runnable> fields = new ArrayList<>();
        for (Map.Entry<String, String> entry : entries) {
            fields.add(() -> string(key(2, entry.getKey()), entry.getValue()));
        }
        separated(fields, ",\n");
        out.append('\n');
        indent(1).append('}');
    }

    private void nodes(List<Node> nodes) {
        key(1, "nodes");
        if (nodes.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append("[\n");
        List<Runnable> items = new ArrayList<>();
        for (Node node : nodes) {
            items.add(() -> node(node));
        }
        separated(items, ",\n");
        out.append('\n');
        indent(1).append(']');
    }

    private void node(Node node) {
        indent(2).append("{\n");
        List<Runnable> fields = new ArrayList<>();
        if (node.getId() != null) {
            fields.add(() -> string(key(3, "id"), node.getId()));
        }
        if (node.getType() != null) {
            fields.add(() -> string(key(3, "type"), node.getType()));
        }
        if (node.getTypeVersion() != null) {
            fields.add(() -> string(key(3, "version"), node.getTypeVersion()));
        }
        if (node.getLabel() != null) {
            fields.add(() -> string(key(3, "label"), node.getLabel()));
        }
        if (node.getX() != 0 || node.getY() != 0) {
            fields.add(() -> {
                key(3, "position").append('[');
                coordinate(node.getX());
                out.append(", ");
                coordinate(node.getY());
                out.append(']');
            });
        }
        if (!node.getParameters().isEmpty()) {
            fields.add(() -> parameters(node.getParameters()));
        }
        separated(fields, ",\n");
        out.append('\n');
        indent(2).append('}');
    }

    private void parameters(List<ParameterValue> parameters) {
        key(3, "parameters").append("{\n");
        List<ParameterValue> sorted = new ArrayList<>(parameters);
        sorted.sort(Comparator.comparing(ParameterValue::getName, Comparator.nullsFirst(Comparator.naturalOrder())));
        List<Runnable> fields = new ArrayList<>();
        for (ParameterValue parameter : sorted) {
            fields.add(() -> parameterValue(key(4, parameter.getName()), parameter));
        }
        separated(fields, ",\n");
        out.append('\n');
        indent(3).append('}');
    }

    private void parameterValue(StringBuilder at, ParameterValue parameter) {
        switch (parameter) {
            case StringParameter p -> string(at, p.getValue());
            case IntegerParameter p -> at.append(p.getValue());
            case DecimalParameter p -> at.append(decimal(p.getValue(), parameter.getName()));
            case BooleanParameter p -> at.append(p.isValue());
            case ChoiceParameter p -> tagged(at, "choice", p.getValue());
            case FilePathParameter p -> tagged(at, "file", p.getValue());
            case ColorParameter p -> tagged(at, "color", p.getValue());
            case CredentialReference p -> tagged(at, "credential", p.getCredentialName());
            default -> throw new IllegalArgumentException("unknown parameter kind " + parameter.eClass().getName());
        }
    }

    private void tagged(StringBuilder at, String tag, String value) {
        string(at.append('{'), tag).append(": ");
        string(out, value).append('}');
    }

    private void connections(List<Connection> connections) {
        key(1, "connections");
        if (connections.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append("[\n");
        List<Runnable> items = new ArrayList<>();
        for (Connection c : connections) {
            items.add(() -> {
                indent(2).append('{');
                string(out, "from").append(": ");
                string(out, c.getSourceNode() + "." + c.getSourcePort()).append(", ");
                string(out, "to").append(": ");
                string(out, c.getTargetNode() + "." + c.getTargetPort()).append('}');
            });
        }
        separated(items, ",\n");
        out.append('\n');
        indent(1).append(']');
    }

    private void coordinate(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            out.append((long) value);
        } else {
            out.append(decimal(value, "position"));
        }
    }

    private static String decimal(double value, String what) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(what + ": " + value + " cannot be saved; use a finite number");
        }
        return Double.toString(value); // always has '.' or 'E', so it reads back as a decimal
    }

    private void separated(List<Runnable> parts, String separator) {
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                out.append(separator);
            }
            parts.get(i).run();
        }
    }

    private StringBuilder key(int depth, String name) {
        indent(depth);
        return string(out, name).append(": ");
    }

    private StringBuilder indent(int depth) {
        for (int i = 0; i < depth; i++) {
            out.append("  ");
        }
        return out;
    }

    private static StringBuilder string(StringBuilder at, String value) {
        if (value == null) {
            return at.append("null");
        }
        at.append('"');
        JsonStringEncoder.getInstance().quoteAsString(value, at);
        return at.append('"');
    }
}
