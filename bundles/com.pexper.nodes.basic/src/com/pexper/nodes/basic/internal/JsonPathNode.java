package com.pexper.nodes.basic.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.pexper.core.data.DataType;
import com.pexper.core.data.JsonValue;
import com.pexper.core.data.TextValue;
import com.pexper.core.node.InvalidConfigurationException;
import com.pexper.core.node.NodeExecutionException;
import com.pexper.core.node.NodeExecutor;
import com.pexper.core.node.NodeFactory;
import com.pexper.core.node.NodeSignature;
import com.pexper.core.node.Outputs;
import com.pexper.core.node.ParameterSpec;
import com.pexper.core.node.ParameterType;
import com.pexper.core.node.Parameters;
import com.pexper.core.node.PortSpec;
import com.pexper.model.text.Quote;

/** Extracts part of a JSON document by path. Text connected to it is parsed as JSON. */
public final class JsonPathNode implements NodeFactory {

    @Override
    public NodeSignature signature() {
        return NodeSignature.builder()
                .input(PortSpec.required("json", DataType.JSON, "The document; text is parsed as JSON."))
                .output(PortSpec.output("value", DataType.JSON, "What the path selects."))
                .output(PortSpec.output("text", DataType.TEXT,
                        "The same as text: strings as they are, anything else as JSON."))
                .parameter(ParameterSpec.of("path", ParameterType.STRING).label("Path").defaultValue("$")
                        .help("For example $.choices[0].message.content, or $.items[*].name for all names."))
                .parameter(ParameterSpec.of("required", ParameterType.BOOLEAN).label("Required").defaultValue(true)
                        .help("Fail when the path matches nothing; otherwise give null."))
                .build();
    }

    @Override
    public NodeExecutor configure(Parameters parameters) throws InvalidConfigurationException {
        JsonPath path;
        try {
            path = JsonPath.compile(parameters.string("path"));
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException(e.getMessage());
        }
        boolean required = parameters.flag("required");
        return (inputs, context) -> {
            JsonNode document = inputs.get("json", JsonValue.class).json();
            JsonNode selected;
            try {
                selected = path.select(document);
            } catch (IllegalArgumentException e) {
                if (required) {
                    throw new NodeExecutionException("the path " + Quote.of(path.toString()) + " matches nothing: " + e.getMessage()
                            + ". Fix the path, or set 'required' to false to get null.");
                }
                selected = NullNode.getInstance();
            }
            String text = selected.isTextual() ? selected.textValue() : selected.toString();
            return Outputs.builder().put("value", JsonValue.of(selected)).put("text", TextValue.of(text)).build();
        };
    }
}
