package com.pexper.net.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pexper.core.home.PexperHome;
import com.pexper.model.text.Quote;

/**
 * What the installed application's gate is made from: the ledger in PEXPER_HOME/ledger, and
 * local-only mode, which {@code PEXPER_LOCAL_ONLY=1} (or {@code true}) or {@code {"localOnly": true}}
 * in PEXPER_HOME/settings/network.json turns on. A network.json that cannot be read turns it on as
 * well, and says so: a mistake in the file must not let requests out.
 *
 * @param problems what was wrong with network.json, for the application to show
 */
public record NetworkSettings(Path ledger, boolean localOnly, List<String> problems) {

    public static final String LOCAL_ONLY_VARIABLE = "PEXPER_LOCAL_ONLY";

    public static NetworkSettings read(PexperHome home, Map<String, String> environment) {
        String variable = environment.get(LOCAL_ONLY_VARIABLE);
        boolean localOnly = "1".equals(variable) || "true".equals(variable);
        try {
            return new NetworkSettings(home.ledger(), localOnly | fileSaysLocalOnly(home.settings().resolve("network.json")),
                    List.of());
        } catch (IOException e) {
            return new NetworkSettings(home.ledger(), true,
                    List.of(e.getMessage() + "; local-only mode is ON until it is fixed"));
        }
    }

    private static boolean fileSaysLocalOnly(Path file) throws IOException {
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
