package com.pexper.imaging.onnx;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Loaded models, one session per model: creating a session reads and optimises the file (seconds
 * for the large models), so every node, item, thread and run shares it. In Pexper it is a service
 * of this bundle, whose sessions are closed when it stops; a tool or test opens its own with
 * {@link #open(ModelStore, int)}.
 */
@ProviderType
public interface ModelSessions {

    /** Where the models are installed. */
    ModelStore store();

    /** The model's session, loaded on first use (concurrent callers wait for the one load). */
    SegmentationModel get(String id) throws ModelException;

    /** Sessions the caller owns: closing them closes every model they loaded. */
    interface Owned extends ModelSessions, AutoCloseable {
        @Override
        void close();
    }

    /** New sessions over {@code store}, each model's session with {@code threads} intra-op threads. */
    static Owned open(ModelStore store, int threads) {
        return new com.pexper.imaging.onnx.internal.LoadedModelSessions(store, threads);
    }

    /** Intra-op threads from {@code -Dpexper.onnx.threads} or PEXPER_ONNX_THREADS, else the default. */
    static int configuredThreads() {
        String value = System.getProperty("pexper.onnx.threads", System.getenv("PEXPER_ONNX_THREADS"));
        try {
            return value == null ? SegmentationModel.DEFAULT_THREADS : Math.max(1, Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            return SegmentationModel.DEFAULT_THREADS;
        }
    }
}
