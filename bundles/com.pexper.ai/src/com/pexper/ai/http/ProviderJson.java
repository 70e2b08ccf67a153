package com.pexper.ai.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON that providers build and read. One mapper serves every provider; it stays private so
 * that no plug-in can reconfigure it under the others.
 */
public final class ProviderJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ProviderJson() {
    }

    /** A new, empty JSON object: a request body. */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** One JSON document, such as the data of a streamed event. */
    public static JsonNode parse(String text) throws IOException {
        return MAPPER.readTree(text);
    }

    public static JsonNode parse(InputStream in) throws IOException {
        return MAPPER.readTree(in);
    }

    public static byte[] bytes(JsonNode json) throws IOException {
        return MAPPER.writeValueAsBytes(json);
    }

    /** The {@code field} of each element of a JSON array, as text: model ids from a listing. */
    public static List<String> texts(JsonNode array, String field) {
        List<String> result = new ArrayList<>();
        for (JsonNode element : array) {
            result.add(element.path(field).asText());
        }
        return result;
    }

    /** A JSON array of numbers as floats: an embedding. */
    public static float[] floats(JsonNode array) {
        float[] vector = new float[array.size()];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = (float) array.get(i).asDouble();
        }
        return vector;
    }
}
