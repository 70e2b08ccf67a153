package com.pexper.cli.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import com.pexper.commands.Command;
import com.pexper.commands.CommandContext;
import com.pexper.commands.ExitCode;
import com.pexper.commands.Options;
import com.pexper.commands.UsageException;
import com.pexper.core.cache.MemoryResultCache;
import com.pexper.core.cache.PersistentResultCache;
import com.pexper.core.data.Value;
import com.pexper.core.engine.InvalidWorkflowException;
import com.pexper.core.engine.NodeOutcome;
import com.pexper.core.engine.RunResult;
import com.pexper.core.runs.RunRecordJson;
import com.pexper.model.Workflow;
import com.pexper.model.validation.Problem;

/**
 * {@code pexper run WORKFLOW}: validates the workflow, runs it with progress on stderr, prints its
 * outputs on stdout (or the whole result as JSON), and keeps its results in the workflow's cache.
 */
final class RunCommand implements Command {

    private final Cli.Wiring wiring;
    private final ConsoleRuns runs;
    /** Told the workflow file once known, so that an internal error names it. */
    private final Consumer<Path> workingOn;

    RunCommand(Cli.Wiring wiring, ConsoleRuns runs, Consumer<Path> workingOn) {
        this.wiring = wiring;
        this.runs = runs;
        this.workingOn = workingOn;
    }

    @Override
    public String name() {
        return "run";
    }

    @Override
    public String help() {
        return """
                run WORKFLOW       run a workflow and print its outputs
                  --set NODE.PARAM=VALUE  change a parameter for this run (repeatable)
                  --out DIR          where relative output paths go (default: the workflow's folder)
                  --json             print the result as JSON
                  --jobs N           run at most N nodes at once (default: the number of cores)
                  --no-cache         run every node, ignoring and not saving cached results
                  --allow-read DIR   let the workflow read DIR too (repeatable); it reads its own
                                     folder and the output folder, never Pexper's data folder
                  --allow-write DIR  let the workflow write DIR too (repeatable); it writes the
                                     output folder
                """;
    }

    @Override
    public int run(List<String> arguments, CommandContext context) throws UsageException {
        Options options = Options.parse(name(), arguments, Set.of("json", "no-cache"),
                Set.of("set", "out", "jobs", "allow-read", "allow-write"));
        WorkflowArguments given;
        try {
            given = WorkflowArguments.read(name(), options, context, wiring.registry(), workingOn);
        } catch (Refused e) {
            e.messages().forEach(message -> context.err().println("pexper: " + message));
            return e.exitCode();
        }
        Path file = given.file();
        Workflow workflow = given.workflow();
        Path out = given.out();
        FileGrants grants = given.grants();
        List<Problem> problems = given.problems(wiring, runs);
        if (problems.stream().anyMatch(Problem::isError)) {
            ConsoleRuns.printProblems(file, problems, context.err());
            return ExitCode.INVALID;
        }
        problems.forEach(p -> context.err().println(p));

        if (out != null) {
            try {
                Files.createDirectories(out);
            } catch (IOException e) {
                throw new UsageException("cannot create the output folder " + out + ": " + e.getMessage());
            }
        }
        boolean useCache = !options.flag("no-cache");
        PersistentResultCache cache = useCache ? wiring.caches().forWorkflow(file) : null;
        int jobs = options.positiveInt("jobs", Runtime.getRuntime().availableProcessors());
        Map<String, String> names = runs.displayNames(workflow);
        RunResult result;
        try {
            result = runs.execute(workflow, file, out, grants, jobs, cache, new MemoryResultCache(), names);
        } catch (InvalidWorkflowException e) {
            ConsoleRuns.printProblems(file, e.problems(), context.err());
            return ExitCode.INVALID;
        }
        if (result == null) {
            return ExitCode.INTERRUPTED;
        }
        if (cache != null) {
            try {
                cache.save();
            } catch (IOException e) {
                context.err().println("pexper: could not save the cache to " + cache.file() + ": " + e.getMessage());
            }
        }
        if (options.flag("json")) {
            printJson(result, context);
        } else {
            printOutputs(result, names, context);
        }
        runs.printSummary(result);
        return ConsoleRuns.exitCode(result);
    }

    private static void printOutputs(RunResult result, Map<String, String> names, CommandContext context) {
        if (result.outputs().size() == 1) {
            context.out().println(context.redact(Values.forPeople(result.outputs().values().iterator().next())));
            return;
        }
        for (Map.Entry<String, Value> output : result.outputs().entrySet()) {
            String text = context.redact(Values.forPeople(output.getValue()));
            String name = names.getOrDefault(output.getKey(), output.getKey());
            context.out().println(text.contains("\n") ? name + ":\n" + text : name + ": " + text);
        }
    }

    private static void printJson(RunResult result, CommandContext context) {
        context.printJson(json -> {
            json.writeStartObject();
            json.writeStringField("runId", result.runId());
            json.writeStringField("workflow", result.workflowName());
            json.writeStringField("status", result.outcome().name());
            if (result.failedItems() > 0) {
                json.writeNumberField("failedItems", result.failedItems());
                json.writeNumberField("items", result.batchItems());
            }
            json.writeNumberField("durationMillis", result.finished().toEpochMilli() - result.started().toEpochMilli());
            json.writeObjectFieldStart("outputs");
            for (Map.Entry<String, Value> output : result.outputs().entrySet()) {
                json.writeObjectFieldStart(output.getKey());
                json.writeStringField("type", output.getValue().type().id());
                json.writeFieldName("value");
                Values.writeJson(output.getValue(), json);
                json.writeEndObject();
            }
            json.writeEndObject();
            json.writeArrayFieldStart("outputFiles");
            for (Path file : result.outputFiles()) {
                json.writeString(file.toString());
            }
            json.writeEndArray();
            json.writeArrayFieldStart("nodes");
            for (NodeOutcome node : result.nodes()) {
                json.writeStartObject();
                RunRecordJson.writeNodeFields(node, json);
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }
}
