package com.pexper.commands;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import com.pexper.core.home.PexperHome;
import com.pexper.model.Workflow;

/** What a running {@link Command} may use; the command line gives it, a test its own. */
@ProviderType
public interface CommandContext {

    /** Results: what a script pipes on. */
    PrintStream out();

    /** Messages, warnings and progress. */
    PrintStream err();

    /** Standard input, e.g. for a key that must never be an argument. */
    InputStream in();

    /** Whether stderr is a terminal: progress may then redraw one line instead of printing many. */
    boolean terminal();

    /** The folder relative paths of the arguments are resolved against. */
    Path workingDirectory();

    /** Pexper's data folder. */
    PexperHome home();

    /** Runs {@code action} on Ctrl-C until the returned handle is closed. */
    AutoCloseable onInterrupt(Runnable action);

    /** Prints one JSON document to {@link #out()}, indented, with the keys in use taken out. */
    void printJson(JsonWriter document);

    /** Text with the keys in use taken out, for anything a command prints that a server or file gave it. */
    String redact(String text);

    /**
     * Runs a workflow the command built, as {@code pexper run} runs one: progress on stderr, Ctrl-C
     * cancels it, a summary at the end. Nothing is cached between its items, so a batch of
     * thousands of files runs in flat memory.
     *
     * @param outputFolder where its relative output paths go; it may write there
     * @param readable files and folders it may read besides: the inputs the user named
     * @param jobs how many nodes may run at once
     * @return the exit code: {@link ExitCode#OK}, {@link ExitCode#NODE_FAILED} when a node or item
     *         failed, {@link ExitCode#INVALID} when the workflow was refused (the problems are
     *         printed), {@link ExitCode#INTERRUPTED} when cancelled
     */
    int runWorkflow(Workflow workflow, Path outputFolder, List<Path> readable, int jobs);

    /**
     * An argument naming a file or folder, resolved against {@link #workingDirectory()}.
     *
     * @param what what the argument is, for the message when it is not a path ({@code "--out"})
     */
    default Path path(String argument, String what) throws UsageException {
        try {
            return workingDirectory().resolve(argument).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new UsageException(what + ": '" + argument + "' is not a valid path: " + e.getReason());
        }
    }
}
