package com.pexper.edit;

import com.pexper.core.data.Conversions;
import com.pexper.core.data.DataType;

/** Whether an output may feed an input, and how: what the editor shows while a connection is dragged. */
public enum PortMatch {
    /** The same type, or an input that takes anything. */
    FITS,
    /** The value is converted on the way (Number to Text, Text to File, ...). */
    CONVERTS,
    /** A list feeds an input that takes one item: the node runs once per item. */
    PER_ITEM,
    /** The types do not fit: the connection is refused. */
    REFUSED;

    public static PortMatch of(DataType output, DataType input) {
        if (output.equals(input) || input.equals(DataType.ANY)) {
            return FITS;
        }
        if (Conversions.canConvert(output, input)) {
            return CONVERTS;
        }
        if (output.isList() && Conversions.canConvert(output.element(), input)) {
            return PER_ITEM;
        }
        return REFUSED;
    }

    public boolean connects() {
        return this != REFUSED;
    }
}
