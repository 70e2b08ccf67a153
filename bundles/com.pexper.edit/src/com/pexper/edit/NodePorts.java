package com.pexper.edit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.pexper.core.data.DataType;
import com.pexper.core.node.InvalidConfigurationException;
import com.pexper.core.node.NodeSignature;
import com.pexper.core.node.NodeType;
import com.pexper.core.node.NodeTypeRegistry;
import com.pexper.core.node.NodeTypeUnavailableException;
import com.pexper.core.node.Parameters;
import com.pexper.core.node.PortSpec;
import com.pexper.core.workflow.ParameterValues;
import com.pexper.model.Connection;
import com.pexper.model.Node;
import com.pexper.model.Workflow;
import com.pexper.model.validation.Problem;

/**
 * The ports a node shows: its type's, with the inputs that follow from its parameters (a
 * template's placeholders); for a type no installed plug-in provides, a placeholder's ports, one
 * per connection it has, so that nothing it had is lost.
 *
 * @param type the node type, empty for a placeholder
 */
public record NodePorts(Optional<NodeType> type, List<PortSpec> inputs, List<PortSpec> outputs) {

    public NodePorts {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    public boolean placeholder() {
        return type.isEmpty();
    }

    public Optional<PortSpec> input(String name) {
        return inputs.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public Optional<PortSpec> output(String name) {
        return outputs.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** @param baseDirectory where the workflow's relative paths resolve, for parameters that are paths */
    public static NodePorts of(Node node, NodeTypeRegistry registry, Path baseDirectory) {
        Optional<NodeType> type = registry.find(node.getType());
        if (type.isPresent()) {
            try {
                NodeSignature signature = type.get().signature();
                if (signature.dynamicInputs() != null) {
                    signature = withParameters(node, type.get(), signature, baseDirectory);
                }
                return new NodePorts(type, signature.inputs(), signature.outputs());
            } catch (NodeTypeUnavailableException e) {
                // drawn as a placeholder: its plug-in is there but broken
            }
        }
        return placeholder(node);
    }

    private static NodeSignature withParameters(Node node, NodeType type, NodeSignature declared, Path baseDirectory)
            throws NodeTypeUnavailableException {
        List<Problem> problems = new ArrayList<>();
        Parameters parameters = ParameterValues.resolve(node, declared.parameters(), baseDirectory, problems);
        if (problems.stream().anyMatch(Problem::isError)) {
            return declared;
        }
        try {
            return type.factory().signature(parameters);
        } catch (InvalidConfigurationException | RuntimeException e) {
            return declared; // validation says what is wrong with the parameters
        }
    }

    private static NodePorts placeholder(Node node) {
        Set<String> inputs = new LinkedHashSet<>();
        Set<String> outputs = new LinkedHashSet<>();
        if (node.eContainer() instanceof Workflow workflow) {
            for (Connection connection : workflow.getConnections()) {
                if (node.getId().equals(connection.getTargetNode())) {
                    inputs.add(connection.getTargetPort());
                }
                if (node.getId().equals(connection.getSourceNode())) {
                    outputs.add(connection.getSourcePort());
                }
            }
        }
        return new NodePorts(Optional.empty(),
                inputs.stream().map(name -> PortSpec.optional(name, DataType.ANY, "")).toList(),
                outputs.stream().map(name -> PortSpec.output(name, DataType.ANY, "")).toList());
    }
}
