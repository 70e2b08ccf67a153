package com.pexper.core.data;

import java.util.List;
import java.util.Objects;

/** An ordered list of values of one type. */
public record ListValue(DataType elementType, List<Value> items) implements Value {

    public ListValue {
        Objects.requireNonNull(elementType, "elementType");
        items = List.copyOf(items);
    }

    public static ListValue of(DataType elementType, List<? extends Value> items) {
        return new ListValue(elementType, List.copyOf(items));
    }

    @Override
    public DataType type() {
        return DataType.listOf(elementType);
    }

    public int size() {
        return items.size();
    }

    public Value get(int index) {
        return items.get(index);
    }

    @Override
    public long sizeBytes() {
        long size = 48 + 8L * items.size();
        for (Value item : items) {
            size += item.sizeBytes();
        }
        return size;
    }

    @Override
    public String summary() {
        StringBuilder text = new StringBuilder().append(items.size()).append(items.size() == 1 ? " item" : " items");
        if (!items.isEmpty()) {
            text.append(": ").append(items.get(0).summary());
            if (items.size() > 1) {
                text.append(", ...");
            }
        }
        return Summaries.shorten(text.toString());
    }
}
