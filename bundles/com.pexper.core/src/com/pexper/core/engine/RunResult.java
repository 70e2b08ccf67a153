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

    public NodeOutcome node(String id) {
        return nodes.stream().filter(n -> n.nodeId().equals(id)).findFirst().orElse(null);
    }
}
