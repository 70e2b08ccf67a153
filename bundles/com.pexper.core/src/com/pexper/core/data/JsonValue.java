package com.pexper.core.data;

import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

/** A JSON document or fragment. The tree must not be modified once wrapped. */
public record JsonValue(JsonNode json) implements Value {

    public JsonValue {
        Objects.requireNonNull(json, "json");
    }

    public static JsonValue of(JsonNode json) {
        return new JsonValue(json);
    }

    @Override
    public DataType type() {
        return DataType.JSON;
    }

    @Override
    public long sizeBytes() {
        return 64 + 4L * json.toString().length();
    }

    @Override
    public String summary() {
        return Summaries.shorten(json.toString());
    }
}
