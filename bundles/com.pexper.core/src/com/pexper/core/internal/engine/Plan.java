package com.pexper.core.internal.engine;

import java.util.List;

import com.pexper.core.data.DataType;
import com.pexper.core.node.NodeExecutor;
import com.pexper.core.node.NodeSignature;
import com.pexper.core.node.NodeType;
import com.pexper.core.node.Parameters;
import com.pexper.core.node.PortSpec;
import com.pexper.model.Node;

/** A validated workflow ready to run: nodes in topological order, inputs bound, executors configured. */
public record Plan(List<Step> steps) {

    /**
     * One node of the plan.
     *
     * @param position index in {@link Plan#steps()}
     * @param bindings one per declared input port, null where an optional port is unconnected
     * @param mapped whether the node runs once per item of a list fed to a single-item port
     * @param outputTypes the types of the outputs as produced: List of the declared type when mapped
     * @param consumers positions of the steps that take input from this one
     * @param parameterKey the type id, version and canonical parameter values, for cache keys
     */
    public record Step(int position, Node node, NodeType type, NodeSignature signature, Parameters parameters,
            NodeExecutor executor, Binding[] bindings, boolean mapped, DataType[] outputTypes, int[] consumers,
            String parameterKey) {

        public String id() {
            return node.getId();
        }

        public String label() {
            return node.getLabel() != null ? node.getLabel() : type.label();
        }
    }

    /**
     * Where an input port gets its value.
     *
     * @param source position of the producing step
     * @param sourcePort index of the producer's output port
     * @param port the consuming port
     * @param perItem true when the producer gives a list and the port takes one item of it
     */
    public record Binding(int source, int sourcePort, PortSpec port, boolean perItem) {

        /** The type the value must have when it reaches the node. */
        public DataType targetType() {
            return port.type();
        }
    }
}
