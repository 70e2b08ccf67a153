package com.pexper.core.home;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The one folder where Pexper keeps what it writes for the user: settings, secure storage, run
 * records, caches, models, logs. {@code ~/.pexper} unless the {@code PEXPER_HOME} environment
 * variable (or the {@code pexper.home} system property, which wins) says otherwise, so that a user
 * or a test can isolate it completely.
 */
public record PexperHome(Path root) {

    public static final String ENVIRONMENT_VARIABLE = "PEXPER_HOME";
    public static final String SYSTEM_PROPERTY = "pexper.home";

    public PexperHome {
        root = root.toAbsolutePath().normalize();
    }

    public static PexperHome fromEnvironment() {
        return resolve(System.getProperty(SYSTEM_PROPERTY), System.getenv(), System.getProperty("user.home"));
    }

    /** The rule of {@link #fromEnvironment()}, with its inputs given. */
    public static PexperHome resolve(String property, Map<String, String> environment, String userHome) {
        if (property != null && !property.isBlank()) {
            return new PexperHome(Path.of(property));
        }
        String variable = environment.get(ENVIRONMENT_VARIABLE);
        if (variable != null && !variable.isBlank()) {
            return new PexperHome(Path.of(variable));
        }
        return new PexperHome(Path.of(userHome, ".pexper"));
    }

    public Path runs() {
        return root.resolve("runs");
    }

    public Path cache() {
        return root.resolve("cache");
    }

    /** The gallery: its index of the images runs made, and their thumbnails. */
    public Path gallery() {
        return root.resolve("gallery");
    }

    /** The persisted result cache of one workflow file. */
    public Path cacheFor(Path workflowFile) {
        String path = workflowFile.toAbsolutePath().normalize().toString();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(path.getBytes(StandardCharsets.UTF_8));
            String name = workflowFile.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
            return cache().resolve(name + "-" + HexFormat.of().formatHex(digest, 0, 8) + ".json");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path models() {
        return root.resolve("models");
    }

    /** The privacy ledger: a record of every network request (never its content). */
    public Path ledger() {
        return root.resolve("ledger");
    }

    public Path logs() {
        return root.resolve("logs");
    }

    /** The user's copies of the examples that come with Pexper, to open and change freely. */
    public Path examples() {
        return root.resolve("examples");
    }

    public Path settings() {
        return root.resolve("settings");
    }

    public Path secureStorage() {
        return root.resolve("secure").resolve("storage");
    }

    /** Native libraries extracted from their jars once (not at every start into the temporary folder). */
    public Path nativeLibraries() {
        return root.resolve("native");
    }

    /**
     * What the workbench's libraries keep for themselves in a user's home (SWT's cache of window-trim
     * sizes), so that it stays here and not in {@code ~/.swt}.
     */
    public Path workbench() {
        return root.resolve("workbench");
    }

    /** Scratch space for running nodes; emptied as runs end. */
    public Path scratch() {
        return root.resolve("tmp");
    }
}
