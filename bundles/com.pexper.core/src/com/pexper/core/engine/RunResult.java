package com.pexper.core.engine;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.pexper.core.data.Value;

/**
 * What a run did and produced.
 *
 * @param workflowFile the file the workflow came from, or null
 * @param nodes one outcome per node, in the order the nodes ran
 * @param outputs the values of the workflow's output nodes, by node id, in workflow order
 * @param outputFiles files the nodes wrote
 */
public record RunResult(String runId, String workflowName, Path workflowFile, RunStatus status, Instant started,
        Instant finished, List<NodeOutcome> nodes, Map<String, Value> outputs, List<Path> outputFiles) {

    public long executedNodes() {
        return nodes.stream().filter(n -> n.status() == NodeStatus.SUCCEEDED && !n.cached()).count();
    }

    public long cachedNodes() {
        return nodes.stream().filter(NodeOutcome::cached).count();
    }

    public long failedItems() {
        return nodes.stream().mapToLong(n -> n.itemFailures().size()).sum();
    }

    /** The items of the largest batch in which items failed (the 200 of "3 of 200 items failed"); 0 if none did. */
    public long batchItems() {
        return nodes.stream().filter(n -> !n.itemFailures().isEmpty()).mapToLong(NodeOutcome::items).max().orElse(0);
    }

    /**
     * How the run went for the person who started it: {@link RunStatus#FAILED} also when every node
     * finished but items of a batch failed ({@link #status()} is then SUCCEEDED). What run records,
     * `pexper runs` and the exit code go by.
     */
    public RunStatus outcome() {
        return status == RunStatus.SUCCEEDED && failedItems() > 0 ? RunStatus.FAILED : status;
    }

    public NodeOutcome node(String id) {
        return nodes.stream().filter(n -> n.nodeId().equals(id)).findFirst().orElse(null);
    }
}
