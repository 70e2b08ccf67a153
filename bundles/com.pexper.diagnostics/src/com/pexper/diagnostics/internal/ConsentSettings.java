package com.pexper.diagnostics.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pexper.core.home.FollowedFile;
import com.pexper.diagnostics.Consent;
import com.pexper.model.io.AtomicFile;

/**
 * The user's choice, in {@code PEXPER_HOME/settings/diagnostics.json} ({@code {"consent": "off"}}).
 * No file means the user was never asked; a file that cannot be read means off, so that a damaged
 * file can never turn collection on.
 */
final class ConsentSettings {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final FollowedFile followed;
    private Consent current = Consent.OFF;

    ConsentSettings(Path settingsFolder) {
        this.file = settingsFolder.resolve("diagnostics.json");
        this.followed = new FollowedFile(file);
    }

    /**
     * The choice as the file says it now, read again only when the file changed:
     * another Pexper (the command line's {@code pexper diagnostics off}) may change it while this
     * one runs, and off must mean off at once.
     */
    synchronized Consent current() {
        if (followed.changed()) {
            current = read().orElse(Consent.OFF);
        }
        return current;
    }

    Path file() {
        return file;
    }

    /** Empty when the user never chose. */
    Optional<Consent> read() {
        try {
            JsonNode json = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
            return Optional.of(Consent.of(json.path("consent").asText("off")));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.of(Consent.OFF);
        }
    }

    void write(Consent consent) throws IOException {
        AtomicFile.write(file, (JSON.writerWithDefaultPrettyPrinter().writeValueAsString(
                JSON.createObjectNode().put("consent", consent.word())) + "\n").getBytes(StandardCharsets.UTF_8),
                AtomicFile.Existing.REPLACE); // a new file: the next look at it reads it
    }
}
