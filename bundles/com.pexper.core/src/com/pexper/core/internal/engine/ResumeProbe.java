package com.pexper.core.internal.engine;

import java.util.HashMap;
import java.util.Map;

import com.pexper.core.cache.CacheKey;
import com.pexper.core.data.Value;
import com.pexper.core.node.Inputs;
import com.pexper.core.node.ParameterSpec;

/**
 * Whether an item that missed the cache need run at all: not when no node after it that has to run
 * wants its values. A batch run again after an interruption thus goes straight past the photos
 * whose cutouts are saved already, without decoding them again, although decoded images are never
 * kept. The later nodes' keys are worked out as the run would, with the values not computed
 * standing in (a fingerprint that needs one throws, and the item runs as usual). A later node has to
 * run when its result is not in the cache and someone wants its values, it is where the work ends,
 * or it writes files (its file may be gone). Reads the run's state, changes none of it; coordinator
 * thread only.
 */
final class ResumeProbe {

    /** A later node's item that need not run: its key, and its cached outputs (null where nothing reads them). */
    record Reuse(CacheKey key, Value[] outputs) {
    }

    private final NodeRun[] runs;
    private final ItemLineage lineage;
    private final CacheKeys keys;
    private final InputAssembly inputs;
    private final CachedResults results;

    ResumeProbe(NodeRun[] runs, ItemLineage lineage, CacheKeys keys, InputAssembly inputs, CachedResults results) {
        this.runs = runs;
        this.lineage = lineage;
        this.keys = keys;
        this.inputs = inputs;
        this.results = results;
    }

    /** The mapped nodes that handle item i after this one, in plan order: open them before asking. */
    int[] after(NodeRun run) {
        return lineage.descendants(run.step.position());
    }

    /**
     * Whether a node above already found that item i has work to do after it: asking again at each
     * node of a long chain would cost time in the square of its length.
     */
    boolean askedAbove(NodeRun run, int i) {
        for (int a : lineage.ancestors(run.step.position())) {
            if (runs[a].items != null && runs[a].items[i].probed) {
                return true;
            }
        }
        return false;
    }

    /**
     * @return by position, the later nodes whose item i need not run; null when item i of
     *         {@code run} has to run
     */
    Map<Integer, Reuse> reusable(NodeRun run, int i) {
        int[] after = after(run);
        if (after.length == 0 || run.retain || writesFiles(run) || !run.step.signature().deterministic()) {
            return null;
        }
        Map<Integer, CacheKey> known = new HashMap<>();
        known.put(run.step.position(), run.items[i].key);
        Value[][] found = new Value[runs.length][];
        for (int p : after) {
            NodeRun later = runs[p];
            if (later.state != NodeRun.State.OPEN || later.items[i].state != NodeRun.ItemState.WAITING
                    || later.items[i].reused || !later.step.signature().deterministic()) {
                return null;
            }
            try {
                Inputs itemInputs = inputs.itemWithout(later, i, known);
                if (itemInputs == null) {
                    return null;
                }
                CacheKey key = keys.of(later, itemInputs, i, known);
                known.put(p, key);
                found[p] = results.lookup(later.step, key);
            } catch (Exception | LinkageError e) {
                return null;
            }
        }
        boolean[] mustRun = new boolean[runs.length];
        for (int k = after.length - 1; k >= 0; k--) {
            NodeRun later = runs[after[k]];
            mustRun[after[k]] = found[after[k]] == null
                    && (later.perItemReaders == 0 || writesFiles(later) || valuesWanted(later, mustRun));
        }
        if (valuesWanted(run, mustRun)) {
            return null;
        }
        Map<Integer, Reuse> reusable = new HashMap<>();
        for (int p : after) {
            if (!mustRun[p]) {
                reusable.put(p, new Reuse(known.get(p), found[p]));
            }
        }
        return reusable;
    }

    private static boolean writesFiles(NodeRun run) {
        return run.step.signature().parameters().stream().anyMatch(ParameterSpec::writes);
    }

    private boolean valuesWanted(NodeRun run, boolean[] mustRun) {
        if (run.retain) {
            return true;
        }
        for (int c : run.step.consumers()) {
            if (mustRun[c]) {
                return true;
            }
        }
        return false;
    }
}
