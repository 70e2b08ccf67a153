package com.pexper.ui.graph;

import java.util.Map;

import org.eclipse.swt.graphics.RGB;

import com.pexper.core.data.DataType;

/**
 * One colour per data type, the same on ports, connections, in the editor's legend and in the Node
 * Repository, so that a user sees at a glance what fits where. A list has its element's colour
 * (drawn as a ring).
 */
public final class PortColors {

    private static final Map<String, RGB> BY_TYPE = Map.of(
            "text", new RGB(0x3d, 0x8b, 0xe0),
            "number", new RGB(0xe0, 0x8f, 0x2a),
            "boolean", new RGB(0xa5, 0x5c, 0xd6),
            "json", new RGB(0x3f, 0xa8, 0x5a),
            "file", new RGB(0x8d, 0x6e, 0x63),
            "image", new RGB(0xd9, 0x4a, 0x7f));
    private static final RGB ANY = new RGB(0x90, 0x96, 0x9e);

    private PortColors() {
    }

    public static RGB of(DataType type) {
        DataType element = type.isList() ? type.element() : type;
        return BY_TYPE.getOrDefault(element.id(), ANY);
    }
}
