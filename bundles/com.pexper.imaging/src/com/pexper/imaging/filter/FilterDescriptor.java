package com.pexper.imaging.filter;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import com.pexper.core.node.ParameterSpec;
import com.pexper.core.node.PortSpec;

/**
 * A filter as declared: what users see and the node type is built from. The filter's code is
 * created by {@code factory} only when first used.
 *
 * @param inputs the extra image inputs, besides the {@code image} every filter has
 * @param contributor the contributing bundle, or null when registered in code
 */
public record FilterDescriptor(String id, String version, String label, String description,
        List<ParameterSpec> parameters, List<PortSpec> inputs, String contributor, Supplier<ImageFilter> factory) {

    public FilterDescriptor {
        Objects.requireNonNull(id, "id");
        version = version == null ? "1.0.0" : version;
        label = label == null ? id : label;
        description = description == null ? "" : description;
        parameters = List.copyOf(parameters);
        inputs = List.copyOf(inputs);
        Objects.requireNonNull(factory, "factory");
    }
}
