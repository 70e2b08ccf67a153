package com.pexper.cli.internal;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import com.pexper.commands.CommandContext;
import com.pexper.commands.ExitCode;
import com.pexper.commands.Options;
import com.pexper.commands.UsageException;
import com.pexper.core.node.NodeTypeRegistry;
import com.pexper.core.workflow.ParameterOverrides;
import com.pexper.core.workflow.WorkflowValidator;
import com.pexper.model.Workflow;
import com.pexper.model.io.WorkflowFiles;
import com.pexper.model.io.WorkflowFormatException;
import com.pexper.model.text.Quote;
import com.pexper.model.validation.Problem;

/**
 * What {@code run} and {@code validate} are given: the workflow file, loaded, with its {@code --set}
 * changes applied, the output folder and the folders granted.
 *
 * @param out the output folder, or null for the workflow's own
 */
record WorkflowArguments(Path file, Workflow workflow, Path out, FileGrants grants) {

    /**
     * @param workingOn told the workflow file as soon as it is known, so that an internal error names it
     * @throws Refused when the file cannot be read or a {@code --set} does not fit
     */
    static WorkflowArguments read(String command, Options options, CommandContext context,
            NodeTypeRegistry registry, Consumer<Path> workingOn) throws UsageException, Refused {
        Path file = file(options, command, context);
        workingOn.accept(file);
        Workflow workflow = load(file);
        List<String> overrideProblems = ParameterOverrides.apply(workflow, registry, options.all("set"));
        if (!overrideProblems.isEmpty()) {
            throw new Refused(ExitCode.INVALID, overrideProblems);
        }
        return new WorkflowArguments(file, workflow, outputFolder(options, context),
                FileGrants.of(options, context.workingDirectory()));
    }

    /** Every problem the run would meet before it starts: the workflow's, its paths' and its services'. */
    List<Problem> problems(Cli.Wiring wiring, ConsoleRuns runs) {
        return new WorkflowValidator(wiring.registry()).validate(workflow, ConsoleRuns.request(file, out, grants)
                .build(), runs.protectedFolders(), wiring.services());
    }

    /** The one workflow file among the arguments, resolved against the working directory. */
    private static Path file(Options options, String command, CommandContext context) throws UsageException {
        if (options.positional().size() != 1) {
            throw new UsageException("'" + command + "' takes one workflow file, e.g. pexper " + command
                    + " examples/hello.pexper");
        }
        try {
            return context.workingDirectory().resolve(options.positional().get(0)).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new UsageException(Quote.of(options.positional().get(0)) + " is not a valid path: " + e.getReason());
        }
    }

    /** The workflow in {@code file}; when it cannot be read, a message that says why and what to do. */
    private static Workflow load(Path file) throws Refused {
        try {
            return WorkflowFiles.load(file);
        } catch (WorkflowFormatException e) {
            throw new Refused(ExitCode.UNREADABLE, List.of(e.getMessage()));
        } catch (NoSuchFileException e) {
            throw new Refused(ExitCode.UNREADABLE, List.of("cannot read " + file + ": there is no such file. Check the path."));
        } catch (AccessDeniedException e) {
            throw new Refused(ExitCode.UNREADABLE, List.of("cannot read " + file + ": permission denied."));
        } catch (IOException e) {
            throw new Refused(ExitCode.UNREADABLE, List.of("cannot read " + file + ": " + e.getMessage()));
        }
    }

    /** {@code --out DIR}, resolved; null when not given. */
    private static Path outputFolder(Options options, CommandContext context) throws UsageException {
        String value = options.value("out");
        if (value == null) {
            return null;
        }
        return context.path(value, "--out");
    }
}
