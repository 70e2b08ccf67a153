package com.pexper.cli.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pexper.model.text.Quote;

/** PEXPER_HOME/settings/network.json: {"localOnly": true} refuses every request that would leave the machine. */
final class NetworkSettings {

    private NetworkSettings() {
    }

    static boolean localOnly(Path file) throws IOException {
        if (!Files.exists(file)) {
            return false;
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new IOException(file + " is not valid JSON" + Quote.jsonLocation(e) + " (" + Quote.jsonProblem(e) + ")", e);
        }
        JsonNode value = root == null ? null : root.get("localOnly");
        if (value != null && !value.isBoolean()) {
            throw new IOException(file + ": localOnly must be true or false");
        }
        return value != null && value.asBoolean();
    }
}
