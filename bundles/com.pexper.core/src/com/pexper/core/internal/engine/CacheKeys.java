package com.pexper.core.internal.engine;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.pexper.core.cache.CacheKey;
import com.pexper.core.data.ListValue;
import com.pexper.core.data.Value;
import com.pexper.core.node.Inputs;

/**
 * The cache keys of a run's results, as ComfyUI makes them: a node's key hashes its type, version
 * and parameters, the keys of the results its inputs are (not their values), and its fingerprint.
 * Used on the coordinator thread only.
 */
final class CacheKeys {

    private static final byte[] NODE_TAG = "pexper-node-v1".getBytes(StandardCharsets.UTF_8);
    private static final byte[] ITEM_TAG = "pexper-item-v1".getBytes(StandardCharsets.UTF_8);
    private static final byte[] LIST_TAG = "pexper-list-v1".getBytes(StandardCharsets.UTF_8);
    private static final byte[] VALUE_TAG = "pexper-value-v1".getBytes(StandardCharsets.UTF_8);

    private final NodeRun[] runs;
    private final RunScope scope;
    private final byte[][] parameterKeys;
    private final KeyHasher hasher = new KeyHasher();
    private final KeyHasher itemHasher = new KeyHasher();

    CacheKeys(NodeRun[] runs, RunScope scope) {
        this.runs = runs;
        this.scope = scope;
        this.parameterKeys = new byte[runs.length][];
        for (int p = 0; p < runs.length; p++) {
            parameterKeys[p] = runs[p].step.parameterKey().getBytes(StandardCharsets.UTF_8);
        }
    }

    /**
     * @param item the item, or -1 for a node that is not mapped
     * @param probed keys of per-item sources whose values were not computed (see {@link ResumeProbe}), or null
     */
    CacheKey of(NodeRun run, Inputs inputs, int item, Map<Integer, CacheKey> probed) throws Exception {
        Plan.Step step = run.step;
        if (!step.signature().deterministic()) {
            return KeyHasher.unique();
        }
        String fingerprint = step.executor().fingerprint(inputs, new NodeContext(scope, run, item, run.itemCount));
        KeyHasher key = hasher.begin(item < 0 ? NODE_TAG : ITEM_TAG).add(parameterKeys[step.position()]);
        for (Plan.Binding b : step.bindings()) {
            if (b == null) {
                key.add((CacheKey) null);
            } else if (!b.perItem()) {
                key.add(runs[b.source()].key);
            } else if (probed != null && probed.containsKey(b.source())) {
                key.add(probed.get(b.source()));
            } else {
                key.add(itemKey(runs[b.source()], b, item));
            }
        }
        return key.add(fingerprint).finish();
    }

    /** The key of a mapped node's whole list: its items' keys, none for an item that did not succeed. */
    CacheKey ofList(NodeRun run) {
        KeyHasher key = hasher.begin(LIST_TAG);
        for (NodeRun.Item item : run.items) {
            key.add(item.state == NodeRun.ItemState.DONE ? item.key : null);
        }
        return key.finish();
    }

    /**
     * The key of item i of what a per-item port reads: the producing item's key when the source is
     * mapped; otherwise the item's content when it can be described, else its position in the list.
     */
    private CacheKey itemKey(NodeRun source, Plan.Binding b, int i) {
        if (source.isMapped()) {
            return source.items[i].key;
        }
        Value value = ((ListValue) source.outputs[b.sourcePort()]).get(i);
        if (!itemHasher.begin(VALUE_TAG).addContent(value)) {
            itemHasher.begin(VALUE_TAG).add(source.key).add(i);
        }
        return itemHasher.finish();
    }
}
