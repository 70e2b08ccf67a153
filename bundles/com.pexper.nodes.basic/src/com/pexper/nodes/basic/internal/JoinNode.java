package com.pexper.nodes.basic.internal;

import com.pexper.core.data.Conversions;
import com.pexper.core.data.DataType;
import com.pexper.core.data.TextValue;
import com.pexper.core.data.Value;
import com.pexper.core.node.NodeExecutor;
import com.pexper.core.node.NodeFactory;
import com.pexper.core.node.NodeSignature;
import com.pexper.core.node.Outputs;
import com.pexper.core.node.ParameterSpec;
import com.pexper.core.node.ParameterType;
import com.pexper.core.node.Parameters;
import com.pexper.core.node.PortSpec;

/** Joins a list of texts into one. */
public final class JoinNode implements NodeFactory {

    @Override
    public NodeSignature signature() {
        return NodeSignature.builder()
                .input(PortSpec.required("items", DataType.listOf(DataType.TEXT),
                        "The texts to join; a single text counts as a list of one."))
                .output(PortSpec.output("text", DataType.TEXT, "The joined text."))
                .parameter(ParameterSpec.of("separator", ParameterType.STRING).label("Separator").defaultValue("\n")
                        .help("Put between two items; a line break by default."))
                .parameter(ParameterSpec.of("prefix", ParameterType.STRING).label("Prefix").defaultValue("")
                        .help("Put before the first item."))
                .parameter(ParameterSpec.of("suffix", ParameterType.STRING).label("Suffix").defaultValue("")
                        .help("Put after the last item."))
                .build();
    }

    @Override
    public NodeExecutor configure(Parameters parameters) {
        String separator = parameters.string("separator");
        String prefix = parameters.string("prefix");
        String suffix = parameters.string("suffix");
        return (inputs, context) -> {
            StringBuilder text = new StringBuilder(prefix);
            boolean first = true;
            for (Value item : inputs.list("items").items()) {
                if (!first) {
                    text.append(separator);
                }
                text.append(Conversions.asText(item));
                first = false;
            }
            return Outputs.of("text", TextValue.of(text.append(suffix).toString()));
        };
    }
}
