package com.pexper.core.internal.engine;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.IntPredicate;

import com.pexper.core.engine.MemoryBudget;

/**
 * The memory a run's items hold in the engine's budget. An item of a node that declares what it
 * needs reserves that much before it starts and holds it until every per-item node after it (the
 * nodes it feeds, directly or through others) has finished the same item: the decoded photo is
 * gone only when its cutout has been saved. Owned by the run's coordinator thread.
 */
final class ItemMemory {

    /** What {@link #admit} decided. */
    enum Admission {
        /** Reserved (or nothing to reserve): start the item. */
        ADMITTED,
        /** The budget is full: the item waits until memory is given back. */
        WAIT,
        /** More than the whole budget: fail the item before it starts. */
        TOO_LARGE
    }

    private final MemoryBudget budget;
    private final ItemLineage lineage;
    /** Per step and item: what is reserved now, and how many of the step's descendants have yet to finish the item. */
    private final long[][] reserved;
    private final int[][] holders;
    /** The mapped steps opened and not yet settled: the only ones {@link #settle} has to look at. */
    private final List<Integer> unsettled = new ArrayList<>();

    ItemMemory(MemoryBudget budget, ItemLineage lineage) {
        this.budget = budget;
        this.lineage = lineage;
        this.reserved = new long[lineage.size()][];
        this.holders = new int[lineage.size()][];
    }

    MemoryBudget budget() {
        return budget;
    }

    /** A mapped step's items are known: {@code count} of them. */
    void open(int step, int count) {
        reserved[step] = new long[count];
        holders[step] = new int[count];
        unsettled.add(step);
    }

    /**
     * @param need what the node declared the item needs, 0 for nothing
     * @param force reserve even beyond the budget: the run would wait for ever otherwise
     */
    Admission admit(int step, int item, long need, boolean force) {
        if (need <= 0) {
            return Admission.ADMITTED;
        }
        if (need > budget.total()) {
            return Admission.TOO_LARGE;
        }
        if (!budget.tryReserve(need, force)) {
            return Admission.WAIT;
        }
        reserved[step][item] = need;
        holders[step][item] = lineage.descendants(step).length;
        return Admission.ADMITTED;
    }

    /** Item {@code item} of {@code step} is finished (done, failed, skipped): what it and those above it no longer need goes back. */
    void resolved(int step, int item) {
        if (holders[step] != null && holders[step][item] == 0) {
            release(step, item); // nothing after this step reads its items
        }
        for (int a : lineage.ancestors(step)) {
            if (reserved[a] != null && reserved[a][item] > 0 && --holders[a][item] <= 0) {
                release(a, item); // the item has been through every step that reads it
            }
        }
    }

    /** Once a step and all its descendants are done, none of its items is held any longer. */
    void settle(IntPredicate done) {
        for (Iterator<Integer> steps = unsettled.iterator(); steps.hasNext();) {
            int step = steps.next();
            if (isSettled(step, done)) {
                for (int item = 0; item < reserved[step].length; item++) {
                    release(step, item);
                }
                steps.remove();
            }
        }
    }

    private boolean isSettled(int step, IntPredicate done) {
        if (!done.test(step)) {
            return false;
        }
        for (int d : lineage.descendants(step)) {
            if (!done.test(d)) {
                return false;
            }
        }
        return true;
    }

    /** At the end of the run, whatever happened: everything goes back. */
    void releaseAll() {
        for (int step = 0; step < reserved.length; step++) {
            if (reserved[step] != null) {
                for (int item = 0; item < reserved[step].length; item++) {
                    release(step, item);
                }
            }
        }
    }

    private void release(int step, int item) {
        long bytes = reserved[step][item];
        if (bytes > 0) {
            reserved[step][item] = 0;
            budget.release(bytes);
        }
    }
}
