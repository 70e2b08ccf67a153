package com.pexper.cli.internal;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pexper.core.data.BooleanValue;
import com.pexper.core.data.Conversions;
import com.pexper.core.data.FileValue;
import com.pexper.core.data.JsonValue;
import com.pexper.core.data.ListValue;
import com.pexper.core.data.NumberValue;
import com.pexper.core.data.TextValue;
import com.pexper.core.data.Value;

/** How values are printed: as text for people, as JSON for machines. */
final class Values {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Values() {
    }

    /** Text as it is, numbers plainly, JSON indented, files as paths, lists one item per line. */
    static String forPeople(Value value) {
        return switch (value) {
            case JsonValue j when !j.json().isTextual() -> {
                try {
                    yield MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(j.json());
                } catch (IOException e) {
                    yield j.json().toString();
                }
            }
            case ListValue list -> String.join("\n", list.items().stream().map(Values::forPeople).toList());
            case TextValue t -> t.text();
            case NumberValue n -> n.format();
            case BooleanValue b -> Boolean.toString(b.value());
            case FileValue f -> f.path().toString();
            case JsonValue j -> j.json().textValue();
            default -> tryText(value);
        };
    }

    private static String tryText(Value value) {
        try {
            return Conversions.asText(value);
        } catch (IllegalArgumentException e) {
            return value.summary();
        }
    }

    static void writeJson(Value value, JsonGenerator out) throws IOException {
        switch (value) {
            case TextValue t -> out.writeString(t.text());
            case NumberValue n -> {
                if (n.value() == Math.rint(n.value()) && Math.abs(n.value()) < 1e15) {
                    out.writeNumber((long) n.value());
                } else {
                    out.writeNumber(n.value());
                }
            }
            case BooleanValue b -> out.writeBoolean(b.value());
            case JsonValue j -> out.writeTree(j.json());
            case FileValue f -> out.writeString(f.path().toString());
            case ListValue list -> {
                out.writeStartArray();
                for (Value item : list.items()) {
                    writeJson(item, out);
                }
                out.writeEndArray();
            }
            default -> out.writeString(value.summary());
        }
    }
}
