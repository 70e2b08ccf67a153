package com.pexper.core.internal.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.pexper.core.cache.CacheKey;
import com.pexper.core.data.Value;
import com.pexper.core.engine.NodeOutcome;
import com.pexper.core.engine.NodeStatus;
import com.pexper.core.node.Inputs;

/**
 * The coordinator's view of one node in a run, and of each item of a mapped node. Only the
 * coordinator thread changes it; workers read the step and {@link #firstStart}, and progress reads
 * {@link #resolvedItemsSeen}.
 */
final class NodeRun {

    enum State {
        WAITING, OPEN, SUBMITTED, DONE
    }

    enum ItemState {
        WAITING, SUBMITTED, DONE, FAILED, SKIPPED, CANCELLED
    }

    /** Per-item bookkeeping of a mapped node. */
    static final class Item {
        ItemState state = ItemState.WAITING;
        CacheKey key;
        Value[] outputs;
        int readersLeft;
        /** What the node declared this item needs, -1 until asked. */
        long memoryNeed = -1;
        /**
         * Resolved without running, as {@link ResumeProbe} found: {@link #key} is known and
         * {@link #outputs} are the cached ones, or null where nothing reads them.
         */
        boolean reused;
        /** {@link ResumeProbe} was asked for this item and said no: the nodes after it need not ask again. */
        boolean probed;
        /** The file the item came from, once its inputs are gathered: see {@link InputAssembly#sourceOf}. */
        java.nio.file.Path source;
    }

    final Plan.Step step;
    State state = State.WAITING;
    NodeStatus status;
    int pendingWhole;
    int pendingOpen;
    int consumersLeft;
    int perItemReaders;
    /** Its values are kept to the end: it is an output, or a node reads its whole list. */
    boolean retain;
    /** The output port whose image {@link com.pexper.core.engine.UnsavedImages} keeps, or -1. */
    int unsavedImagePort = -1;
    CacheKey key;
    Value[] outputs;
    Map<String, String> summaries = Map.of();
    boolean cached;
    long nanos;
    final AtomicLong firstStart = new AtomicLong();
    String error;
    Inputs sharedInputs;
    int itemCount = -1;
    Item[] items;
    int admitted;
    int resolvedItems;
    volatile int resolvedItemsSeen;
    int cachedItems;
    int failedOwnItems;
    String firstItemSummary;
    /** The first successful item's values, kept for the run's listeners' previews; null when none listen. */
    Value[] firstItemOutputs;
    int firstItemIndex = -1;
    final List<NodeOutcome.ItemFailure> failures = new ArrayList<>();

    NodeRun(Plan.Step step) {
        this.step = step;
    }

    boolean isMapped() {
        return step.mapped();
    }

    /** The key of the node's result, or of one item's: known from when its inputs were. */
    CacheKey keyOf(int item) {
        return item < 0 ? key : items[item].key;
    }

    /** Whether this node reads {@code source} item by item. */
    boolean readsPerItem(NodeRun source) {
        for (Plan.Binding b : step.bindings()) {
            if (b != null && b.perItem() && b.source() == source.step.position()) {
                return true;
            }
        }
        return false;
    }

    /** Lets go of every item's values. */
    void releaseItems() {
        if (items != null) {
            for (Item item : items) {
                item.outputs = null;
            }
        }
    }
}
