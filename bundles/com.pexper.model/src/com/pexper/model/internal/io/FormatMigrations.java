package com.pexper.model.internal.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pexper.model.io.WorkflowFormatException;

/**
 * Upgrades workflow documents written by older Pexper versions to the current format, one step at a
 * time, on the JSON tree before it is read into the model. Each step is a pure function of the
 * previous version's document, so a file from any earlier version upgrades through the chain.
 */
final class FormatMigrations {

    /** The format this Pexper writes. */
    static final int CURRENT = 2;

    private FormatMigrations() {
    }

    /**
     * Returns the version a document declares: {@code formatVersion}, or the preview format's
     * {@code version}.
     */
    static int versionOf(ObjectNode document, String source) throws WorkflowFormatException {
        JsonNode version = document.get("formatVersion");
        if (version == null) {
            version = document.get("version"); // the 0.0.x preview format (1) named it so
        }
        if (version == null) {
            throw new WorkflowFormatException(source,
                    "not a Pexper workflow: there is no \"formatVersion\". Open a .pexper file saved by Pexper.");
        }
        if (!version.canConvertToInt() || !version.isIntegralNumber() || version.intValue() < 1) {
            throw new WorkflowFormatException(source,
                    "\"formatVersion\" must be a positive whole number, not " + version);
        }
        int value = version.intValue();
        if (value > CURRENT) {
            throw new WorkflowFormatException(source, "this workflow was saved by a newer Pexper (format " + value
                    + "); this version reads formats up to " + CURRENT + ". Update Pexper to open it.");
        }
        return value;
    }

    /** Brings the document to {@link #CURRENT}, in place. */
    static ObjectNode upgrade(ObjectNode document, int version) {
        ObjectNode current = document;
        for (int v = version; v < CURRENT; v++) {
            current = switch (v) {
                case 1 -> from1To2(current);
                default -> throw new IllegalStateException("no migration from format " + v);
            };
        }
        return current;
    }

    /**
     * Format 1 (the preview) kept positions as x/y fields, parameters as a list of
     * {name, type, value} and connections as four separate fields. Format 2 is the compact,
     * diff-friendly form: "position": [x, y], "parameters": {name: value} and
     * {"from": "node.port", "to": "node.port"}.
     */
    private static ObjectNode from1To2(ObjectNode v1) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode v2 = json.objectNode();
        v2.put("formatVersion", 2);
        copyIfPresent(v1, v2, "name");
        copyIfPresent(v1, v2, "description");
        copyIfPresent(v1, v2, "metadata");
        ArrayNode nodes = v2.putArray("nodes");
        for (JsonNode oldNode : v1.path("nodes")) {
            ObjectNode node = nodes.addObject();
            copyIfPresent(oldNode, node, "id");
            copyIfPresent(oldNode, node, "type");
            if (oldNode.has("typeVersion")) {
                node.set("version", oldNode.get("typeVersion"));
            }
            copyIfPresent(oldNode, node, "label");
            if (oldNode.has("x") || oldNode.has("y")) {
                node.putArray("position").add(oldNode.path("x").asDouble()).add(oldNode.path("y").asDouble());
            }
            if (oldNode.has("params")) {
                ObjectNode parameters = node.putObject("parameters");
                for (JsonNode param : oldNode.get("params")) {
                    String type = param.path("type").asText("string");
                    JsonNode value = param.get("value");
                    String name = param.path("name").asText();
                    switch (type) {
                        case "choice", "file", "color", "credential" -> parameters.putObject(name).set(type, value);
                        default -> parameters.set(name, value);
                    }
                }
            }
        }
        ArrayNode connections = v2.putArray("connections");
        for (JsonNode old : v1.path("connections")) {
            ObjectNode connection = connections.addObject();
            connection.put("from", old.path("source").asText() + "." + old.path("sourcePort").asText());
            connection.put("to", old.path("target").asText() + "." + old.path("targetPort").asText());
        }
        return v2;
    }

    private static void copyIfPresent(JsonNode from, ObjectNode to, String field) {
        if (from.has(field)) {
            to.set(field, from.get(field));
        }
    }
}
