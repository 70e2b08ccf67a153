package com.pexper.core.data;

import java.util.Objects;

/**
 * The type of a value flowing along a connection. The scalar types are fixed; {@link #listOf}
 * builds list types of any depth. {@link #ANY} accepts every value.
 */
public final class DataType {

    public static final DataType TEXT = new DataType("text", null);
    public static final DataType NUMBER = new DataType("number", null);
    public static final DataType BOOLEAN = new DataType("boolean", null);
    public static final DataType JSON = new DataType("json", null);
    public static final DataType FILE = new DataType("file", null);
    /** A decoded image; the imaging bundle provides its values. */
    public static final DataType IMAGE = new DataType("image", null);
    public static final DataType ANY = new DataType("any", null);

    private final String id;
    private final DataType element;

    private DataType(String id, DataType element) {
        this.id = id;
        this.element = element;
    }

    public static DataType listOf(DataType element) {
        return new DataType("list<" + element.id + ">", Objects.requireNonNull(element));
    }

    /** Parses an id as written by {@link #id()}: "text", "list<number>", ... */
    public static DataType parse(String id) {
        String trimmed = id.trim();
        if (trimmed.startsWith("list<") && trimmed.endsWith(">")) {
            return listOf(parse(trimmed.substring(5, trimmed.length() - 1)));
        }
        return switch (trimmed) {
            case "text" -> TEXT;
            case "number" -> NUMBER;
            case "boolean" -> BOOLEAN;
            case "json" -> JSON;
            case "file" -> FILE;
            case "image" -> IMAGE;
            case "any" -> ANY;
            default -> throw new IllegalArgumentException("unknown data type '" + id
                    + "'; use text, number, boolean, json, file, image, any or list<...>");
        };
    }

    public String id() {
        return id;
    }

    public boolean isList() {
        return element != null;
    }

    /** The type of the items of a list type; null for other types. */
    public DataType element() {
        return element;
    }

    /** A name for messages: "Text", "List of Number". */
    public String displayName() {
        if (element != null) {
            return "List of " + element.displayName();
        }
        return id.equals("json") ? "JSON" : Character.toUpperCase(id.charAt(0)) + id.substring(1);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DataType other && other.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return id;
    }
}
