package com.pexper.cli.internal;

import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;

import com.pexper.commands.Command;
import com.pexper.commands.CommandContext;
import com.pexper.commands.ExitCode;
import com.pexper.commands.Options;
import com.pexper.commands.UsageException;
import com.pexper.core.runs.RunRecords;

/** {@code pexper runs}: the most recent runs from their records, newest first. */
final class RunsCommand implements Command {

    private final RunRecords records;

    RunsCommand(RunRecords records) {
        this.records = records;
    }

    @Override
    public String name() {
        return "runs";
    }

    @Override
    public String help() {
        return """
                runs               list recent runs [--limit N] [--json]
                """;
    }

    @Override
    public int run(List<String> arguments, CommandContext context) throws UsageException {
        Options options = Options.parse(name(), arguments, Set.of("json"), Set.of("limit"));
        if (!options.positional().isEmpty()) {
            throw new UsageException("'runs' takes no arguments");
        }
        int limit = options.positiveInt("limit", 20);
        List<RunRecords.Summary> runs;
        try {
            runs = records.recent(limit);
        } catch (IOException e) {
            context.err().println("pexper: cannot read run records in " + records.folder() + ": "
                    + e.getMessage());
            return ExitCode.UNREADABLE;
        }
        if (options.flag("json")) {
            context.printJson(json -> {
                json.writeStartArray();
                for (RunRecords.Summary run : runs) {
                    json.writeStartObject();
                    json.writeStringField("runId", run.runId());
                    json.writeStringField("workflow", run.workflow());
                    json.writeStringField("status", run.status());
                    if (run.failedItems() > 0) {
                        json.writeNumberField("failedItems", run.failedItems());
                        json.writeNumberField("items", run.items());
                    }
                    json.writeStringField("started", run.started().toString());
                    json.writeNumberField("durationMillis", run.durationMillis());
                    json.writeNumberField("executedNodes", run.executedNodes());
                    json.writeNumberField("cachedNodes", run.cachedNodes());
                    json.writeNumberField("failedNodes", run.failedNodes());
                    json.writeStringField("record", run.file().toString());
                    json.writeEndObject();
                }
                json.writeEndArray();
            });
            return ExitCode.OK;
        }
        if (runs.isEmpty()) {
            context.out().println("No runs yet. Records are kept in " + records.folder() + ".");
            return ExitCode.OK;
        }
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());
        int width = Math.max(9, runs.stream().mapToInt(run -> run.statusText().length()).max().orElse(0));
        String row = "%-19s  %-" + width + "s  %9s  %5s  %6s  %-8s  %s";
        context.out().println(String.format(row, "started", "status", "duration", "ran", "cached", "run", "workflow"));
        for (RunRecords.Summary run : runs) {
            context.out().println(String.format(row, time.format(run.started()), run.statusText(),
                    run.durationMillis() + " ms", run.executedNodes(), run.cachedNodes(), run.runId(),
                    run.workflow() == null ? "" : run.workflow()));
        }
        return ExitCode.OK;
    }
}
