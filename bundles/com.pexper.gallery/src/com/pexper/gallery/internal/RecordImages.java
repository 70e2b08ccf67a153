package com.pexper.gallery.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pexper.core.engine.Redactor;
import com.pexper.core.workflow.ParameterValues;
import com.pexper.gallery.GalleryEntry;
import com.pexper.model.Connection;
import com.pexper.model.CredentialReference;
import com.pexper.model.FilePathParameter;
import com.pexper.model.Node;
import com.pexper.model.ParameterValue;
import com.pexper.model.Workflow;
import com.pexper.model.io.WorkflowFiles;

/**
 * The images one run record names, as gallery entries: the image files its nodes wrote, each with
 * the nodes upstream of the writer in the workflow as it ran and their settings, credentials left
 * out and every value redacted.
 */
final class RecordImages {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> IMAGE_EXTENSIONS = Set.of("png", "jpg", "jpeg", "webp", "tif", "tiff", "bmp",
            "gif");

    private final Redactor redactor;

    RecordImages(Redactor redactor) {
        this.redactor = redactor;
    }

    static boolean isImage(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && IMAGE_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /**
     * @param recordsFolder the folder of the record, which its workflow as it ran is kept under
     * @throws IOException when the record cannot be read or is not one
     */
    List<GalleryEntry> read(Path record, Path recordsFolder) throws IOException {
        JsonNode json = MAPPER.readTree(record.toFile());
        if (json == null || !json.path("writtenFiles").isArray()) {
            return List.of();
        }
        List<JsonNode> images = new ArrayList<>();
        for (JsonNode written : json.path("writtenFiles")) {
            String file = written.path("file").asText(null);
            if (file != null && isImage(Path.of(file))) {
                images.add(written);
            }
        }
        if (images.isEmpty()) {
            return List.of();
        }
        String runId = json.path("runId").asText();
        Instant created = Instant.parse(json.path("finished").asText());
        String workflowName = json.path("workflow").asText(null);
        String fileText = json.path("file").asText(null);
        Path workflowFile = fileText == null ? null : Path.of(fileText);
        Path asRunFile = asRun(json.path("workflowAsRun").asText(null), recordsFolder);
        Workflow asRun = load(asRunFile);
        List<GalleryEntry> entries = new ArrayList<>();
        for (JsonNode written : images) {
            Path file = Path.of(written.get("file").asText());
            String nodeId = written.path("node").asText();
            int item = written.path("item").asInt(-1);
            String sourceText = written.path("source").asText(null);
            List<GalleryEntry.Step> steps = asRun == null ? List.of() : steps(asRun, nodeId);
            Path source = sourceText != null ? Path.of(sourceText) : sourceFile(asRun, nodeId, workflowFile);
            entries.add(new GalleryEntry(EntryIds.of(runId, file), file, created, runId, workflowName, workflowFile,
                    asRunFile, nodeId, item, source, steps));
        }
        return entries;
    }

    private static Path asRun(String name, Path recordsFolder) {
        if (name == null) {
            return null;
        }
        Path kept = recordsFolder.resolve(name).normalize();
        return kept.startsWith(recordsFolder) && Files.isRegularFile(kept) ? kept : null;
    }

    private static Workflow load(Path file) {
        if (file == null) {
            return null;
        }
        try {
            return WorkflowFiles.load(file);
        } catch (IOException | RuntimeException e) {
            return null; // the entry still names its file, run and time
        }
    }

    /** The writer and every node upstream of it, in the workflow's order (which runs sources first). */
    private List<GalleryEntry.Step> steps(Workflow workflow, String writer) {
        Set<String> upstream = upstreamOf(workflow, writer);
        List<GalleryEntry.Step> steps = new ArrayList<>();
        List<Node> ordered = topological(workflow, upstream);
        for (Node node : ordered) {
            Map<String, String> parameters = new LinkedHashMap<>();
            for (ParameterValue value : node.getParameters()) {
                if (!(value instanceof CredentialReference)) {
                    parameters.put(value.getName(), redactor.redact(ParameterValues.text(value)));
                }
            }
            steps.add(new GalleryEntry.Step(node.getId(), node.getType(), node.getLabel(), parameters));
        }
        return steps;
    }

    private static Set<String> upstreamOf(Workflow workflow, String writer) {
        Map<String, List<String>> sources = new HashMap<>();
        for (Connection c : workflow.getConnections()) {
            sources.computeIfAbsent(c.getTargetNode(), k -> new ArrayList<>()).add(c.getSourceNode());
        }
        Set<String> seen = new HashSet<>();
        Deque<String> open = new ArrayDeque<>(List.of(writer));
        while (!open.isEmpty()) {
            String id = open.pop();
            if (seen.add(id)) {
                open.addAll(sources.getOrDefault(id, List.of()));
            }
        }
        return seen;
    }

    /** The nodes in an order where each comes after those it reads from; the file's order among equals. */
    private static List<Node> topological(Workflow workflow, Set<String> included) {
        Map<String, Integer> waiting = new HashMap<>();
        Map<String, List<String>> readers = new HashMap<>();
        for (Connection c : workflow.getConnections()) {
            if (included.contains(c.getSourceNode()) && included.contains(c.getTargetNode())) {
                waiting.merge(c.getTargetNode(), 1, Integer::sum);
                readers.computeIfAbsent(c.getSourceNode(), k -> new ArrayList<>()).add(c.getTargetNode());
            }
        }
        List<Node> nodes = workflow.getNodes().stream().filter(n -> included.contains(n.getId())).toList();
        List<Node> ordered = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        while (ordered.size() < nodes.size()) {
            boolean progressed = false;
            for (Node node : nodes) {
                if (!placed.contains(node.getId()) && waiting.getOrDefault(node.getId(), 0) == 0) {
                    ordered.add(node);
                    placed.add(node.getId());
                    readers.getOrDefault(node.getId(), List.of()).forEach(r -> waiting.merge(r, -1, Integer::sum));
                    progressed = true;
                }
            }
            if (!progressed) { // a cycle cannot have run; keep what is left in the file's order
                nodes.stream().filter(n -> placed.add(n.getId())).forEach(ordered::add);
            }
        }
        return ordered;
    }

    /**
     * The photo a single (not batch) run's image was made from: the file parameter of the first
     * node upstream that reads from no other, as Read image does.
     */
    private static Path sourceFile(Workflow workflow, String writer, Path workflowFile) {
        if (workflow == null) {
            return null;
        }
        Set<String> upstream = upstreamOf(workflow, writer);
        Set<String> targets = new HashSet<>();
        workflow.getConnections().forEach(c -> targets.add(c.getTargetNode()));
        for (Node node : workflow.getNodes()) {
            if (upstream.contains(node.getId()) && !node.getId().equals(writer) && !targets.contains(node.getId())) {
                for (ParameterValue value : node.getParameters()) {
                    if (value instanceof FilePathParameter file && file.getValue() != null && !file.getValue().isBlank()) {
                        Path path = Path.of(file.getValue());
                        return path.isAbsolute() || workflowFile == null || workflowFile.getParent() == null ? path
                                : workflowFile.getParent().resolve(path).normalize();
                    }
                }
            }
        }
        return null;
    }
}
