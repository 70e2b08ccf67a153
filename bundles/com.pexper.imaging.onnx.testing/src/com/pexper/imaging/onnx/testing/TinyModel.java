package com.pexper.imaging.onnx.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes a tiny ONNX model with the IS-Net contract, so that the pipeline is tested without the
 * real 44-88 MB models: input {@code input [1, 3, S, S]}, output {@code output [1, 1, S, S]} = the
 * mean of the three channels (ReduceMean over axis 1), plus a side output like IS-Net's that must not
 * be fetched. A few hundred bytes of protobuf, encoded here field by field.
 */
public final class TinyModel {

    private TinyModel() {
    }

    /** @param inputChannels 3 for a fitting model; anything else makes one of the wrong shape */
    public static byte[] create(int size, int inputChannels) {
        byte[] mean = node("ReduceMean", "input", "output", attributeInts("axes", 1), attributeInt("keepdims", 1));
        byte[] side = node("Identity", "input", "side", null, null);
        Proto graph = new Proto()
                .bytes(1, mean).bytes(1, side)
                .string(2, "tiny-isnet")
                .bytes(11, valueInfo("input", 1, inputChannels, size, size))
                .bytes(12, valueInfo("output", 1, 1, size, size))
                .bytes(12, valueInfo("side", 1, inputChannels, size, size));
        return new Proto()
                .varint(1, 8) // IR version
                .string(2, "pexper-tests")
                .bytes(7, graph.toBytes())
                .bytes(8, new Proto().string(1, "").varint(2, 15).toBytes()) // opset 15
                .toBytes();
    }

    private static byte[] node(String op, String input, String output, byte[] attr1, byte[] attr2) {
        Proto node = new Proto().string(1, input).string(2, output).string(4, op);
        if (attr1 != null) {
            node.bytes(5, attr1);
        }
        if (attr2 != null) {
            node.bytes(5, attr2);
        }
        return node.toBytes();
    }

    private static byte[] attributeInts(String name, long value) {
        return new Proto().string(1, name).varint(8, value).varint(20, 7).toBytes(); // INTS
    }

    private static byte[] attributeInt(String name, long value) {
        return new Proto().string(1, name).varint(3, value).varint(20, 2).toBytes(); // INT
    }

    private static byte[] valueInfo(String name, long... dims) {
        Proto shape = new Proto();
        for (long dim : dims) {
            shape.bytes(1, new Proto().varint(1, dim).toBytes());
        }
        byte[] tensor = new Proto().varint(1, 1).bytes(2, shape.toBytes()).toBytes(); // FLOAT
        byte[] type = new Proto().bytes(1, tensor).toBytes();
        return new Proto().string(1, name).bytes(2, type).toBytes();
    }

    /** The protobuf wire format, as much as a model needs. */
    private static final class Proto {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Proto varint(int field, long value) {
            key(field, 0);
            writeVarint(value);
            return this;
        }

        Proto string(int field, String value) {
            return bytes(field, value.getBytes(StandardCharsets.UTF_8));
        }

        Proto bytes(int field, byte[] value) {
            key(field, 2);
            writeVarint(value.length);
            out.writeBytes(value);
            return this;
        }

        private void key(int field, int wireType) {
            writeVarint((long) field << 3 | wireType);
        }

        private void writeVarint(long value) {
            while ((value & ~0x7FL) != 0) {
                out.write((int) (value & 0x7F) | 0x80);
                value >>>= 7;
            }
            out.write((int) value);
        }

        byte[] toBytes() {
            return out.toByteArray();
        }
    }
}
