package com.pexper.model.internal.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pexper.model.Connection;
import com.pexper.model.Node;
import com.pexper.model.ParameterValue;
import com.pexper.model.Workflow;
import com.pexper.model.WorkflowFactory;
import com.pexper.model.io.WorkflowFormatException;
import com.pexper.model.text.Quote;

/**
 * Reads a .pexper JSON document into the EMF model. Upgrades older formats first; refuses what it
 * cannot represent faithfully (an unknown field, a value of an unsupported shape) with a message
 * that names the node and field, so nothing the user wrote is silently dropped.
 */
public final class JsonWorkflowReader {

    private static final Set<String> WORKFLOW_FIELDS = Set.of("formatVersion", "name", "description", "metadata",
            "nodes", "connections");
    private static final Set<String> NODE_FIELDS = Set.of("id", "type", "version", "label", "position",
            "parameters");
    private static final Set<String> CONNECTION_FIELDS = Set.of("from", "to");

    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();
    private final WorkflowFactory factory = WorkflowFactory.eINSTANCE;

    public Workflow read(InputStream in, String source) throws IOException {
        JsonNode root;
        try (JsonParser parser = mapper.createParser(in)) {
            root = mapper.readTree(parser);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new WorkflowFormatException(source, at == null ? -1 : at.getLineNr(),
                    at == null ? -1 : at.getColumnNr(),
                    "not valid JSON (" + Quote.jsonProblem(e) + "). Fix the syntax there, or restore the "
                            + ".bak copy Pexper keeps next to the file.",
                    e);
        }
        if (root == null || root.isMissingNode()) {
            throw new WorkflowFormatException(source, "the file is empty. Restore it from the .bak copy next to it.");
        }
        if (!(root instanceof ObjectNode document)) {
            throw new WorkflowFormatException(source, "a workflow is a JSON object {...}, not " + kind(root));
        }
        int version = FormatMigrations.versionOf(document, source);
        ObjectNode current = FormatMigrations.upgrade(document, version);
        Workflow workflow = toWorkflow(current, new Context(source));
        workflow.setFormatVersion(version);
        return workflow;
    }

    private Workflow toWorkflow(ObjectNode json, Context where) throws WorkflowFormatException {
        where.checkFields(json, WORKFLOW_FIELDS, "the workflow");
        Workflow workflow = factory.createWorkflow();
        workflow.setName(where.optionalText(json, "name", "the workflow"));
        workflow.setDescription(where.optionalText(json, "description", "the workflow"));
        JsonNode metadata = json.get("metadata");
        if (metadata != null && !metadata.isNull()) {
            if (!metadata.isObject()) {
                throw where.error("\"metadata\" must be an object of text values");
            }
            for (Map.Entry<String, JsonNode> entry : metadata.properties()) {
                if (!entry.getValue().isValueNode() || entry.getValue().isNull()) {
                    throw where.error("metadata " + Quote.of(entry.getKey()) + " must be text, a number or a boolean");
                }
                workflow.getMetadata().put(entry.getKey(), entry.getValue().asText());
            }
        }
        for (JsonNode node : where.array(json, "nodes", "the workflow")) {
            workflow.getNodes().add(toNode(node, where));
        }
        for (JsonNode connection : where.array(json, "connections", "the workflow")) {
            workflow.getConnections().add(toConnection(connection, where));
        }
        return workflow;
    }

    private Node toNode(JsonNode json, Context where) throws WorkflowFormatException {
        if (!json.isObject()) {
            throw where.error("each entry of \"nodes\" must be an object, found " + kind(json));
        }
        String id = where.optionalText(json, "id", "a node");
        String subject = id == null ? "a node without \"id\"" : "node '" + Quote.shorten(id) + "'";
        where.checkFields(json, NODE_FIELDS, subject);
        Node node = factory.createNode();
        node.setId(id);
        node.setType(where.optionalText(json, "type", subject));
        node.setTypeVersion(where.optionalText(json, "version", subject));
        node.setLabel(where.optionalText(json, "label", subject));
        JsonNode position = json.get("position");
        if (position != null && !position.isNull()) {
            if (!position.isArray() || position.size() != 2 || !position.get(0).isNumber()
                    || !position.get(1).isNumber()) {
                throw where.error(subject + ": \"position\" must be [x, y] with two numbers");
            }
            node.setX(position.get(0).doubleValue());
            node.setY(position.get(1).doubleValue());
        }
        JsonNode parameters = json.get("parameters");
        if (parameters != null && !parameters.isNull()) {
            if (!parameters.isObject()) {
                throw where.error(subject + ": \"parameters\" must be an object {name: value}");
            }
            for (Map.Entry<String, JsonNode> entry : parameters.properties()) {
                node.getParameters().add(toParameter(entry.getKey(), entry.getValue(), subject, where));
            }
        }
        return node;
    }

