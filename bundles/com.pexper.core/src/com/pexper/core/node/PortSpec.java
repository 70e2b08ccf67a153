package com.pexper.core.node;

import java.util.Objects;

import com.pexper.core.data.DataType;

/**
 * An input or output of a node type.
 *
 * @param required for inputs: whether a connection is needed for the node to run
 */
public record PortSpec(String name, DataType type, String label, boolean required, String description) {

    public PortSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        label = label == null ? name : label;
        description = description == null ? "" : description;
    }

    public static PortSpec required(String name, DataType type, String description) {
        return new PortSpec(name, type, null, true, description);
    }

    public static PortSpec optional(String name, DataType type, String description) {
        return new PortSpec(name, type, null, false, description);
    }

    public static PortSpec output(String name, DataType type, String description) {
        return new PortSpec(name, type, null, false, description);
    }
}
