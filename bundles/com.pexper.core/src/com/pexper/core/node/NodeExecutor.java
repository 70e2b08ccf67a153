package com.pexper.core.node;

/** Runs a configured node on one set of inputs. */
@FunctionalInterface
public interface NodeExecutor {

    /**
     * Computes the outputs. Long work should report progress and call
     * {@link ExecutionContext#checkCanceled()} often (every few milliseconds) so that cancelling is
     * prompt.
     *
     * @throws NodeExecutionException for failures the user can act on; its message is shown as is
     * @throws Exception anything else, reported as an unexpected error of this node
     */
    Outputs execute(Inputs inputs, ExecutionContext context) throws Exception;

    /**
     * Extra material for the node's cache key, describing state outside the workflow that the
     * result depends on: a file's size and modification time, say. Called when the node's inputs are
     * known, before looking in the cache. The default says the result depends on nothing else.
     */
    default String fingerprint(Inputs inputs, ExecutionContext context) throws Exception {
        return "";
    }

    /**
     * The memory, in bytes, one item will hold at most while this node and the per-item nodes after
     * it work on it, estimated cheaply before the node runs (an image from its file's header: the
     * decoded pixels and a few full-size results). The engine reserves it before starting the item
     * and runs fewer items at once rather than running out; an item needing more than the engine
     * has fails before it starts. Called when the inputs are known; a failure here counts as 0 (the
     * node meets the problem again when it runs). The default declares nothing.
     */
    default long memoryNeeded(Inputs inputs, ExecutionContext context) throws Exception {
        return 0;
    }
}
