package com.pexper.nodes.basic.internal;

import com.pexper.core.data.DataType;
import com.pexper.core.data.TextValue;
import com.pexper.core.node.NodeExecutor;
import com.pexper.core.node.NodeFactory;
import com.pexper.core.node.NodeSignature;
import com.pexper.core.node.Outputs;
import com.pexper.core.node.ParameterSpec;
import com.pexper.core.node.ParameterType;
import com.pexper.core.node.Parameters;
import com.pexper.core.node.PortSpec;

/** A constant text. */
public final class TextNode implements NodeFactory {

    @Override
    public NodeSignature signature() {
        return NodeSignature.builder()
                .output(PortSpec.output("text", DataType.TEXT, "The text."))
                .parameter(ParameterSpec.of("text", ParameterType.STRING).label("Text").defaultValue("").multiline()
                        .help("The text to emit."))
                .build();
    }

    @Override
    public NodeExecutor configure(Parameters parameters) {
        Outputs outputs = Outputs.of("text", TextValue.of(parameters.string("text")));
        return (inputs, context) -> outputs;
    }
}
