package com.pexper.gallery.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pexper.gallery.GalleryEntry;

/** A gallery entry as its file in the index holds it: small, and readable by people and tools. */
final class EntryJson {

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int FORMAT = 1;

    private EntryJson() {
    }

    static byte[] write(GalleryEntry entry) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(1024);
        try (JsonGenerator out = MAPPER.getFactory().createGenerator(buffer).useDefaultPrettyPrinter()) {
            out.writeStartObject();
            out.writeNumberField("format", FORMAT);
            out.writeStringField("id", entry.id());
            out.writeStringField("file", entry.file().toString());
            out.writeStringField("created", entry.created().toString());
            out.writeStringField("runId", entry.runId());
            out.writeStringField("workflow", entry.workflow());
            writePath(out, "workflowFile", entry.workflowFile());
            writePath(out, "workflowAsRun", entry.workflowAsRun());
            out.writeStringField("node", entry.nodeId());
            if (entry.item() >= 0) {
                out.writeNumberField("item", entry.item());
            }
            writePath(out, "source", entry.source());
            out.writeArrayFieldStart("steps");
            for (GalleryEntry.Step step : entry.steps()) {
                out.writeStartObject();
                out.writeStringField("node", step.nodeId());
                out.writeStringField("type", step.type());
                if (step.label() != null) {
                    out.writeStringField("label", step.label());
                }
                out.writeObjectFieldStart("parameters");
                for (Map.Entry<String, String> p : step.parameters().entrySet()) {
                    out.writeStringField(p.getKey(), p.getValue());
                }
                out.writeEndObject();
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeEndObject();
        }
        return buffer.toByteArray();
    }

    private static void writePath(JsonGenerator out, String field, Path path) throws IOException {
        if (path != null) {
            out.writeStringField(field, path.toString());
        }
    }

    /** @throws IOException when the content is not an entry (damaged, or not Pexper's) */
    static GalleryEntry read(byte[] content) throws IOException {
        JsonNode json = MAPPER.readTree(content);
        if (json == null || !json.path("id").isTextual() || !json.path("file").isTextual()) {
            throw new IOException("not a gallery entry");
        }
        try {
            List<GalleryEntry.Step> steps = new ArrayList<>();
            for (JsonNode step : json.path("steps")) {
                Map<String, String> parameters = new LinkedHashMap<>();
                step.path("parameters").properties().forEach(p -> parameters.put(p.getKey(), p.getValue().asText()));
                steps.add(new GalleryEntry.Step(step.path("node").asText(), step.path("type").asText(),
                        step.path("label").asText(null), parameters));
            }
            return new GalleryEntry(json.get("id").asText(), Path.of(json.get("file").asText()),
                    Instant.parse(json.path("created").asText()), json.path("runId").asText(),
                    json.path("workflow").asText(null), path(json, "workflowFile"), path(json, "workflowAsRun"),
                    json.path("node").asText(), json.path("item").asInt(-1), path(json, "source"), steps);
        } catch (RuntimeException e) { // a bad time or path
            throw new IOException("not a gallery entry: " + e.getMessage(), e);
        }
    }

    private static Path path(JsonNode json, String field) {
        String text = json.path(field).asText(null);
        return text == null ? null : Path.of(text);
    }
}
