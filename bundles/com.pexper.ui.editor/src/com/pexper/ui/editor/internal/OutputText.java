package com.pexper.ui.editor.internal;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pexper.core.data.BooleanValue;
import com.pexper.core.data.FileValue;
import com.pexper.core.data.JsonValue;
import com.pexper.core.data.ListValue;
import com.pexper.core.data.NumberValue;
import com.pexper.core.data.TextValue;
import com.pexper.core.data.Value;

/** A node's result in full as the Output view shows it in words: JSON pretty-printed, a list item after item. */
final class OutputText {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OutputText() {
    }

    /** What a value is, in words, for the line above it. */
    static String kind(Value value) {
        return switch (value) {
            case TextValue t when looksLikeJson(t.text()) -> "JSON, pretty-printed";
            case TextValue t -> String.format(Locale.ROOT, "text, %,d characters", t.text().length());
            case JsonValue j -> "JSON, pretty-printed";
            case ListValue l -> String.format(Locale.ROOT, "a list of %,d", l.items().size());
            case NumberValue n -> "a number";
            case BooleanValue b -> "yes or no";
            case FileValue f -> "a file";
            default -> value.type().toString().toLowerCase(Locale.ROOT);
        };
    }

    /** The value in full, as text: JSON pretty-printed, a list item after item. */
    static String of(Value value) {
        return switch (value) {
            case TextValue t when looksLikeJson(t.text()) -> pretty(t.text());
            case TextValue t -> t.text();
            case JsonValue j -> j.json().toPrettyString();
            case NumberValue n -> n.format();
            case BooleanValue b -> b.value() ? "yes" : "no";
            case FileValue f -> f.path().toString();
            case ListValue l -> {
                StringBuilder all = new StringBuilder();
                for (int i = 0; i < l.items().size(); i++) {
                    all.append(i == 0 ? "" : "\n\n").append("\u2500\u2500 ").append(i + 1).append(" of ")
                            .append(l.items().size()).append(" \u2500\u2500\n").append(of(l.items().get(i)));
                }
                yield all.toString();
            }
            default -> value.summary();
        };
    }

    private static boolean looksLikeJson(String text) {
        String trimmed = text.strip();
        return trimmed.length() >= 2 && (trimmed.startsWith("{") && trimmed.endsWith("}")
                || trimmed.startsWith("[") && trimmed.endsWith("]")) && pretty(trimmed) != null;
    }

    private static String pretty(String json) {
        try {
            JsonNode tree = JSON.readTree(json);
            return tree.toPrettyString();
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
