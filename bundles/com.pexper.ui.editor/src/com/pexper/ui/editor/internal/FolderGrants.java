package com.pexper.ui.editor.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
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
 * <pre>{"/home/ada/Downloads/flow.pexper": {"read": ["/home/ada/Photos"], "write": ["/home/ada/Export"]}}</pre>
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

    private final Path file;

    FolderGrants(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    /**
     * What {@code workflow} was allowed; nothing for a file never saved.
     *
     * @throws IOException naming the grants file when it cannot be read
     */
    synchronized List<Grant> of(Path workflow) throws IOException {
        if (workflow == null) {
            return List.of();
        }
        JsonNode granted = read().path(key(workflow));
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

    /** Lets {@code workflow} also use {@code grants}, from now on; written whole or not at all. */
    synchronized void add(Path workflow, Collection<Grant> grants) throws IOException {
        ObjectNode all = read();
        Map<String, Set<String>> folders = new TreeMap<>();
        for (Grant grant : of(workflow)) {
            folders.computeIfAbsent(grant.mode().verb(), m -> new LinkedHashSet<>()).add(grant.folder().toString());
        }
        for (Grant grant : grants) {
            folders.computeIfAbsent(grant.mode().verb(), m -> new LinkedHashSet<>()).add(grant.folder().toString());
        }
        ObjectNode entry = all.putObject(key(workflow));
        folders.forEach((mode, paths) -> {
            ArrayNode list = entry.putArray(mode);
            paths.forEach(list::add);
        });
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