    private ParameterValue toParameter(String name, JsonNode json, String subject, Context where)
            throws WorkflowFormatException {
        String what = subject + ", parameter '" + Quote.shorten(name) + "'";
        ParameterValue value;
        if (json.isTextual()) {
            var p = factory.createStringParameter();
            p.setValue(json.textValue());
            value = p;
        } else if (json.isIntegralNumber()) {
            if (!json.canConvertToLong()) {
                throw where.error(what + ": " + Quote.shorten(json.toString()) + " is too large for a whole number");
            }
            var p = factory.createIntegerParameter();
            p.setValue(json.longValue());
            value = p;
        } else if (json.isNumber()) {
            var p = factory.createDecimalParameter();
            p.setValue(json.doubleValue());
            value = p;
        } else if (json.isBoolean()) {
            var p = factory.createBooleanParameter();
            p.setValue(json.booleanValue());
            value = p;
        } else if (json.isObject() && json.size() == 1 && json.elements().next().isTextual()) {
            String tag = json.properties().iterator().next().getKey();
            String text = json.get(tag).textValue();
            value = switch (tag) {
                case "choice" -> {
                    var p = factory.createChoiceParameter();
                    p.setValue(text);
                    yield p;
                }
                case "file" -> {
                    var p = factory.createFilePathParameter();
                    p.setValue(text);
                    yield p;
                }
                case "color" -> {
                    var p = factory.createColorParameter();
                    p.setValue(text);
                    yield p;
                }
                case "credential" -> {
                    var p = factory.createCredentialReference();
                    p.setCredentialName(text);
                    yield p;
                }
                default -> throw where.error(what + ": unknown value kind " + Quote.of(tag) + VALUE_SHAPES);
            };
        } else {
            throw where.error(what + ": unsupported value " + kind(json) + VALUE_SHAPES);
        }
        value.setName(name);
        return value;
    }

    private static final String VALUE_SHAPES = "; use text, a number, true/false, or one of"
            + " {\"choice\": \"...\"}, {\"file\": \"...\"}, {\"color\": \"#RRGGBB\"}, {\"credential\": \"name\"}";

    private Connection toConnection(JsonNode json, Context where) throws WorkflowFormatException {
        if (!json.isObject()) {
            throw where.error("each entry of \"connections\" must be {\"from\": \"node.port\", \"to\": \"node.port\"}");
        }
        where.checkFields(json, CONNECTION_FIELDS, "a connection");
        String from = where.optionalText(json, "from", "a connection");
        String to = where.optionalText(json, "to", "a connection");
        Connection connection = factory.createConnection();
        String[] source = where.endpoint(from, "from", json);
        String[] target = where.endpoint(to, "to", json);
        connection.setSourceNode(source[0]);
        connection.setSourcePort(source[1]);
        connection.setTargetNode(target[0]);
        connection.setTargetPort(target[1]);
        return connection;
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "a list [...]";
            case OBJECT -> "an object " + Quote.shorten(node.toString());
            case NULL -> "null";
            default -> Quote.shorten(node.toString());
        };
    }

    /** Where reading is, for error messages. */
    private record Context(String source) {

        WorkflowFormatException error(String problem) {
            return new WorkflowFormatException(source, problem);
        }

        void checkFields(JsonNode json, Set<String> known, String subject) throws WorkflowFormatException {
            for (Map.Entry<String, JsonNode> entry : json.properties()) {
                String field = entry.getKey();
                if (!known.contains(field)) {
                    throw error(subject + ": unknown field " + Quote.of(field) + " (known: " + String.join(", ",
                            known.stream().sorted().toList()) + "). Check its spelling.");
                }
            }
        }

        String optionalText(JsonNode json, String field, String subject) throws WorkflowFormatException {
            JsonNode value = json.get(field);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isTextual()) {
                throw error(subject + ": \"" + field + "\" must be text, not " + kind(value));
            }
            return value.textValue();
        }

        Iterable<JsonNode> array(JsonNode json, String field, String subject) throws WorkflowFormatException {
            JsonNode value = json.get(field);
            if (value == null || value.isNull()) {
                return java.util.List.of();
            }
            if (!value.isArray()) {
                throw error(subject + ": \"" + field + "\" must be a list [...]");
            }
            return value;
        }

        String[] endpoint(String text, String field, JsonNode json) throws WorkflowFormatException {
            int dot = text == null ? -1 : text.indexOf('.');
            if (dot <= 0 || dot == text.length() - 1) {
                throw error("connection " + kind(json) + ": \"" + field + "\" must be \"node.port\"");
            }
            return new String[] { text.substring(0, dot), text.substring(dot + 1) };
        }
    }
}
