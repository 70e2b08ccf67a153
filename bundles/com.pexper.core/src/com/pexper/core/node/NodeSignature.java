package com.pexper.core.node;

import java.util.ArrayList;
import java.util.List;

/**
 * What a node type declares about itself: typed input and output ports, parameters, and how the
 * engine may treat it.
 *
 * @param deterministic false when the same inputs and parameters can give different results
 *        (a clock, a random seed, an AI call at temperature > 0): such nodes are never cached
 * @param output true for nodes that mark what a run returns
 * @param dynamicInputs for types whose inputs follow from their parameters, how (for documentation);
 *        else null
 * @param waitsOnIo true for nodes that spend their time waiting on a server rather than computing (an
 *        AI provider's answer): the engine runs them beside its CPU-sized worker pool, many at once,
 *        and the node bounds its own concurrency (a provider's limit on parallel requests)
 * @param services the application services the node looks up through {@link ExecutionContext#service}:
 *        a workflow with such a node fails validation, naming it, where the application provides none
 */
public record NodeSignature(List<PortSpec> inputs, List<PortSpec> outputs, List<ParameterSpec> parameters,
        boolean deterministic, boolean output, String dynamicInputs, boolean waitsOnIo, List<Class<?>> services) {

    public NodeSignature {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        parameters = List.copyOf(parameters);
        services = List.copyOf(services);
    }

    public static Builder builder() {
        return new Builder();
    }

    public PortSpec input(String name) {
        for (PortSpec port : inputs) {
            if (port.name().equals(name)) {
                return port;
            }
        }
        return null;
    }

    public PortSpec output(String name) {
        for (PortSpec port : outputs) {
            if (port.name().equals(name)) {
                return port;
            }
        }
        return null;
    }

    public ParameterSpec parameter(String name) {
        for (ParameterSpec parameter : parameters) {
            if (parameter.name().equals(name)) {
                return parameter;
            }
        }
        return null;
    }

    public static final class Builder {
        private final List<PortSpec> inputs = new ArrayList<>();
        private final List<PortSpec> outputs = new ArrayList<>();
        private final List<ParameterSpec> parameters = new ArrayList<>();
        private boolean deterministic = true;
        private boolean output;
        private String dynamicInputs;
        private boolean waitsOnIo;
        private final List<Class<?>> services = new ArrayList<>();

        private Builder() {
        }

        public Builder input(PortSpec port) {
            inputs.add(port);
            return this;
        }

        public Builder output(PortSpec port) {
            outputs.add(port);
            return this;
        }

        public Builder parameter(ParameterSpec parameter) {
            parameters.add(parameter);
            return this;
        }

        public Builder parameter(ParameterSpec.Builder parameter) {
            return parameter(parameter.build());
        }

        /** Marks results as not reproducible: the engine will never reuse them from the cache. */
        public Builder nonDeterministic() {
            deterministic = false;
            return this;
        }

        /** Marks the node as one whose input is a result of the run. */
        public Builder marksOutput() {
            output = true;
            return this;
        }

        /** Marks the node as waiting on a server, not the CPU (see {@link NodeSignature#waitsOnIo()}). */
        public Builder waitsOnIo() {
            waitsOnIo = true;
            return this;
        }

        /** Declares an application service the node looks up (see {@link NodeSignature#services()}). */
        public Builder needs(Class<?> service) {
            if (!services.contains(service)) {
                services.add(service);
            }
            return this;
        }

        /** Documents that a node's inputs follow from its parameters (see {@link NodeFactory#signature(Parameters)}). */
        public Builder dynamicInputs(String description) {
            dynamicInputs = description;
            return this;
        }

        /** A copy of this signature's flags and parameters with other inputs. */
        public Builder from(NodeSignature base) {
            outputs.addAll(base.outputs());
            parameters.addAll(base.parameters());
            deterministic = base.deterministic();
            output = base.output();
            dynamicInputs = base.dynamicInputs();
            waitsOnIo = base.waitsOnIo();
            base.services().forEach(this::needs);
            return this;
        }

        public NodeSignature build() {
            return new NodeSignature(inputs, outputs, parameters, deterministic, output, dynamicInputs, waitsOnIo,
                    services);
        }
    }
}
