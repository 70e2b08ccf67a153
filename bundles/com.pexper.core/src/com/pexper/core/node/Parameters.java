package com.pexper.core.node;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A node's parameter values, defaults filled in: String for text, choices, file paths, colours and
 * credential names; Long, Double and Boolean for the others. File paths are resolved against the
 * workflow's folder.
 */
@ProviderType
public final class Parameters {

    private final Map<String, Object> values;
    private final Map<String, ParameterType> types;
    private final Path baseDirectory;

    private Parameters(Map<String, Object> values, Map<String, ParameterType> types, Path baseDirectory) {
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
        this.types = Map.copyOf(types);
        this.baseDirectory = baseDirectory;
    }

    /**
     * @param values by parameter name; types as in the class comment
     * @param types the declared type of each parameter, which decides how values are resolved
     * @param baseDirectory the folder relative file paths are resolved against
     */
    public static Parameters of(Map<String, Object> values, Map<String, ParameterType> types, Path baseDirectory) {
        return new Parameters(values, types, baseDirectory);
    }

    /** For tests and programmatic use: values whose types follow from their Java classes, paths against the working folder. */
    public static Parameters of(Map<String, Object> values) {
        return new Parameters(values, Map.of(), Path.of("").toAbsolutePath());
    }

    public boolean isSet(String name) {
        return values.get(name) != null;
    }

    public Object raw(String name) {
        return values.get(name);
    }

    public String string(String name) {
        Object value = values.get(name);
        return value == null ? null : value.toString();
    }

    public long integer(String name) {
        Object value = require(name);
        if (value instanceof Number number) {
            return number.longValue();
        }
        throw wrongType(name, "a whole number", value);
    }

    public double decimal(String name) {
        Object value = require(name);
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        throw wrongType(name, "a number", value);
    }

    public boolean flag(String name) {
        Object value = require(name);
        if (value instanceof Boolean bool) {
            return bool;
        }
        throw wrongType(name, "true or false", value);
    }

    /** A FILE parameter as an absolute path, resolved against the workflow's folder; null when unset. */
    public Path path(String name) {
        String text = string(name);
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return baseDirectory.resolve(text).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("parameter '" + name + "': '" + text + "' is not a valid path");
        }
    }

    public Path baseDirectory() {
        return baseDirectory;
    }

    /**
     * A stable text form of all values, for cache keys: sorted by name, typed, file paths absolute
     * (the same relative path in two folders is two different files).
     */
    public String canonical() {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            Object value = entry.getValue();
            if (types.get(entry.getKey()) == ParameterType.FILE && value != null) {
                value = path(entry.getKey());
            }
            String kind = value == null ? "null" : value.getClass().getSimpleName();
            String literal = String.valueOf(value);
            text.append(entry.getKey().length()).append(':').append(entry.getKey()).append('=')
                    .append(kind).append(':').append(literal.length()).append(':').append(literal).append(';');
        }
        return text.toString();
    }

    private Object require(String name) {
        Object value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("parameter '" + name + "' is not set and has no default");
        }
        return value;
    }

    private static IllegalArgumentException wrongType(String name, String expected, Object value) {
        return new IllegalArgumentException("parameter '" + name + "' should be " + expected + ", not '" + value + "'");
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
