package com.pexper.core.internal.runs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pexper.core.engine.NodeOutcome;
import com.pexper.core.engine.RunResult;
import com.pexper.core.home.PexperHome;
import com.pexper.core.runs.RunRecordJson;
import com.pexper.core.runs.RunRecords;
import com.pexper.model.Workflow;
import com.pexper.model.io.AtomicFile;
import com.pexper.model.io.WorkflowFiles;

/**
 * Keeps a JSON record of every run in one folder: when, how long, how each node fared, cache hits,
 * output summaries and the files written. Parameter values are not in records, and values appear
 * only as one-line summaries; the workflow as it ran is kept in {@code workflows/}, one file per
 * distinct content. The newest {@link RunRecords#DEFAULT_RETAINED} records are kept. As a
 * Declarative Services component, the records of the data folder the environment names.
 */
@Component(service = RunRecords.class)
public final class RunRecordFolder implements RunRecords {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** The folder, beside the records, of the workflows as they ran. */
    static final String WORKFLOWS = "workflows";
    /** Far more than passes between keeping a workflow and writing the record that names it. */
    private static final Duration SNAPSHOT_MARGIN = Duration.ofMinutes(1);
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final Path folder;
    private final int retained;
    private volatile boolean swept;

    /** The records in {@code PEXPER_HOME/runs}. */
    public RunRecordFolder() {
        this(PexperHome.fromEnvironment().runs(), DEFAULT_RETAINED);
    }

    public RunRecordFolder(Path folder, int retained) {
        this.folder = folder;
        this.retained = retained;
    }

    @Override
    public Path folder() {
        return folder;
    }

    /** The first write also removes what writers killed mid-write left in the folder. */
    @Override
    public Path write(RunResult run, Workflow asRun) throws IOException {
        if (!swept) {
            swept = true;
            AtomicFile.removeAbandoned(folder);
            AtomicFile.removeAbandoned(folder.resolve(WORKFLOWS));
        }
        String snapshot = asRun == null ? null : keep(asRun);
        Path file = folder.resolve(FILE_TIME.format(run.started()) + "-" + run.runId() + ".json");
        AtomicFile.write(file, toJson(run, snapshot), AtomicFile.Existing.REPLACE);
        prune();
        return file;
    }

