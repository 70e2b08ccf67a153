package com.pexper.core.internal.runs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
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
import com.pexper.model.io.AtomicFile;

/**
 * Keeps a JSON record of every run in one folder: when, how long, how each node fared, cache hits,
 * output summaries and the files written. Parameter values are not recorded, and values appear only
 * as one-line summaries. The newest {@link RunRecords#DEFAULT_RETAINED} records are kept. As a
 * Declarative Services component, the records of the data folder the environment names.
 */
@Component(service = RunRecords.class)
public final class RunRecordFolder implements RunRecords {

    private static final ObjectMapper MAPPER = new ObjectMapper();
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
    public Path write(RunResult run) throws IOException {
        if (!swept) {
            swept = true;
            AtomicFile.removeAbandoned(folder);
        }
        Path file = folder.resolve(FILE_TIME.format(run.started()) + "-" + run.runId() + ".json");
        AtomicFile.write(file, toJson(run), AtomicFile.Existing.REPLACE);
        prune();
        return file;
    }

    static byte[] toJson(RunResult run) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (JsonGenerator out = MAPPER.getFactory().createGenerator(buffer).useDefaultPrettyPrinter()) {
            out.writeStartObject();
            out.writeStringField("runId", run.runId());
            out.writeStringField("workflow", run.workflowName());
            out.writeStringField("file", run.workflowFile() == null ? null : run.workflowFile().toString());
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
                for (JsonNode node : json.path("nodes")) {
                    int failed = node.path("failedItems").size();
                    failedItems += failed;
                    items = failed > 0 ? Math.max(items, node.path("items").asLong()) : items;
                }
                String status = json.path("status").asText();
                summaries.add(new Summary(file, json.path("runId").asText(), json.path("workflow").asText(null),
                        failedItems > 0 && status.equals("SUCCEEDED") ? "FAILED" : status,
                        Instant.parse(json.path("started").asText()), json.path("durationMillis").asLong(),
                        json.path("executedNodes").asLong(), json.path("cachedNodes").asLong(), failedItems, items));
            } catch (IOException | RuntimeException e) {
                // a damaged record does not hide the others
            }
        }
        return summaries;
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
        for (int i = 0; i < files.size() - retained; i++) {
            Files.deleteIfExists(files.get(i));
        }
    }
}
