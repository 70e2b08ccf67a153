package com.pexper.ui.internal;

import java.util.ArrayList;
import java.util.List;

import com.pexper.core.node.NodeSignature;
import com.pexper.core.node.NodeType;
import com.pexper.core.node.NodeTypeUnavailableException;
import com.pexper.core.node.ParameterSpec;
import com.pexper.core.node.PortSpec;

/** What a node type's tooltip says: what it does, what it takes and gives, and its parameters. */
final class NodeTypeTooltip {

    private NodeTypeTooltip() {
    }

    static String of(NodeType type) {
        List<String> lines = new ArrayList<>();
        if (!type.description().isEmpty()) {
            lines.add(type.description());
        }
        try {
            NodeSignature signature = type.signature();
            if (!signature.inputs().isEmpty()) {
                lines.add("Takes: " + ports(signature.inputs()));
            } else if (signature.dynamicInputs() != null) {
                lines.add("Takes: " + signature.dynamicInputs());
            }
            if (!signature.outputs().isEmpty()) {
                lines.add("Gives: " + ports(signature.outputs()));
            }
            List<String> parameters = new ArrayList<>();
            for (ParameterSpec parameter : signature.parameters()) {
                parameters.add(parameter.label() + (parameter.required() ? " (required)" : ""));
            }
            if (!parameters.isEmpty()) {
                lines.add("Settings: " + String.join(", ", parameters));
            }
        } catch (NodeTypeUnavailableException e) {
            lines.add("Unavailable: " + e.getMessage());
        }
        lines.add(type.id() + " " + type.version() + (type.contributor() == null ? "" : " from " + type.contributor()));
        return String.join("\n", lines);
    }

    private static String ports(List<PortSpec> ports) {
        return String.join(", ", ports.stream().map(p -> p.name() + " (" + p.type().displayName() + ")").toList());
    }
}
