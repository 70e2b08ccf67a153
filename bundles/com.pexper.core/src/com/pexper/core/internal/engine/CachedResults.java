package com.pexper.core.internal.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.pexper.core.cache.CacheKey;
import com.pexper.core.cache.CachedResult;
import com.pexper.core.cache.ResultCache;
import com.pexper.core.data.Value;
import com.pexper.core.node.PortSpec;

/** A run's results in the result cache, by output port; only deterministic nodes' results go there. */
final class CachedResults {

    private final ResultCache cache;

    CachedResults(ResultCache cache) {
        this.cache = cache;
    }

    /** The outputs cached under a key, in port order, or null. */
    Value[] lookup(Plan.Step step, CacheKey key) {
        if (!step.signature().deterministic()) {
            return null;
        }
        CachedResult hit = cache.get(key);
        if (hit == null) {
            return null;
        }
        List<PortSpec> ports = step.signature().outputs();
        Value[] outputs = new Value[ports.size()];
        for (int p = 0; p < outputs.length; p++) {
            outputs[p] = hit.outputs().get(ports.get(p).name());
            if (outputs[p] == null) {
                return null; // stored by a version with other ports: run again
            }
        }
        return outputs;
    }

    void store(Plan.Step step, CacheKey key, Value[] outputs) {
        if (!step.signature().deterministic()) {
            return;
        }
        List<PortSpec> ports = step.signature().outputs();
        Map<String, Value> byPort = new HashMap<>();
        for (int p = 0; p < outputs.length; p++) {
            byPort.put(ports.get(p).name(), outputs[p]);
        }
        cache.put(key, CachedResult.of(byPort));
    }
}
