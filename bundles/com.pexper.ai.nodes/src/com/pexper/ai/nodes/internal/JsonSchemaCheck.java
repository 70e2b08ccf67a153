package com.pexper.ai.nodes.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks a JSON value against the part of JSON Schema that structured-output APIs use: type (one or
 * a list), properties, required, additionalProperties false, items, enum, const, minimum, maximum,
 * minLength, maxLength, minItems, maxItems, anyOf. Other keywords are accepted and not checked.
 */
final class JsonSchemaCheck {

    private JsonSchemaCheck() {
    }

    /** Every way {@code value} breaks {@code schema}, as "path: problem"; empty when it follows it. */
    static List<String> problems(JsonNode schema, JsonNode value) {
        List<String> problems = new ArrayList<>();
        check(schema, value, "$", problems);
        return problems;
    }

    private static void check(JsonNode schema, JsonNode value, String path, List<String> problems) {
        if (!schema.isObject()) {
            return;
        }
        JsonNode type = schema.path("type");
        if (!type.isMissingNode() && !typeMatches(type, value)) {
            problems.add(path + ": should be " + (type.isArray() ? "one of " + type : type.asText()) + ", is "
                    + typeOf(value));
            return;
        }
        if (schema.has("enum")) {
            boolean found = false;
            for (JsonNode option : schema.get("enum")) {
                found |= option.equals(value);
            }
            if (!found) {
                problems.add(path + ": should be one of " + schema.get("enum") + ", is " + value);
            }
        }
        if (schema.has("const") && !schema.get("const").equals(value)) {
            problems.add(path + ": should be " + schema.get("const") + ", is " + value);
        }
        if (schema.has("anyOf")) {
            boolean any = false;
            for (JsonNode option : schema.get("anyOf")) {
                any |= problems(option, value).isEmpty();
            }
            if (!any) {
                problems.add(path + ": matches none of the anyOf alternatives");
            }
        }
        if (value.isNumber()) {
            if (schema.has("minimum") && value.asDouble() < schema.get("minimum").asDouble()) {
                problems.add(path + ": should be at least " + schema.get("minimum") + ", is " + value);
            }
            if (schema.has("maximum") && value.asDouble() > schema.get("maximum").asDouble()) {
                problems.add(path + ": should be at most " + schema.get("maximum") + ", is " + value);
            }
        }
        if (value.isTextual()) {
            int length = value.asText().codePointCount(0, value.asText().length());
            if (schema.has("minLength") && length < schema.get("minLength").asInt()) {
                problems.add(path + ": should have at least " + schema.get("minLength") + " characters");
            }
            if (schema.has("maxLength") && length > schema.get("maxLength").asInt()) {
                problems.add(path + ": should have at most " + schema.get("maxLength") + " characters");
            }
        }
        if (value.isArray()) {
            if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()) {
                problems.add(path + ": should have at least " + schema.get("minItems") + " items, has " + value.size());
            }
            if (schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) {
                problems.add(path + ": should have at most " + schema.get("maxItems") + " items, has " + value.size());
            }
            if (schema.path("items").isObject()) {
                for (int i = 0; i < value.size(); i++) {
                    check(schema.get("items"), value.get(i), path + "[" + i + "]", problems);
                }
            }
        }
        if (value.isObject()) {
            for (JsonNode required : schema.path("required")) {
                if (!value.has(required.asText())) {
                    problems.add(path + ": lacks the required property '" + required.asText() + "'");
                }
            }
            JsonNode properties = schema.path("properties");
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                if (properties.has(field.getKey())) {
                    check(properties.get(field.getKey()), field.getValue(), path + "." + field.getKey(), problems);
                } else if (schema.path("additionalProperties").isBoolean()
                        && !schema.get("additionalProperties").asBoolean()) {
                    problems.add(path + ": has the property '" + field.getKey() + "', which the schema does not allow");
                }
            }
        }
    }

    private static boolean typeMatches(JsonNode type, JsonNode value) {
        if (type.isArray()) {
            for (JsonNode one : type) {
                if (typeMatches(one, value)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.asText()) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber() || (value.isNumber() && value.asDouble() == Math.rint(value.asDouble()));
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> true;
        };
    }

    private static String typeOf(JsonNode value) {
        return switch (value.getNodeType()) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> value.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
