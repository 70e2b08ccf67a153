package com.pexper.core.data;

import java.util.Objects;

public record TextValue(String text) implements Value {

    public TextValue {
        Objects.requireNonNull(text, "text");
    }

    public static TextValue of(String text) {
        return new TextValue(text);
    }

    @Override
    public DataType type() {
        return DataType.TEXT;
    }

    @Override
    public long sizeBytes() {
        return 40 + 2L * text.length();
    }

    @Override
    public String summary() {
        return Summaries.quote(text);
    }
}
