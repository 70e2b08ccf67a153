package com.pexper.cli.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import com.pexper.commands.CommandContext;
import com.pexper.commands.ExitCode;
import com.pexper.core.cache.MemoryResultCache;
import com.pexper.core.cache.PersistentResultCache;
import com.pexper.core.engine.Engine;
import com.pexper.core.engine.InvalidWorkflowException;
import com.pexper.core.engine.MemoryBudget;
import com.pexper.core.engine.NodeOutcome;
import com.pexper.core.engine.NodeStatus;
import com.pexper.core.engine.RunHandle;
import com.pexper.core.engine.RunRequest;
import com.pexper.core.engine.RunResult;
import com.pexper.core.engine.RunStatus;
import com.pexper.core.home.PexperHome;
import com.pexper.core.node.NodeType;
import com.pexper.model.Node;
import com.pexper.model.Workflow;
import com.pexper.model.validation.Problem;

/**
 * Runs workflows on the console: live progress on stderr, Ctrl-C cancelling the run, the cache
 * saved while a long run goes on, a summary at the end and the exit code it means.
 */
final class ConsoleRuns {

    /** How often a run's cache is written while it goes on. */
    private static final Duration CACHE_SAVE_INTERVAL = Duration.ofSeconds(2);
    private static final MemoryBudget MEMORY = MemoryBudget.ofHeap("Start Pexper with a larger heap, e.g."
            + " PEXPER_MAX_HEAP=8g ./pexper ..., or lower Read image's 'maxMegapixels' to refuse such images.");

    private final CommandContext context;
    private final Cli.Wiring wiring;

    ConsoleRuns(CommandContext context, Cli.Wiring wiring) {
        this.context = context;
        this.wiring = wiring;
    }

