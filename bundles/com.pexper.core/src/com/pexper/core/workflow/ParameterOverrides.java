package com.pexper.core.workflow;

import java.util.ArrayList;
import java.util.List;

import com.pexper.core.node.NodeSignature;
import com.pexper.core.node.NodeType;
import com.pexper.core.node.NodeTypeRegistry;
import com.pexper.core.node.NodeTypeUnavailableException;
import com.pexper.core.node.ParameterSpec;
import com.pexper.model.Node;
import com.pexper.model.ParameterValue;
import com.pexper.model.Workflow;

/** Applies NODE.PARAM=VALUE settings (the CLI's --set) to a workflow in memory, typed by the node's declaration. */
public final class ParameterOverrides {

    private ParameterOverrides() {
    }

    /**
     * Applies each setting; returns one message per setting that could not be applied (and applies
     * none of those), saying what is wrong.
     */
    public static List<String> apply(Workflow workflow, NodeTypeRegistry registry, List<String> settings) {
        List<String> problems = new ArrayList<>();
        int number = 0;
        for (String whole : settings) {
            number++;
            int eq = whole.indexOf('=');
            int dot = whole.indexOf('.');
            if (eq < 0 || dot < 0 || dot > eq) {
                // not echoed: what was typed may be a value that must not be shown, such as a pasted key
                problems.add("--set number " + number + ": write it as NODE.PARAMETER=VALUE");
                continue;
            }
            // Messages name the parameter, never the value: a value is not repeated on the terminal or in logs.
            String setting = whole.substring(0, eq);
            String nodeId = whole.substring(0, dot);
            String name = whole.substring(dot + 1, eq);
            String text = whole.substring(eq + 1);
            Node node = workflow.getNode(nodeId);
            if (node == null) {
                problems.add("--set " + setting + ": the workflow has no node '" + nodeId + "'");
                continue;
            }
            NodeType type = registry.find(node.getType()).orElse(null);
            if (type == null) {
                problems.add("--set " + setting + ": node '" + nodeId + "' is of type " + node.getType()
                        + ", which no installed plug-in provides");
                continue;
            }
            NodeSignature signature;
            try {
                signature = type.signature();
            } catch (NodeTypeUnavailableException e) {
                problems.add("--set " + setting + ": " + e.getMessage());
                continue;
            }
            ParameterSpec spec = signature.parameter(name);
            if (spec == null) {
                problems.add("--set " + setting + ": " + type.label() + " has no parameter '" + name + "'; it has: "
                        + String.join(", ", signature.parameters().stream().map(ParameterSpec::name).toList()));
                continue;
            }
            ParameterValue value;
            try {
                value = ParameterValues.parse(text, spec);
            } catch (IllegalArgumentException e) {
                problems.add("--set " + setting + ": " + e.getMessage() + " (" + name + " takes "
                        + spec.type().description() + ")");
                continue;
            }
            ParameterValue existing = node.getParameter(name);
            if (existing != null) {
                node.getParameters().set(node.getParameters().indexOf(existing), value);
            } else {
                node.getParameters().add(value);
            }
        }
        return problems;
    }
}
