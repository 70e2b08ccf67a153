package com.pexper.cli.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import com.pexper.commands.Command;
import com.pexper.commands.CommandContext;
import com.pexper.commands.ExitCode;
import com.pexper.commands.Options;
import com.pexper.commands.UsageException;
import com.pexper.model.Workflow;
import com.pexper.model.validation.Problem;

/** {@code pexper validate WORKFLOW}: every problem of a workflow, found without running it. */
final class ValidateCommand implements Command {

    private final Cli.Wiring wiring;
    private final ConsoleRuns runs;
    /** Told the workflow file once known, so that an internal error names it. */
    private final Consumer<Path> workingOn;

    ValidateCommand(Cli.Wiring wiring, ConsoleRuns runs, Consumer<Path> workingOn) {
        this.wiring = wiring;
        this.runs = runs;
        this.workingOn = workingOn;
    }

    @Override
    public String name() {
        return "validate";
    }

    @Override
    public String help() {
        return """
                validate WORKFLOW  list every problem of a workflow, without running it [--json]
                                   [--set ...] [--out DIR] [--allow-read DIR] [--allow-write DIR]
                """;
    }

    @Override
    public int run(List<String> arguments, CommandContext context) throws UsageException {
        Options options = Options.parse(name(), arguments, Set.of("json"), Set.of("set", "out", "allow-read",
                "allow-write"));
        WorkflowArguments given;
        try {
            given = WorkflowArguments.read(name(), options, context, wiring.registry(), workingOn);
        } catch (Refused e) {
            e.messages().forEach(message -> context.err().println("pexper: " + message));
            return e.exitCode();
        }
        Path file = given.file();
        Workflow workflow = given.workflow();
        List<Problem> problems = given.problems(wiring, runs);
        boolean valid = problems.stream().noneMatch(Problem::isError);
        if (options.flag("json")) {
            context.printJson(json -> {
                json.writeStartObject();
                json.writeBooleanField("valid", valid);
                json.writeArrayFieldStart("problems");
                for (Problem problem : problems) {
                    json.writeStartObject();
                    json.writeStringField("severity", problem.severity().name());
                    json.writeStringField("code", problem.code());
                    json.writeStringField("node", problem.nodeId());
                    json.writeStringField("message", problem.message());
                    json.writeStringField("fix", problem.fix());
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
            });
        } else if (valid) {
            context.out().println(file + ": valid (" + workflow.getNodes().size() + " nodes, "
                    + workflow.getConnections().size() + " connections)");
            problems.forEach(p -> context.out().println("  " + p));
        } else {
            ConsoleRuns.printProblems(file, problems, context.out());
        }
        return valid ? ExitCode.OK : ExitCode.INVALID;
    }
}
