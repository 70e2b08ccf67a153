package com.pexper.core.internal.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

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
    /** Per step: the mapped steps it reads per item from, directly or through others. */
    private final int[][] ancestors;
    /** Per step: the steps that read its items, directly or through others. */
    private final int[][] descendants;
    /** Per step and item: what is reserved now, and how many of the step's descendants have yet to finish the item. */
    private final long[][] reserved;
    private final int[][] holders;

    ItemMemory(MemoryBudget budget, Plan.Step[] steps) {
        this.budget = budget;
        this.ancestors = new int[steps.length][];
        List<List<Integer>> below = new ArrayList<>();
        for (int p = 0; p < steps.length; p++) {
            below.add(new ArrayList<>());
            TreeSet<Integer> above = new TreeSet<>();
            for (Plan.Binding b : steps[p].bindings()) {
                if (b != null && b.perItem() && steps[b.source()].mapped()) {
                    above.add(b.source());
                    for (int a : ancestors[b.source()]) {
                        above.add(a);
                    }
                }
            }
            ancestors[p] = above.stream().mapToInt(Integer::intValue).toArray();
            for (int a : ancestors[p]) {
                below.get(a).add(p);
            }
        }
        this.descendants = below.stream().map(d -> d.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
        this.reserved = new long[steps.length][];
        this.holders = new int[steps.length][];
    }

    MemoryBudget budget() {
        return budget;
    }

    /** A mapped step's items are known: {@code count} of them. */
    void open(int step, int count) {
        reserved[step] = new long[count];
        holders[step] = new int[count];
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
        holders[step][item] = descendants[step].length;
        return Admission.ADMITTED;
    }

    /** Item {@code item} of {@code step} is finished (done, failed, skipped): what it and those above it no longer need goes back. */
    void resolved(int step, int item) {
        if (holders[step] != null && holders[step][item] == 0) {
            release(step, item); // nothing after this step reads its items
        }
        for (int a : ancestors[step]) {
            if (reserved[a] != null && reserved[a][item] > 0 && --holders[a][item] <= 0) {
                release(a, item); // the item has been through every step that reads it
            }
        }
    }

    /** Once a step and all its descendants are done, none of its items is held any longer. */
    void settle(int step, java.util.function.IntPredicate done) {
        if (reserved[step] == null || !done.test(step)) {
            return;
        }
        for (int d : descendants[step]) {
            if (!done.test(d)) {
                return;
            }
        }
        for (int item = 0; item < reserved[step].length; item++) {
            release(step, item);
        }
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
