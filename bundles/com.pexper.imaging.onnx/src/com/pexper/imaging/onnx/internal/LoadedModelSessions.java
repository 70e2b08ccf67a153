package com.pexper.imaging.onnx.internal;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

import com.pexper.core.home.PexperHome;
import com.pexper.imaging.onnx.ModelCatalog;
import com.pexper.imaging.onnx.ModelException;
import com.pexper.imaging.onnx.ModelSessions;
import com.pexper.imaging.onnx.ModelStore;
import com.pexper.imaging.onnx.SegmentationModel;

/**
 * The application's model sessions, as a Declarative Services component: the catalogue's models in
 * {@code PEXPER_HOME/models}, each loaded on first use and kept until the component is deactivated,
 * so a workbench that runs a workflow again does not load its model again.
 */
@Component(service = ModelSessions.class)
public final class LoadedModelSessions implements ModelSessions.Owned {

    private final ModelStore store;
    private final int threads;
    private final Map<String, SegmentationModel> loaded = new HashMap<>();

    /** The installed models of the data folder the environment names. */
    public LoadedModelSessions() {
        this(new ModelStore(PexperHome.fromEnvironment().models(), ModelCatalog.builtIn()),
                ModelSessions.configuredThreads());
    }

    public LoadedModelSessions(ModelStore store, int threads) {
        this.store = store;
        this.threads = threads;
    }

    @Override
    public ModelStore store() {
        return store;
    }

    @Override
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
    @Deactivate
    public synchronized void close() {
        loaded.values().forEach(SegmentationModel::close);
        loaded.clear();
    }
}
