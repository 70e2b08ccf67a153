package com.pexper.nodes.basic.internal;

import com.pexper.core.data.DataType;
import com.pexper.core.data.NumberValue;
import com.pexper.core.node.NodeExecutor;
import com.pexper.core.node.NodeFactory;
import com.pexper.core.node.NodeSignature;
import com.pexper.core.node.Outputs;
import com.pexper.core.node.ParameterSpec;
import com.pexper.core.node.ParameterType;
import com.pexper.core.node.Parameters;
import com.pexper.core.node.PortSpec;

/** A constant number. */
public final class NumberNode implements NodeFactory {

    @Override
    public NodeSignature signature() {
        return NodeSignature.builder()
                .output(PortSpec.output("number", DataType.NUMBER, "The number."))
                .parameter(ParameterSpec.of("value", ParameterType.DECIMAL).label("Value").defaultValue(0.0)
                        .help("The number to emit."))
                .build();
    }

    @Override
    public NodeExecutor configure(Parameters parameters) {
        Outputs outputs = Outputs.of("number", NumberValue.of(parameters.decimal("value")));
        return (inputs, context) -> outputs;
    }
}
