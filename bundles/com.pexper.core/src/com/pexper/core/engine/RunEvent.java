package com.pexper.core.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.pexper.core.data.Value;

/**
 * Something that happened during a run, for progress displays and logs. Events of one node arrive
 * in order (queued, started, progress..., then one of finished, failed, cancelled or skipped);
 * events of different nodes interleave.
 */
public sealed interface RunEvent {

    String runId();

    /** The node concerned; null for run-level events. */
    String nodeId();

    record RunStarted(String runId, String workflowName, int nodeCount) implements RunEvent {
        @Override
        public String nodeId() {
            return null;
        }
    }

    /** The node's inputs are ready and it waits for a worker. */
    record NodeQueued(String runId, String nodeId) implements RunEvent {
    }

    record NodeStarted(String runId, String nodeId, int itemCount) implements RunEvent {
    }

    /**
     * @param fraction 0..1 for the node as a whole
     * @param itemsDone items finished so far when the node runs per item, else -1
     * @param itemCount items in all when the node runs per item, else -1
     */
    record NodeProgress(String runId, String nodeId, double fraction, String message, int itemsDone, int itemCount)
            implements RunEvent {
    }

    record NodeLog(String runId, String nodeId, String message) implements RunEvent {
    }

    /**
     * A piece of a node's text result as it streams in (an AI model's tokens).
     *
     * @param item the item's index when the node runs per item, else -1
     * @param receivedNanos {@link System#nanoTime()} when the node handed the piece over
     */
    record NodeText(String runId, String nodeId, int item, String text, long receivedNanos) implements RunEvent {
    }

    /**
     * @param cached true when every result came from the cache and nothing ran
     * @param items items processed when the node runs per item, else -1
     * @param reusedItems of those, the ones that did not run: from the cache, or not needed since
     *        the results further on were there already
     */
    record NodeFinished(String runId, String nodeId, boolean cached, long durationNanos, int items, int failedItems,
            int reusedItems)
            implements RunEvent {
    }

    /**
     * What a node produced, for previews: sent just before its {@link NodeFinished}, also when the
     * results came from the cache, and only to a run that has listeners.
     *
     * @param values by output port; for a node mapped over a list whose results the run does not
     *        keep, the values of the first item in the list that succeeded (a list of thousands of images is not held
     *        for a preview). Values are as computed: a display redacts texts with the run's
     *        {@link Redactor}, as the engine does for its own messages.
     * @param items how many items the node produced when it runs per item, else -1
     * @param firstItemOnly whether {@code values} are the first item's rather than the whole lists
     */
    record NodeOutputs(String runId, String nodeId, List<Value> values, int items, boolean firstItemOnly)
            implements RunEvent {
        public NodeOutputs {
            values = Collections.unmodifiableList(new ArrayList<>(values)); // a port may have no value
        }
    }

    record NodeFailed(String runId, String nodeId, String message) implements RunEvent {
    }

    record NodeCancelled(String runId, String nodeId) implements RunEvent {
    }

    /** The node did not run because a node it depends on failed or was cancelled. */
    record NodeSkipped(String runId, String nodeId, String reason) implements RunEvent {
    }

    /** One item of a node mapped over a list failed; the other items go on. */
    record ItemFailed(String runId, String nodeId, int index, String item, String message) implements RunEvent {
    }

    record RunFinished(String runId, RunResult result) implements RunEvent {
        @Override
        public String nodeId() {
            return null;
        }
    }
}
