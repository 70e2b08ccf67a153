package com.pexper.core.data;

public record BooleanValue(boolean value) implements Value {

    public static final BooleanValue TRUE = new BooleanValue(true);
    public static final BooleanValue FALSE = new BooleanValue(false);

    public static BooleanValue of(boolean value) {
        return value ? TRUE : FALSE;
    }

    @Override
    public DataType type() {
        return DataType.BOOLEAN;
    }

    @Override
    public long sizeBytes() {
        return 16;
    }

    @Override
    public String summary() {
        return Boolean.toString(value);
    }
}
