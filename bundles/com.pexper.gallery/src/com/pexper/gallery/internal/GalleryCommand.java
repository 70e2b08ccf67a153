package com.pexper.gallery.internal;

import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

import com.fasterxml.jackson.core.JsonGenerator;
import com.pexper.commands.Command;
import com.pexper.commands.CommandContext;
import com.pexper.commands.ExitCode;
import com.pexper.commands.Options;
import com.pexper.commands.UsageException;
import com.pexper.core.runs.RunRecords;
import com.pexper.gallery.Gallery;
import com.pexper.gallery.GalleryEntry;

/** {@code pexper gallery}: the images runs made, newest first, with what made them; the Gallery view's entries. */
@Component(service = Command.class)
public final class GalleryCommand implements Command {

    private static final int PROMPT_WIDTH = 48;

    @Override
    public String name() {
        return "gallery";
    }

    @Override
    public String help() {
        return """
                gallery            the images runs made, newest first, with what made them
                  --search TEXT    only those whose prompt, settings, workflow or file name hold every word
                  --limit N        at most N (default 50)
                  --json           everything about each, its steps and their settings too
                """;
    }

    @Override
    public int run(List<String> arguments, CommandContext context) throws UsageException {
        Options options = Options.parse(name(), arguments, Set.of("json"), Set.of("search", "limit"));
        if (!options.positional().isEmpty()) {
            throw new UsageException("'gallery' takes no arguments; to search, use --search TEXT");
        }
        int limit = options.positiveInt("limit", 50);
        String search = options.value("search");
        Gallery gallery = new GalleryFolder(context.home().gallery(), RunRecords.open(context.home().runs()),
                context::redact);
        List<GalleryEntry> entries;
        try {
            gallery.update();
            entries = gallery.entries().stream().filter(e -> search == null || e.matches(search)).limit(limit)
                    .toList();
        } catch (IOException e) {
            context.err().println("pexper: cannot read the gallery in " + gallery.folder() + ": " + e.getMessage());
            return ExitCode.UNREADABLE;
        }
        if (options.flag("json")) {
            context.printJson(json -> {
                json.writeStartArray();
                for (GalleryEntry entry : entries) {
                    write(entry, json);
                }
                json.writeEndArray();
            });
            return ExitCode.OK;
        }
        if (entries.isEmpty()) {
            context.out().println(search == null ? "No images yet: images your runs make appear here."
                    : "No image matches '" + search + "'.");
            return ExitCode.OK;
        }
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());
        String row = "%-19s  %-20s  %-" + PROMPT_WIDTH + "s  %s";
        context.out().println(String.format(row, "created", "workflow", "made from", "file"));
        for (GalleryEntry entry : entries) {
            context.out().println(String.format(row, time.format(entry.created()), shorten(entry.workflow(), 20),
                    shorten(madeFrom(entry), PROMPT_WIDTH), entry.file()));
        }
        return ExitCode.OK;
    }

    /** The prompt (and model), else the photo it was made from. */
    private static String madeFrom(GalleryEntry entry) {
        if (entry.prompt().isPresent()) {
            return entry.model().map(m -> m + ": ").orElse("") + entry.prompt().get().replace('\n', ' ');
        }
        return entry.source() == null ? "" : entry.source().getFileName().toString();
    }

    private static String shorten(String text, int width) {
        if (text == null) {
            return "";
        }
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }

    private static void write(GalleryEntry entry, JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", entry.id());
        json.writeStringField("file", entry.file().toString());
        json.writeStringField("created", entry.created().toString());
        json.writeStringField("workflow", entry.workflow());
        json.writeStringField("workflowFile", entry.workflowFile() == null ? null : entry.workflowFile().toString());
        json.writeStringField("runId", entry.runId());
        json.writeStringField("node", entry.nodeId());
        if (entry.item() >= 0) {
            json.writeNumberField("item", entry.item());
        }
        json.writeStringField("source", entry.source() == null ? null : entry.source().toString());
        json.writeStringField("prompt", entry.prompt().orElse(null));
        json.writeStringField("provider", entry.provider().orElse(null));
        json.writeStringField("model", entry.model().orElse(null));
        json.writeStringField("seed", entry.seed().orElse(null));
        json.writeArrayFieldStart("steps");
        for (GalleryEntry.Step step : entry.steps()) {
            json.writeStartObject();
            json.writeStringField("node", step.nodeId());
            json.writeStringField("type", step.type());
            json.writeStringField("label", step.label());
            json.writeObjectFieldStart("parameters");
            for (Map.Entry<String, String> p : step.parameters().entrySet()) {
                json.writeStringField(p.getKey(), p.getValue());
            }
            json.writeEndObject();
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }
}
