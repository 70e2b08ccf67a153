package com.pexper.core.engine;

import java.util.List;
import java.util.Map;

/**
 * How one node fared in a run.
 *
 * @param cached true when its results came from the cache and it did not run
 * @param items items processed when it ran per item of a list, else -1
 * @param cachedItems of those, how many did not run: from the cache, or not needed since the results
 *        further on were there already
 * @param itemFailures the items that failed, with why
 * @param error why the node failed, was skipped or cancelled; null when it succeeded
 * @param outputs a one-line summary of each output, by port
 */
public record NodeOutcome(String nodeId, String typeId, String label, NodeStatus status, long durationNanos,
        boolean cached, int items, int cachedItems, List<ItemFailure> itemFailures, String error,
        Map<String, String> outputs) {

    public record ItemFailure(int index, String item, String message) {
    }
}
