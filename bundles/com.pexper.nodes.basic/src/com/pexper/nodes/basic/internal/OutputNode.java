package com.pexper.nodes.basic.internal;

import com.pexper.core.data.DataType;
import com.pexper.core.node.NodeExecutor;
import com.pexper.core.node.NodeFactory;
import com.pexper.core.node.NodeSignature;
import com.pexper.core.node.Outputs;
import com.pexper.core.node.Parameters;
import com.pexper.core.node.PortSpec;

/** Marks what a run returns: its input becomes one of the run's results, named by the node's label or id. */
public final class OutputNode implements NodeFactory {

    @Override
    public NodeSignature signature() {
        return NodeSignature.builder()
                .input(PortSpec.required("value", DataType.ANY, "The value to return."))
                .output(PortSpec.output("value", DataType.ANY, "The same value, for further use."))
                .marksOutput()
                .build();
    }

    @Override
    public NodeExecutor configure(Parameters parameters) {
        return (inputs, context) -> Outputs.of("value", inputs.get("value"));
    }
}
