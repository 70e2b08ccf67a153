package com.pexper.core.cache;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pexper.core.data.BooleanValue;
import com.pexper.core.data.DataType;
import com.pexper.core.data.FileValue;
import com.pexper.core.data.JsonValue;
import com.pexper.core.data.ListValue;
import com.pexper.core.data.NumberValue;
import com.pexper.core.data.TextValue;
import com.pexper.core.data.Value;

/** Writes and reads the values a persisted cache can hold: text, numbers, booleans, JSON, files and lists of them. */
final class ValueCodec {

    private ValueCodec() {
    }

    static boolean canPersist(Value value) {
        return switch (value) {
            case TextValue t -> true;
            case NumberValue n -> true;
            case BooleanValue b -> true;
            case JsonValue j -> true;
            case FileValue f -> true;
            case ListValue l -> l.items().stream().allMatch(ValueCodec::canPersist);
            default -> false;
        };
    }

    static void write(Value value, JsonGenerator out) throws IOException {
        out.writeStartObject();
        switch (value) {
            case TextValue t -> out.writeStringField("text", t.text());
            case NumberValue n -> out.writeNumberField("number", n.value());
            case BooleanValue b -> out.writeBooleanField("boolean", b.value());
            case JsonValue j -> {
                out.writeFieldName("json");
                out.writeTree(j.json());
            }
            case FileValue f -> out.writeStringField("file", f.path().toString());
            case ListValue l -> {
                out.writeStringField("of", l.elementType().id());
                out.writeArrayFieldStart("list");
                for (Value item : l.items()) {
                    write(item, out);
                }
                out.writeEndArray();
            }
            default -> throw new IllegalArgumentException("cannot persist " + value.type());
        }
        out.writeEndObject();
    }

    static Value read(JsonNode node, ObjectMapper mapper) throws IOException {
        if (node.has("text")) {
            return TextValue.of(node.get("text").asText());
        }
        if (node.has("number")) {
            return NumberValue.of(node.get("number").asDouble());
        }
        if (node.has("boolean")) {
            return BooleanValue.of(node.get("boolean").asBoolean());
        }
        if (node.has("json")) {
            return JsonValue.of(node.get("json"));
        }
        if (node.has("file")) {
            return FileValue.of(Path.of(node.get("file").asText()));
        }
        if (node.has("list")) {
            List<Value> items = new ArrayList<>();
            for (JsonNode item : node.get("list")) {
                items.add(read(item, mapper));
            }
            return new ListValue(DataType.parse(node.path("of").asText("any")), items);
        }
        throw new IOException("unknown value " + node);
    }
}
