package com.pexper.cli.internal;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.core.JsonGenerator;
import com.pexper.commands.Command;
import com.pexper.commands.CommandContext;
import com.pexper.commands.ExitCode;
import com.pexper.commands.Options;
import com.pexper.commands.UsageException;
import com.pexper.core.node.NodeSignature;
import com.pexper.core.node.NodeType;
import com.pexper.core.node.NodeTypeRegistry;
import com.pexper.core.node.NodeTypeUnavailableException;
import com.pexper.core.node.ParameterSpec;
import com.pexper.core.node.PortSpec;

/** {@code pexper nodes}: the installed node types by category, with their ports and parameters. */
final class NodesCommand implements Command {

    private final NodeTypeRegistry registry;

    NodesCommand(NodeTypeRegistry registry) {
        this.registry = registry;
    }

    @Override
    public String name() {
        return "nodes";
    }

    @Override
    public String help() {
        return """
                nodes              list the installed node types with their ports and parameters [--json]
                """;
    }

    @Override
    public int run(List<String> arguments, CommandContext context) throws UsageException {
        Options options = Options.parse(name(), arguments, Set.of("json"), Set.of());
        if (!options.positional().isEmpty()) {
            throw new UsageException("'nodes' takes no arguments");
        }
        registry.problems().forEach(p -> context.err().println("warning: " + p));
        if (options.flag("json")) {
            context.printJson(json -> {
                json.writeStartArray();
                for (NodeType type : registry.all()) {
                    writeNodeType(type, json);
                }
                json.writeEndArray();
            });
            return ExitCode.OK;
        }
        String category = null;
        for (NodeType type : registry.all()) {
            if (!type.category().equals(category)) {
                category = type.category();
                context.out().println((category == null ? "" : "\n") + category);
            }
            context.out().println("  " + type.label() + "  " + type.id() + " " + type.version()
                    + (type.contributor() == null ? "" : "  [" + type.contributor() + "]"));
            if (!type.description().isEmpty()) {
                context.out().println("    " + type.description());
            }
            NodeSignature signature;
            try {
                signature = type.signature();
            } catch (NodeTypeUnavailableException e) {
                context.out().println("    unavailable: " + e.getMessage());
                continue;
            }
            if (!signature.inputs().isEmpty() || signature.dynamicInputs() != null) {
                context.out().println("    inputs:  " + ports(signature.inputs())
                        + (signature.dynamicInputs() == null ? "" : (signature.inputs().isEmpty() ? "" : "; ")
                                + signature.dynamicInputs()));
            }
            if (!signature.outputs().isEmpty()) {
                context.out().println("    outputs: " + String.join(", ", signature.outputs().stream()
                        .map(p -> p.name() + " (" + p.type().displayName() + ")").toList()));
            }
            for (ParameterSpec parameter : signature.parameters()) {
                context.out().println("    " + parameter.name() + " (" + parameter.type().description() + describe(parameter)
                        + ")" + (parameter.help().isEmpty() ? "" : "  " + parameter.help()));
            }
            if (!signature.deterministic()) {
                context.out().println("    results are not cached: it can give different results for the same inputs");
            }
        }
        return ExitCode.OK;
    }

    private static String ports(List<PortSpec> ports) {
        return String.join(", ", ports.stream().map(p -> p.name() + " (" + p.type().displayName()
                + (p.required() ? "" : ", optional") + ")").toList());
    }

    private static String describe(ParameterSpec parameter) {
        StringBuilder text = new StringBuilder();
        if (parameter.required()) {
            text.append(", required");
        }
        if (parameter.defaultValue() != null) {
            Object value = parameter.defaultValue();
            text.append(", default ").append(value instanceof String s ? "\"" + s.replace("\n", "\\n") + "\"" : value);
        }
        if (parameter.min() != null || parameter.max() != null) {
            text.append(", ").append(parameter.min() == null ? "" : "min " + number(parameter.min()))
                    .append(parameter.min() != null && parameter.max() != null ? " " : "")
                    .append(parameter.max() == null ? "" : "max " + number(parameter.max()));
        }
        if (!parameter.choices().isEmpty()) {
            text.append(": ").append(String.join(" | ", parameter.choices()));
        }
        return text.toString();
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private static void writeNodeType(NodeType type, JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", type.id());
        json.writeStringField("version", type.version());
        json.writeStringField("label", type.label());
        json.writeStringField("category", type.category());
        json.writeStringField("description", type.description());
        json.writeStringField("contributor", type.contributor());
        json.writeBooleanField("available", type.isAvailable());
        if (!type.isAvailable()) {
            json.writeStringField("problem", type.problem());
            json.writeEndObject();
            return;
        }
        NodeSignature signature;
        try {
            signature = type.signature();
        } catch (NodeTypeUnavailableException e) {
            throw new IllegalStateException(e);
        }
        json.writeBooleanField("deterministic", signature.deterministic());
        if (signature.dynamicInputs() != null) {
            json.writeStringField("dynamicInputs", signature.dynamicInputs());
        }
        writePorts("inputs", signature.inputs(), json);
        writePorts("outputs", signature.outputs(), json);
        json.writeArrayFieldStart("parameters");
        for (ParameterSpec parameter : signature.parameters()) {
            json.writeStartObject();
            json.writeStringField("name", parameter.name());
            json.writeStringField("type", parameter.type().name().toLowerCase(Locale.ROOT));
            json.writeStringField("label", parameter.label());
            json.writeBooleanField("required", parameter.required());
            json.writeFieldName("default");
            json.writeObject(parameter.defaultValue());
            if (parameter.min() != null) {
                json.writeNumberField("min", parameter.min());
            }
            if (parameter.max() != null) {
                json.writeNumberField("max", parameter.max());
            }
            if (!parameter.choices().isEmpty()) {
                json.writeArrayFieldStart("choices");
                for (String choice : parameter.choices()) {
                    json.writeString(choice);
                }
                json.writeEndArray();
            }
            json.writeStringField("help", parameter.help());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void writePorts(String field, List<PortSpec> ports, JsonGenerator json) throws IOException {
        json.writeArrayFieldStart(field);
        for (PortSpec port : ports) {
            json.writeStartObject();
            json.writeStringField("name", port.name());
            json.writeStringField("type", port.type().id());
            json.writeBooleanField("required", port.required());
            json.writeStringField("description", port.description());
            json.writeEndObject();
        }
        json.writeEndArray();
    }
}
