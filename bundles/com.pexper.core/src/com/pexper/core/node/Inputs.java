package com.pexper.core.node;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;

import com.pexper.core.data.Conversions;
import com.pexper.core.data.FileValue;
import com.pexper.core.data.ListValue;
import com.pexper.core.data.NumberValue;
import com.pexper.core.data.Value;

import org.osgi.annotation.versioning.ProviderType;

/** The values arriving at a node's input ports, already converted to each port's declared type. */
@ProviderType
public final class Inputs {

    private final Map<String, Value> values;

    private Inputs(Map<String, Value> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    public static Inputs of(Map<String, Value> values) {
        return new Inputs(values);
    }

    public static Inputs none() {
        return new Inputs(Map.of());
    }

    /** The value at a port, or null when an optional port is not connected. */
    public Value get(String port) {
        return values.get(port);
    }

    public boolean has(String port) {
        return values.get(port) != null;
    }

    public <T extends Value> T get(String port, Class<T> type) {
        Value value = values.get(port);
        if (value == null) {
            throw new IllegalStateException("input '" + port + "' has no value");
        }
        return type.cast(value);
    }

    /** The text form of the value at a port (Numbers, Booleans, JSON and files convert). */
    public String text(String port) {
        Value value = values.get(port);
        return value == null ? null : Conversions.asText(value);
    }

    public double number(String port) {
        return get(port, NumberValue.class).value();
    }

    public Path path(String port) {
        return get(port, FileValue.class).path();
    }

    public ListValue list(String port) {
        return get(port, ListValue.class);
    }

    public Map<String, Value> asMap() {
        return values;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
