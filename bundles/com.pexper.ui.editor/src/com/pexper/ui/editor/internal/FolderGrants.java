package com.pexper.ui.editor.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pexper.core.engine.RunRequest;
import com.pexper.core.files.FileAccess;
import com.pexper.model.io.AtomicFile;

/**
 * The folders the user allowed each workflow beyond its own, when Pexper asked: in
 * {@code PEXPER_HOME/settings/folder-grants.json}, by the workflow file's real path. The choice is
 * kept there and not in the workflow, so that a workflow cannot grant itself anything, and no node
 * can change it (Pexper's data folder is closed to nodes).
 *
 * <pre>{"/home/ada/Downloads/flow.pexper": {"sha256": "9f86...", "read": ["/home/ada/Photos"],
 *     "write": ["/home/ada/Export"]}}</pre>
 */
final class FolderGrants {

    /** One folder a workflow may read (and, to write, write) in. */
    record Grant(FileAccess.Mode mode, Path folder) {

        static void applyTo(Collection<Grant> grants, RunRequest.Builder request) {
            for (Grant grant : grants) {
                if (grant.mode() == FileAccess.Mode.WRITE) {
                    request.allowWrite(grant.folder());
                } else {
                    request.allowRead(grant.folder());
                }
            }
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The workflow file's content when it was allowed, as SHA-256. */
    private static final String CONTENT = "sha256";

    private final Path file;

    FolderGrants(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    /**
     * What {@code workflow} was allowed, while it is the file it was when the user allowed it (or
     * last saved it in Pexper): a different workflow saved over it, a download replacing it, gets
     * nothing until the user is asked again. Nothing for a file never saved.
     *
     * @throws IOException naming the grants file when it cannot be read
     */
    synchronized List<Grant> of(Path workflow) throws IOException {
        if (workflow == null) {
            return List.of();
        }
        JsonNode granted = read().path(key(workflow));
        if (!granted.path(CONTENT).asText().equals(fingerprint(workflow))) {
            return List.of();
        }
        List<Grant> grants = new ArrayList<>();
        for (FileAccess.Mode mode : FileAccess.Mode.values()) {
            for (JsonNode folder : granted.path(mode.verb())) {
                try {
                    grants.add(new Grant(mode, Path.of(folder.asText())));
                } catch (InvalidPathException e) {
                    // written by hand: a path that cannot be one grants nothing
                }
            }
        }
        return grants;
    }

    /** Lets {@code workflow}, as it is now, also use {@code grants}; written whole or not at all. */
    synchronized void add(Path workflow, Collection<Grant> grants) throws IOException {
        ObjectNode all = read();
        Map<String, Set<String>> folders = new TreeMap<>();
        List<Grant> kept = new ArrayList<>(of(workflow));
        kept.addAll(grants);
        for (Grant grant : kept) {
            folders.computeIfAbsent(grant.mode().verb(), m -> new LinkedHashSet<>()).add(grant.folder().toString());
        }
        ObjectNode entry = all.putObject(key(workflow));
        entry.put(CONTENT, fingerprint(workflow));
        folders.forEach((mode, paths) -> {
            ArrayNode list = entry.putArray(mode);
            paths.forEach(list::add);
        });
        write(all);
    }

    /**
     * The user saved {@code workflow} from Pexper: what it was allowed stays allowed for its new
     * content. Call with the content it had before, as {@link #fingerprint}, so that a file
     * replaced behind the editor's back does not pass on what the old one was allowed.
     */
    synchronized void saved(Path workflow, String before) throws IOException {
        ObjectNode all = read();
        if (all.path(key(workflow)) instanceof ObjectNode entry && entry.path(CONTENT).asText().equals(before)) {
            entry.put(CONTENT, fingerprint(workflow));
            write(all);
        }
    }

    /** The file's content as SHA-256, hex; "" when it cannot be read. */
    static String fingerprint(Path workflow) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(workflow)));
        } catch (IOException e) {
            return "";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private void write(ObjectNode all) throws IOException {
        AtomicFile.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(all), AtomicFile.Existing.REPLACE);
    }

    private ObjectNode read() throws IOException {
        if (!Files.exists(file)) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode read = JSON.readTree(file.toFile());
            if (read instanceof ObjectNode object) {
                return object;
            }
        } catch (JsonProcessingException e) {
            // said below, without the parser's words
        }
        throw new IOException(file + " is not the folder grants Pexper writes (an object of workflow paths); fix it,"
                + " or delete it to forget every folder allowed so far");
    }

    /** The workflow by its real path: a link to it and the file itself are one workflow. */
    private static String key(Path workflow) {
        try {
            return workflow.toRealPath().toString();
        } catch (IOException e) {
            return workflow.toAbsolutePath().normalize().toString();
        }
    }
}
