package com.pexper.core.data;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.pexper.model.text.Quote;

/**
 * The conversions the engine applies by itself when a connection joins two different types:
 * anything to Text (Number "3", Boolean "true", JSON serialised, File its path), Text to File
 * (a path), Text to JSON (parsed: the text must be a JSON document), Number and Boolean to JSON,
 * anything to Any, and list to list item by item. A single value fed to a port that takes a list
 * becomes a one-item list. Nothing that can lose information silently; a conversion that cannot
 * be done (text that is not JSON) fails the node with the reason.
 */
public final class Conversions {

    private Conversions() {
    }

    public static boolean canConvert(DataType from, DataType to) {
        if (from.equals(to) || to.equals(DataType.ANY)) {
            return true;
        }
        if (from.isList() && to.isList()) {
            return canConvert(from.element(), to.element());
        }
        if (to.isList()) {
            return canConvert(from, to.element());
        }
        if (from.isList() || from.equals(DataType.ANY)) {
            return false;
        }
        if (to.equals(DataType.TEXT)) {
            return !from.equals(DataType.IMAGE);
        }
        if (to.equals(DataType.FILE)) {
            return from.equals(DataType.TEXT);
        }
        if (to.equals(DataType.JSON)) {
            return from.equals(DataType.TEXT) || from.equals(DataType.NUMBER) || from.equals(DataType.BOOLEAN);
        }
        return false;
    }

    /**
     * Converts a value to a type {@link #canConvert} allows; a Text becoming a File is a path
     * relative to the working folder.
     *
     * @throws IllegalArgumentException if the value cannot be converted (a Text that is no path)
     */
    public static Value convert(Value value, DataType to) {
        return convert(value, to, Path.of("").toAbsolutePath());
    }

    /**
     * Converts a value to a type {@link #canConvert} allows; a Text becoming a File is a path
     * relative to {@code baseDirectory} (a workflow's folder), as a File parameter's would be.
     *
     * @throws IllegalArgumentException if the value cannot be converted (a Text that is no path)
     */
    public static Value convert(Value value, DataType to, Path baseDirectory) {
        DataType from = value.type();
        if (from.equals(to) || to.equals(DataType.ANY)) {
            return value;
        }
        if (to.isList()) {
            if (value instanceof ListValue list) {
                List<Value> items = new ArrayList<>(list.size());
                for (Value item : list.items()) {
                    items.add(convert(item, to.element(), baseDirectory));
                }
                return new ListValue(to.element(), items);
            }
            return new ListValue(to.element(), List.of(convert(value, to.element(), baseDirectory)));
        }
        if (to.equals(DataType.TEXT)) {
            return TextValue.of(asText(value));
        }
        if (to.equals(DataType.FILE) && value instanceof TextValue text) {
            try {
                return FileValue.of(baseDirectory.resolve(text.text()));
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException(Quote.of(text.text()) + " is not a file path: " + e.getReason());
            }
        }
        if (to.equals(DataType.JSON)) {
            JsonNodeFactory json = JsonNodeFactory.instance;
            return switch (value) {
                case TextValue t -> parseJson(t.text());
                case NumberValue n -> JsonValue.of(n.value() == Math.rint(n.value()) && Math.abs(n.value()) < 1e15
                        ? json.numberNode((long) n.value()) : json.numberNode(n.value()));
                case BooleanValue b -> JsonValue.of(json.booleanNode(b.value()));
                default -> throw cannot(value, to);
            };
        }
        throw cannot(value, to);
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER =
            new com.fasterxml.jackson.databind.ObjectMapper();

    private static JsonValue parseJson(String text) {
        try {
            com.fasterxml.jackson.databind.JsonNode node = MAPPER.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new IllegalArgumentException("the text is empty, not JSON");
            }
            return JsonValue.of(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("the text is not valid JSON" + Quote.jsonLocation(e) + ": "
                    + Quote.jsonProblem(e));
        }
    }

    /** The text form of a value: what Number, Boolean, JSON and File become when Text is needed. */
    public static String asText(Value value) {
        return switch (value) {
            case TextValue t -> t.text();
            case NumberValue n -> n.format();
            case BooleanValue b -> Boolean.toString(b.value());
            case JsonValue j -> j.json().isTextual() ? j.json().textValue() : j.json().toString();
            case FileValue f -> f.path().toString();
            case ListValue l -> {
                List<String> parts = new ArrayList<>(l.size());
                for (Value item : l.items()) {
                    parts.add(asText(item));
                }
                yield String.join("\n", parts);
            }
            default -> throw cannot(value, DataType.TEXT);
        };
    }

    private static IllegalArgumentException cannot(Value value, DataType to) {
        return new IllegalArgumentException(value.type().displayName() + " cannot be converted to " + to.displayName());
    }
}