    /**
     * Keeps the workflow as it ran, once per distinct content: a file already there is touched, which
     * tells {@link #prune()} a record still names it. Returns its path relative to the folder.
     */
    private String keep(Workflow asRun) throws IOException {
        byte[] content = WorkflowFiles.toBytes(asRun);
        String name = WORKFLOWS + "/" + HexFormat.of().formatHex(sha256(content)) + "." + WorkflowFiles.EXTENSION;
        Path snapshot = folder.resolve(name);
        try {
            Files.setLastModifiedTime(snapshot, FileTime.from(Instant.now()));
        } catch (NoSuchFileException e) {
            AtomicFile.write(snapshot, content, AtomicFile.Existing.REPLACE);
        }
        return name;
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static byte[] toJson(RunResult run, String snapshot) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (JsonGenerator out = MAPPER.getFactory().createGenerator(buffer).useDefaultPrettyPrinter()) {
            out.writeStartObject();
            out.writeStringField("runId", run.runId());
            out.writeStringField("workflow", run.workflowName());
            out.writeStringField("file", run.workflowFile() == null ? null : run.workflowFile().toString());
            if (snapshot != null) {
                out.writeStringField("workflowAsRun", snapshot);
            }
            out.writeStringField("status", run.outcome().name());
            if (run.failedItems() > 0) {
                out.writeNumberField("failedItems", run.failedItems());
                out.writeNumberField("items", run.batchItems());
            }
            out.writeStringField("started", run.started().toString());
            out.writeStringField("finished", run.finished().toString());
            out.writeNumberField("durationMillis", run.finished().toEpochMilli() - run.started().toEpochMilli());
            out.writeNumberField("executedNodes", run.executedNodes());
            out.writeNumberField("cachedNodes", run.cachedNodes());
            out.writeArrayFieldStart("nodes");
            for (NodeOutcome node : run.nodes()) {
                out.writeStartObject();
                RunRecordJson.writeNodeFields(node, out);
                out.writeObjectFieldStart("outputs");
                for (Map.Entry<String, String> output : node.outputs().entrySet()) {
                    out.writeStringField(output.getKey(), output.getValue());
                }
                out.writeEndObject();
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeArrayFieldStart("outputFiles");
            for (Path file : run.outputFiles()) {
                out.writeString(file.toString());
            }
            out.writeEndArray();
            out.writeArrayFieldStart("writtenFiles");
            for (RunResult.WrittenFile written : run.writtenFiles()) {
                out.writeStartObject();
                out.writeStringField("file", written.file().toString());
                out.writeStringField("node", written.nodeId());
                if (written.item() >= 0) {
                    out.writeNumberField("item", written.item());
                }
                if (written.source() != null) {
                    out.writeStringField("source", written.source().toString());
                }
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeEndObject();
        }
        return buffer.toByteArray();
    }

    @Override
    public List<Summary> recent(int limit) throws IOException {
        List<Summary> summaries = new ArrayList<>();
        for (Path file : recordFiles().reversed()) {
            if (summaries.size() >= limit) {
                break;
            }
            try {
                JsonNode json = MAPPER.readTree(file.toFile());
                // From the nodes, so that records written before "failedItems" existed say it as well.
                long failedItems = 0;
                long items = 0;
                long failedNodes = 0;
                for (JsonNode node : json.path("nodes")) {
                    failedNodes += node.path("status").asText().equals("FAILED") ? 1 : 0;
                    int failed = node.path("failedItems").size();
                    failedItems += failed;
                    items = failed > 0 ? Math.max(items, node.path("items").asLong()) : items;
                }
                String status = json.path("status").asText();
                summaries.add(new Summary(file, json.path("runId").asText(), json.path("workflow").asText(null),
                        failedItems > 0 && status.equals("SUCCEEDED") ? "FAILED" : status,
                        Instant.parse(json.path("started").asText()), json.path("durationMillis").asLong(),
                        json.path("executedNodes").asLong(), json.path("cachedNodes").asLong(), failedItems, items,
                        failedNodes, asRun(json.path("workflowAsRun").asText(null))));
            } catch (IOException | RuntimeException e) {
                // a damaged record does not hide the others
            }
        }
        return summaries;
    }

    /** The kept workflow a record names, if it is there; a name that leads out of the folder is none. */
    private Path asRun(String name) {
        if (name == null) {
            return null;
        }
        Path snapshot = folder.resolve(name).normalize();
        return snapshot.startsWith(folder.resolve(WORKFLOWS)) && Files.isRegularFile(snapshot) ? snapshot : null;
    }

    private List<Path> recordFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, "*.json")) {
            entries.forEach(files::add);
        } catch (NoSuchFileException e) {
            return files;
        }
        files.sort(Comparator.comparing(p -> p.getFileName().toString()));
        return files;
    }

    private void prune() throws IOException {
        List<Path> files = recordFiles();
        int removed = Math.max(0, files.size() - retained);
        for (int i = 0; i < removed; i++) {
            Files.deleteIfExists(files.get(i));
        }
        if (removed > 0) {
            pruneWorkflows(files.subList(removed, files.size()));
        }
    }

    /**
     * Removes the kept workflows no record names any more. A workflow is touched just before each
     * record that names it is written, so one last touched well before the oldest kept record was
     * written is named by none: no record has to be read to know it.
     */
    private void pruneWorkflows(List<Path> kept) throws IOException {
        FileTime oldest = null;
        for (Path record : kept) {
            try {
                FileTime written = Files.getLastModifiedTime(record);
                oldest = oldest == null || written.compareTo(oldest) < 0 ? written : oldest;
            } catch (NoSuchFileException e) {
                // removed meanwhile by another writer
            }
        }
        if (oldest == null) {
            return;
        }
        Instant before = oldest.toInstant().minus(SNAPSHOT_MARGIN);
        try (DirectoryStream<Path> snapshots = Files.newDirectoryStream(folder.resolve(WORKFLOWS),
                "*." + WorkflowFiles.EXTENSION)) {
            for (Path snapshot : snapshots) {
                try {
                    if (Files.getLastModifiedTime(snapshot).toInstant().isBefore(before)) {
                        Files.deleteIfExists(snapshot);
                    }
                } catch (NoSuchFileException e) {
                    // removed meanwhile
                }
            }
        } catch (NoSuchFileException e) {
            // no workflows kept
        }
    }
}
