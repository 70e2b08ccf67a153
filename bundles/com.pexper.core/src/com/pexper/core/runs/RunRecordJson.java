package com.pexper.core.runs;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.pexper.core.engine.NodeOutcome;

/** How run records write a node's outcome, for other JSON that shows runs the same way. */
public final class RunRecordJson {

    private RunRecordJson() {
    }

    /**
     * Writes how one node fared (id, type, status, duration, cache hit, items and their failures,
     * error) into the JSON object being written: the form of run records and of `pexper run --json`.
     */
    public static void writeNodeFields(NodeOutcome node, JsonGenerator out) throws IOException {
        out.writeStringField("id", node.nodeId());
        out.writeStringField("type", node.typeId());
        out.writeStringField("status", node.status().name());
        out.writeNumberField("durationMillis", node.durationNanos() / 1_000_000.0);
        out.writeBooleanField("cached", node.cached());
        if (node.items() >= 0) {
            out.writeNumberField("items", node.items());
            out.writeNumberField("cachedItems", node.cachedItems());
            out.writeArrayFieldStart("failedItems");
            for (NodeOutcome.ItemFailure failure : node.itemFailures()) {
                out.writeStartObject();
                out.writeNumberField("index", failure.index());
                out.writeStringField("item", failure.item());
                out.writeStringField("error", failure.message());
                out.writeEndObject();
            }
            out.writeEndArray();
        }
        if (node.error() != null) {
            out.writeStringField("error", node.error());
        }
    }
}