    /**
     * Runs a workflow with live progress and Ctrl-C cancelling it.
     *
     * @param memory the in-run cache of values (bounded); batches of images pass a small one
     * @return the result, or null when the wait was interrupted
     */
    RunResult execute(Workflow workflow, Path file, Path out, FileGrants grants, int jobs, PersistentResultCache cache,
            MemoryResultCache memory, Map<String, String> names) throws InvalidWorkflowException {
        ProgressReporter progress = new ProgressReporter(context.err(), context.terminal(), names);
        try (Engine engine = Engine.builder(wiring.registry()).parallelism(jobs).protect(context.home().root()).memory(MEMORY)
                .runRecords(wiring.records()).scratchDirectory(context.home().scratch()).cache(memory)
                .services(wiring.services()).build()) {
            RunRequest.Builder request = request(file, out, grants).listener(progress);
            if (cache != null) {
                request.cache(cache);
            }
            // Ctrl-C is taken before the run starts: progress is printed from its first moment, and
            // a Ctrl-C that comes then must cancel it too, not be lost
            AtomicReference<RunHandle> running = new AtomicReference<>();
            AtomicBoolean interrupted = new AtomicBoolean();
            try (AutoCloseable interrupt = context.onInterrupt(() -> {
                context.err().println();
                context.err().println("pexper: interrupted; stopping the run (press Ctrl-C again to quit at once)");
                interrupted.set(true);
                RunHandle started = running.get();
                if (started != null) {
                    started.cancel();
                }
            })) {
                RunHandle handle = engine.start(workflow, request.build());
                running.set(handle);
                if (interrupted.get()) {
                    handle.cancel();
                }
                // a run killed midway keeps what it finished: run again, that comes from the cache
                try (AutoCloseable saving = cache == null ? () -> {
                } : cache.savingEvery(CACHE_SAVE_INTERVAL)) {
                    return handle.await();
                }
            }
        } catch (InvalidWorkflowException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static RunRequest.Builder request(Path file, Path out, FileGrants grants) {
        RunRequest.Builder request = RunRequest.builder().workflowFile(file).outputDirectory(out);
        grants.applyTo(request);
        return request;
    }

    /** Folders no workflow reaches: Pexper's data folder, the one this command uses and the environment's. */
    List<Path> protectedFolders() {
        return List.of(context.home().root(), PexperHome.fromEnvironment().root());
    }

    Map<String, String> displayNames(Workflow workflow) {
        Map<String, String> names = new HashMap<>();
        for (Node node : workflow.getNodes()) {
            String label = node.getLabel();
            if (label == null) {
                label = wiring.registry().find(node.getType()).map(NodeType::label).orElse(node.getType());
            }
            names.put(node.getId(), node.getId() + " (" + label + ")");
        }
        return names;
    }

    void printSummary(RunResult result) {
        long millis = result.finished().toEpochMilli() - result.started().toEpochMilli();
        String time = millis < 10_000 ? millis + " ms" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        long failed = result.nodes().stream().filter(n -> n.status() == NodeStatus.FAILED).count();
        long skipped = result.nodes().stream().filter(n -> n.status() == NodeStatus.SKIPPED).count();
        String counts = result.nodes().size() + " nodes: " + result.executedNodes() + " ran, " + result.cachedNodes()
                + " from cache" + (failed > 0 ? ", " + failed + " failed" : "") + (skipped > 0 ? ", " + skipped
                        + " skipped" : "") + (result.failedItems() > 0 ? "; " + result.failedItems() + " of "
                                + result.batchItems() + " items failed" : "");
        switch (result.outcome()) {
            case SUCCEEDED -> context.err().println("Finished in " + time + " (" + counts + ").");
            case FAILED -> context.err().println("Failed after " + time + " (" + counts + ").");
            case CANCELLED -> context.err().println("Cancelled after " + time + "; no partial output files were left.");
        }
        for (NodeOutcome node : result.nodes()) {
            if (node.status() == NodeStatus.FAILED) {
                context.err().println("  " + node.nodeId() + " failed: " + node.error());
            }
            if (!node.itemFailures().isEmpty()) {
                context.err().println("  " + node.nodeId() + ": " + node.itemFailures().size() + " of " + node.items()
                        + " items failed:");
                for (NodeOutcome.ItemFailure failure : node.itemFailures()) {
                    context.err().println("    " + failure.item() + ": " + failure.message());
                }
            }
        }
        if (!result.outputFiles().isEmpty()) {
            context.err().println("Wrote " + result.outputFiles().size() + (result.outputFiles().size() == 1 ? " file"
                    : " files") + (result.outputFiles().size() <= 5 ? ": " + String.join(", ",
                            result.outputFiles().stream().map(Path::toString).toList()) : "."));
        }
    }

    static int exitCode(RunResult result) {
        if (result.status() == RunStatus.CANCELLED) {
            return ExitCode.INTERRUPTED;
        }
        return result.outcome() == RunStatus.FAILED ? ExitCode.NODE_FAILED : ExitCode.OK;
    }

    static void printProblems(Path file, List<Problem> problems, PrintStream to) {
        long errors = problems.stream().filter(Problem::isError).count();
        to.println(file + ": " + errors + (errors == 1 ? " problem" : " problems") + " to fix before it can run:");
        for (Problem problem : problems) {
            to.println("  " + (problem.isError() ? "error: " : "") + problem);
        }
    }

    /** A workflow a command built, run as {@code CommandContext#runWorkflow} says. */
    int runBuilt(Workflow built, Path outputFolder, List<Path> readable, int jobs) {
        RunResult result;
        try {
            result = execute(built, null, outputFolder, FileGrants.none().readingAlso(readable), jobs, null,
                    new MemoryResultCache(1), displayNames(built));
        } catch (InvalidWorkflowException e) {
            e.problems().forEach(p -> context.err().println("pexper: " + p));
            return ExitCode.INVALID;
        }
        if (result == null) {
            return ExitCode.INTERRUPTED;
        }
        printSummary(result);
        return exitCode(result);
    }
}
