package com.pexper.core.node;

/**
 * The code behind a node type, contributed through the {@code com.pexper.core.nodeTypes}
 * extension point (attribute {@code factory}) or registered programmatically.
 *
 * <p>Like KNIME's configure/execute split: {@link #configure} checks a node's parameters once, before
 * anything runs, and returns the executor that then runs for each set of inputs (once, or once per
 * item when the node is fed a list). Implementations must be thread-safe; executors may run
 * concurrently for different items.
 */
public interface NodeFactory {

    /** Ports, parameters and flags. Called once, when the type is first needed. */
    NodeSignature signature();

    /**
     * The signature of one node, for types whose ports depend on their parameters (a template has
     * one input per placeholder). Called with parameters that passed the type and range checks;
     * the default is {@link #signature()}. The parameters it declares must be those of
     * {@link #signature()}.
     */
    default NodeSignature signature(Parameters parameters) throws InvalidConfigurationException {
        return signature();
    }

    /**
     * Checks the parameters beyond their declared type and range and prepares the work (compile a
     * template, parse a path expression).
     *
     * @throws InvalidConfigurationException with one message per problem, each saying what to fix
     */
    NodeExecutor configure(Parameters parameters) throws InvalidConfigurationException;
}
