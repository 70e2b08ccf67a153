package com.pexper.core.data;

public record NumberValue(double value) implements Value {

    public static NumberValue of(double value) {
        return new NumberValue(value);
    }

    @Override
    public DataType type() {
        return DataType.NUMBER;
    }

    @Override
    public long sizeBytes() {
        return 24;
    }

    /** Whole numbers without a fraction ("3", not "3.0"); others in the shortest exact form. */
    public String format() {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    @Override
    public String summary() {
        return format();
    }
}
