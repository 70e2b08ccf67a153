package com.pexper.ai.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.pexper.ai.http.ProviderJson;
import com.pexper.core.home.PexperHome;
import com.pexper.model.io.AtomicFile;
import com.pexper.model.text.Quote;

/** The user's changes to the providers' settings: PEXPER_HOME/settings/providers.json. */
public final class ProviderSettingsFile {

    /**
     * The changes by provider id, and what was wrong with the file.
     *
     * @param problems for the application to show; a file that cannot be read is ignored
     */
    record Read(Map<String, Map<String, String>> changes, List<String> problems) {
    }

    private ProviderSettingsFile() {
    }

    static Read readInstalled(PexperHome home) {
        try {
            return new Read(read(home.settings().resolve("providers.json")), List.of());
        } catch (IOException e) {
            return new Read(Map.of(), List.of("provider settings ignored: " + e.getMessage()));
        }
    }

    /**
     * Reads PEXPER_HOME/settings/providers.json: {@code {"ollama": {"baseUrl": "http://127.0.0.1:11434"}}}.
     * A missing file means no changes.
     *
     * @throws IOException naming the file when it is not such an object
     */
    public static Map<String, Map<String, String>> read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return Map.of();
        }
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            root = ProviderJson.parse(in);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(file + " is not valid JSON" + Quote.jsonLocation(e) + ": " + Quote.jsonProblem(e)
                    + "; fix or remove it", e);
        } catch (IOException e) {
            throw new IOException(file + " cannot be read: " + Quote.path(e.getMessage()) + "; fix or remove it", e);
        }
        if (root == null || !root.isObject()) {
            throw new IOException(file + " must hold an object of provider ids, each with its settings");
        }
        Map<String, Map<String, String>> result = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> provider : root.properties()) {
            Map<String, String> values = new HashMap<>();
            for (Map.Entry<String, JsonNode> setting : provider.getValue().properties()) {
                values.put(setting.getKey(), setting.getValue().asText());
            }
            result.put(provider.getKey(), values);
        }
        return result;
    }

    /**
     * Puts one provider's changes into the file, keeping every other provider's entry; no changes
     * remove its entry. Written whole ({@link AtomicFile}).
     *
     * @throws IOException when the file exists but cannot be read: it is not overwritten, so that
     *         nothing the user wrote in it is lost
     */
    public static void write(Path file, String providerId, Map<String, String> changes) throws IOException {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode root = json.createObjectNode();
        if (Files.exists(file)) {
            read(file); // says what is wrong, naming the file, before anything is changed
            root = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(file.toFile());
        }
        if (changes.isEmpty()) {
            root.remove(providerId);
        } else {
            com.fasterxml.jackson.databind.node.ObjectNode entry = root.putObject(providerId);
            new java.util.TreeMap<>(changes).forEach((key, value) -> {
                if (value.matches("\\d+")) {
                    entry.put(key, Long.parseLong(value));
                } else if (value.matches("\\d*\\.\\d+")) {
                    entry.put(key, Double.parseDouble(value));
                } else {
                    entry.put(key, value);
                }
            });
        }
        AtomicFile.write(file, (json.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), AtomicFile.Existing.REPLACE);
    }
}
