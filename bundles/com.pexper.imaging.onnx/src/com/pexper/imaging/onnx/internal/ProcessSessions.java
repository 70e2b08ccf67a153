package com.pexper.imaging.onnx.internal;

import com.pexper.core.home.PexperHome;
import com.pexper.imaging.onnx.ModelCatalog;
import com.pexper.imaging.onnx.ModelSessions;
import com.pexper.imaging.onnx.ModelStore;

/**
 * The sessions the background-removal nodes share. ONNX Runtime's environment is itself one per
 * process, and a session per model per process is the point (loading one takes seconds), so this is
 * deliberately process-wide; it is reached only by this bundle's node factories.
 */
final class ProcessSessions {

    private static volatile ModelSessions sessions;

    private ProcessSessions() {
    }

    static ModelSessions get() {
        ModelSessions result = sessions;
        if (result == null) {
            synchronized (ProcessSessions.class) {
                result = sessions;
                if (result == null) {
                    ModelStore store = new ModelStore(PexperHome.fromEnvironment().models(), ModelCatalog.builtIn());
                    result = new ModelSessions(store, ModelSessions.configuredThreads());
                    sessions = result;
                }
            }
        }
        return result;
    }

    /** For tests: sessions over another store (a tiny model, a temporary folder). */
    static synchronized void use(ModelSessions replacement) {
        if (sessions != null && sessions != replacement) {
            sessions.close();
        }
        sessions = replacement;
    }
}
