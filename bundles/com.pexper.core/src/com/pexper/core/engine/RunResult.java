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
 * @param outputFiles files the nodes wrote, and files among the outputs
 * @param writtenFiles each file the nodes wrote, with the node and item that wrote it
 */
public record RunResult(String runId, String workflowName, Path workflowFile, RunStatus status, Instant started,
        Instant finished, List<NodeOutcome> nodes, Map<String, Value> outputs, List<Path> outputFiles,
        List<WrittenFile> writtenFiles) {

    /**
     * A file a node wrote: what the gallery and "where did this come from" go by.
     *
     * @param item the item of a mapped node that wrote it, or -1
     * @param source the file the item came from (the photo a batch's cutout was made from), found
     *        through the item's inputs; null when it came from no file or the node is not mapped
     */
    public record WrittenFile(Path file, String nodeId, int item, Path source) {
    }

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
