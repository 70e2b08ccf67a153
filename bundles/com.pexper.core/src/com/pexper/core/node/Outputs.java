package com.pexper.core.node;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import com.pexper.core.data.Value;

/** What a node produced, by output port. */
public final class Outputs {

    private final Map<String, Value> values;

    private Outputs(Map<String, Value> values) {
        this.values = Map.copyOf(values);
    }

    public static Outputs of(String port, Value value) {
        return new Outputs(Map.of(port, Objects.requireNonNull(value, port)));
    }

    public static Outputs none() {
        return new Outputs(Map.of());
    }

    public static Builder builder() {
        return new Builder();
    }

    public Value get(String port) {
        return values.get(port);
    }

    public Map<String, Value> asMap() {
        return values;
    }

    public static final class Builder {
        private final Map<String, Value> values = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder put(String port, Value value) {
            values.put(port, Objects.requireNonNull(value, port));
            return this;
        }

        public Outputs build() {
            return new Outputs(values);
        }
    }
}
