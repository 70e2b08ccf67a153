package com.pexper.imaging.onnx;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Loaded models, one session per model per process: creating a session reads and optimises the
 * file (seconds for the large models), so every node, item and thread shares it. Sessions live until
 * {@link #close()}.
 */
public final class ModelSessions implements AutoCloseable {

    private final ModelStore store;
    private final int threads;
    private final Map<String, SegmentationModel> loaded = new HashMap<>();

    public ModelSessions(ModelStore store, int threads) {
        this.store = store;
        this.threads = threads;
    }

    public ModelStore store() {
        return store;
    }

    /** The model's session, loaded on first use (concurrent callers wait for the one load). */
    public synchronized SegmentationModel get(String id) throws ModelException {
        SegmentationModel model = loaded.get(id);
        if (model == null) {
            Path file = store.locate(id);
            model = SegmentationModel.load(store.catalog().find(id).orElseThrow(), file, threads);
            loaded.put(id, model);
        }
        return model;
    }

    @Override
    public synchronized void close() {
        loaded.values().forEach(SegmentationModel::close);
        loaded.clear();
    }

    /** Intra-op threads from {@code -Dpexper.onnx.threads} or PEXPER_ONNX_THREADS, else the default. */
    public static int configuredThreads() {
        String value = System.getProperty("pexper.onnx.threads", System.getenv("PEXPER_ONNX_THREADS"));
        try {
            return value == null ? SegmentationModel.DEFAULT_THREADS : Math.max(1, Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            return SegmentationModel.DEFAULT_THREADS;
        }
    }
}
