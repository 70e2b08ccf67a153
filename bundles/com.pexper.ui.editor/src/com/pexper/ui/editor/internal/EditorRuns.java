package com.pexper.ui.editor.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.swt.widgets.Display;

import com.pexper.ai.AiClients;
import com.pexper.core.cache.PersistentResultCache;
import com.pexper.core.cache.ResultCache;
import com.pexper.core.engine.InvalidWorkflowException;
import com.pexper.core.engine.NodeOutcome;
import com.pexper.core.engine.NodeStatus;
import com.pexper.core.engine.RunEvent;
import com.pexper.core.engine.RunHandle;
import com.pexper.core.engine.RunRequest;
import com.pexper.core.engine.RunResult;
import com.pexper.core.engine.RunStatus;
import com.pexper.core.files.FileAccess;
import com.pexper.edit.WorkflowEditing;
import com.pexper.model.Node;
import com.pexper.model.ParameterValue;
import com.pexper.model.Workflow;
import com.pexper.model.validation.Problem;

/**
 * Runs an editor's workflow, all of it or what some nodes need, as a workbench Job: the workflow
 * as it is on screen (saved or not) is copied, so that editing goes on while it runs; the node
 * states follow the run; the results stay in the workflow's cache, so that the next run computes
 * only what an edit changed, and the edited nodes and those after them are shown out of date.
 */
public final class EditorRuns {

    /** How often a long run's results are saved while it goes on. */
    private static final Duration CACHE_SAVE_INTERVAL = Duration.ofSeconds(2);

    private final WorkflowEditing editing;
    private final Supplier<Path> file;
    private final WorkbenchRuns runs;
    private final NodeStates states;
    private final Display display;
    private final Consumer<String> status;
    private final Runnable runningChanged;
    private final RunPrompts prompts;
    /** The folders allowed in this editor beyond those remembered for the workflow (all of them while untitled). */
    private final Set<FolderGrants.Grant> allowedHere = new LinkedHashSet<>();
    /** What each node was when it last ran: an edit since makes it, and what follows it, out of date. */
    private final Map<String, AsRun> ran = new HashMap<>();
    /** Whether the workflow was edited while the run went on: what it changed is then dimmed when it ends. */
    private boolean editedMeanwhile;
    /** The runs' copies of the workflow, oldest first, until what their nodes were is noted in {@link #ran}. */
    private final List<Workflow> unnoted = new ArrayList<>();
    private ResultCache cache;
    private Path cacheFile;
    private Job job;
    private volatile RunHandle handle;
    private volatile boolean cancelAsked;
    private RunResult last;
    /** The editor closed: a run still ending tells it nothing. */
    private boolean closed;

    /** A node's type, settings and inputs as they were run, in words: quick to compare for 10,000 nodes. */
    private record AsRun(String type, String parameters, Set<String> inputs) {
    }

    /**
     * @param file the workflow's file as it is now (null before it is first saved)
     * @param runningChanged told on the UI thread when a run starts and when it ends
     * @param prompts asks before a run uses more than the workflow may by itself
     */
    public EditorRuns(WorkflowEditing editing, Supplier<Path> file, WorkbenchRuns runs, NodeStates states, Display display,
            Consumer<String> status, Runnable runningChanged, RunPrompts prompts) {
        this.editing = editing;
        this.file = file;
        this.runs = runs;
        this.states = states;
        this.display = display;
        this.status = status;
        this.runningChanged = runningChanged;
        this.prompts = prompts;
    }

    public boolean isRunning() {
        return job != null;
    }

    /** The latest run's result, or null before one ended. */
    public RunResult last() {
        return last;
    }

    /**
     * Starts a run of {@code targets} and what they need, or of the whole workflow when there are
     * none; says in the status line why not when one is going on already.
     */
    public void start(Collection<Node> targets) {
        start(targets.stream().map(Node::getId).toList(), false);
    }

    /**
     * @param targetIds the nodes to run with what they need, or none for all
     * @param keysAsked whether the user was asked about the keys already, for this press of Run
     */
    private void start(List<String> targetIds, boolean keysAsked) {
        if (job != null) {
            status.accept("A run of this workflow is going on: wait for it to end, or cancel it (Esc).");
            return;
        }
        Workflow copy = ModelCopy.of(editing.workflow());
        List<String> present = editing.workflow().getNodes().stream().map(Node::getId).filter(targetIds::contains).toList();
        if (!targetIds.isEmpty() && present.isEmpty()) {
            status.accept("Not run: the nodes to run were deleted meanwhile.");
            return;
        }
        if (!targetIds.isEmpty()) {
            Cone.keepOnly(copy, Cone.upstream(copy, present));
        }
        Path workflowFile = file.get();
        Refusals refusals = new Refusals();
        RunRequest.Builder request = RunRequest.builder().workflowFile(workflowFile).cache(cacheFor(workflowFile))
                .listener(states).grantAdvice(refusals);
        FolderGrants.Grant.applyTo(allowedHere, request);
        AtomicInteger ended = new AtomicInteger();
        request.listener(event -> {
            if (event instanceof RunEvent.NodeFinished || event instanceof RunEvent.NodeFailed
                    || event instanceof RunEvent.NodeSkipped || event instanceof RunEvent.NodeCancelled) {
                ended.incrementAndGet();
            }
        });
        List<String> ids = copy.getNodes().stream().map(Node::getId).toList();
        editedMeanwhile = false;
        // what each node was is noted at the first edit, not now: the run should not wait for it
        if (targetIds.isEmpty()) {
            unnoted.clear(); // every node is in this copy
        } else if (unnoted.size() >= 4) {
            ran.putAll(note(unnoted.remove(0)));
        }
        unnoted.add(copy);
        states.starting(ids);
        String name = workflowFile == null ? Objects.requireNonNullElse(editing.workflow().getName(), "Untitled")
                : workflowFile.getFileName().toString();
        String what = targetIds.isEmpty() ? "Running " + name : "Running " + ids.size() + " of "
                + editing.workflow().getNodes().size() + " nodes of " + name;
        cancelAsked = false;
        Attempt attempt = new Attempt(targetIds, name, workflowFile, refusals, keysAsked);
        job = new Job(what) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                return execute(copy, request, attempt, ended, monitor);
            }

            @Override
            protected void canceling() {
                cancel();
            }
        };
        job.schedule();
        status.accept(what + "...");
        runningChanged.run();
    }

    /** The editor is closing: its run is cancelled, and when it ends nothing is shown. */
    public void close() {
        closed = true;
        cancel();
    }

    /** Stops the run: nothing new starts, running nodes stop at their next check, partial files are removed. */
    public void cancel() {
        cancelAsked = true;
        RunHandle running = handle;
        if (running != null) {
            running.cancel();
        }
    }

    /** One press of Run: what it runs, and what it may be asked to allow. */
    private record Attempt(List<String> targetIds, String name, Path workflowFile, Refusals refusals, boolean keysAsked) {
    }

    /**
     * The folders a run was refused that a grant would lift, noted as the engine refuses them, at
     * validation and while nodes open files, so that the user can be asked.
     */
    private static final class Refusals implements FileAccess.GrantAdvice {
        static final String ADVICE = "Pexper asks you whether to allow it.";
        private final Set<FolderGrants.Grant> grants = new LinkedHashSet<>();

        @Override
        public synchronized String howToAllow(FileAccess.Mode mode, Path folder) {
            grants.add(new FolderGrants.Grant(mode, folder));
            return ADVICE;
        }

        synchronized List<FolderGrants.Grant> grants() {
            return List.copyOf(grants);
        }
    }

    private IStatus execute(Workflow workflow, RunRequest.Builder requested, Attempt attempt, AtomicInteger ended,
            IProgressMonitor monitor) {
        int nodes = workflow.getNodes().size();
        SubMonitor progress = SubMonitor.convert(monitor, nodes);
        RunResult result = null;
        try {
            try {
                FolderGrants.Grant.applyTo(runs.folderGrants().of(attempt.workflowFile()), requested);
            } catch (IOException e) {
                display.asyncExec(() -> ended(null, "the folders allowed to it cannot be read: " + e.getMessage()));
                return Status.OK_STATUS;
            }
            RunRequest request = requested.build();
            if (!attempt.keysAsked()) {
                List<AiClients.OriginChange> changes = runs.ai().map(ai -> KeyOriginChanges.in(workflow,
                        runs.engine().registry(), ai, request.baseDirectory())).orElse(List.of());
                if (!changes.isEmpty()) {
                    display.asyncExec(() -> askAboutKeys(attempt, changes));
                    return Status.OK_STATUS;
                }
            }
            RunHandle started = runs.engine().start(workflow, request);
            handle = started;
            if (cancelAsked) {
                started.cancel();
            }
            int reported = 0;
            // a run killed midway keeps what it finished, as on the command line
            try (AutoCloseable saving = request.cache() instanceof PersistentResultCache persistent
                    ? persistent.savingEvery(CACHE_SAVE_INTERVAL) : () -> {
                    }) {
                while ((result = started.await(Duration.ofMillis(50))) == null) {
                    if (monitor.isCanceled()) {
                        started.cancel();
                    }
                    int done = ended.get();
                    progress.worked(done - reported);
                    progress.subTask(done + " of " + nodes + " nodes");
                    reported = done;
                }
            }
            RunResult finished = result;
            // the run has ended for the user now; saving the results it leaves for the next may take a moment
            display.asyncExec(() -> {
                ended(finished, null);
                if (finished.status() != RunStatus.CANCELLED) {
                    askAboutFolders(attempt, refusedNodes(finished), true);
                }
            });
            saveCache(request.cache());
            return Status.OK_STATUS; // how the nodes fared is on the canvas, not in an error dialog
        } catch (InvalidWorkflowException e) {
            List<Problem> errors = e.problems().stream().filter(Problem::isError).toList();
            if (errors.isEmpty()) {
                errors = e.problems();
            }
            if (!attempt.refusals().grants().isEmpty() && errors.stream().allMatch(p -> p.message().contains(Refusals.ADVICE))) {
                // only folders the user may allow stand in the way: ask
                List<String> refused = errors.stream().map(Problem::nodeId).distinct().toList();
                display.asyncExec(() -> {
                    ended(null, "");
                    askAboutFolders(attempt, refused, false);
                });
                return Status.OK_STATUS;
            }
            // validation's problems are in the Problems view already; what the engine refused besides (a folder
            // the workflow may never use, a missing service) is said here
            List<Problem> problems = errors;
            display.asyncExec(() -> ended(null, problems.size() + (problems.size() == 1 ? " problem" : " problems")
                    + " to fix first, the first: " + problems.get(0)));
            return Status.OK_STATUS;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            display.asyncExec(() -> ended(null, "The run was interrupted."));
            return Status.CANCEL_STATUS;
        } catch (Exception e) {
            display.asyncExec(() -> ended(null, "The run failed inside Pexper (" + e + "); see the error log."));
            return Status.error("The run failed inside Pexper", e);
        } finally {
            handle = null;
            monitor.done();
        }
    }

    private void saveCache(ResultCache used) {
        if (used instanceof PersistentResultCache persistent) {
            try {
                persistent.save();
            } catch (IOException e) {
                display.asyncExec(() -> {
                    if (!closed) {
                        status.accept("Could not save the results for the next run to " + persistent.file() + ": "
                                + e.getMessage());
                    }
                });
            }
        }
    }

    /** On the UI thread, when the run has ended or could not start. */
    private void ended(RunResult result, String refused) {
        job = null;
        if (closed) {
            return;
        }
        if (result != null) {
            last = result;
        }
        states.runEnded();
        if (refused == null) {
            status.accept(summary(result));
        } else {
            status.accept(refused.isEmpty() ? "" : "Not run: " + refused); // empty: a question follows
        }
        if (editedMeanwhile) {
            edited();
        }
        runningChanged.run();
    }

    /** The nodes that failed, or had items fail, on a folder the user may allow. */
    private static List<String> refusedNodes(RunResult result) {
        return result.nodes().stream().filter(node -> node.error() != null && node.error().contains(Refusals.ADVICE)
                || node.itemFailures().stream().anyMatch(f -> f.message().contains(Refusals.ADVICE)))
                .map(NodeOutcome::nodeId).toList();
    }

    /**
     * Asks whether the workflow may use the folders it was refused, and runs it again when it may;
     * says in the status line what was not allowed when it may not.
     */
    private void askAboutFolders(Attempt attempt, List<String> nodes, boolean afterRun) {
        List<FolderGrants.Grant> grants = attempt.refusals().grants();
        if (closed || grants.isEmpty()) {
            return;
        }
        Path workflowFile = attempt.workflowFile();
        Path folder = workflowFile == null ? Path.of("").toAbsolutePath() : workflowFile.toAbsolutePath().getParent();
        RunPrompts.FolderAnswer answer = prompts.allowFolders(attempt.name(), folder, grants, nodes, afterRun,
                workflowFile != null);
        if (closed) {
            return;
        }
        String folders = String.join(", ", grants.stream().map(g -> g.mode().verb() + " in " + g.folder()).toList());
        if (!answer.allowed()) {
            status.accept((afterRun ? "" : "Not run: ") + attempt.name() + " may not " + folders
                    + " (not allowed). Run again to be asked again.");
            return;
        }
        allowedHere.addAll(grants);
        if (answer.remember()) {
            try {
                runs.folderGrants().add(workflowFile, grants);
            } catch (IOException e) {
                status.accept("Allowed until this editor closes, but not remembered: " + e.getMessage());
            }
        }
        start(attempt.targetIds(), true);
    }

    /** Asks, for each key whose provider's address changed, whether it may go there; then runs. */
    private void askAboutKeys(Attempt attempt, List<AiClients.OriginChange> changes) {
        ended(null, "");
        if (closed) {
            return;
        }
        AiClients ai = runs.ai().orElse(null);
        for (AiClients.OriginChange change : changes) {
            if (ai != null && prompts.allowKey(change)) {
                try {
                    ai.allowKey(change.keyName(), change.origin());
                } catch (IOException | IllegalArgumentException e) {
                    status.accept("The key '" + change.keyName() + "' could not be allowed to go to " + change.origin()
                            + ": " + e.getMessage());
                    return;
                }
            }
            if (closed) {
                return;
            }
        }
        // a key the user kept back makes its nodes fail without sending anything, and the ledger says so
        start(attempt.targetIds(), true);
    }

    static String summary(RunResult result) {
        long millis = result.finished().toEpochMilli() - result.started().toEpochMilli();
        String time = millis < 10_000 ? millis + " ms" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        long failed = result.nodes().stream().filter(n -> n.status() == NodeStatus.FAILED).count();
        long skipped = result.nodes().stream().filter(n -> n.status() == NodeStatus.SKIPPED).count();
        String counts = result.nodes().size() + (result.nodes().size() == 1 ? " node: " : " nodes: ")
                + result.executedNodes() + " ran, " + result.cachedNodes() + " reused" + (failed > 0 ? ", " + failed + " failed" : "") + (skipped > 0 ? ", " + skipped
                        + " skipped" : "");
        if (result.status() == RunStatus.CANCELLED) {
            return "Cancelled after " + time + "; no partial output files were left.";
        }
        if (result.outcome() == RunStatus.FAILED) {
            NodeOutcome first = result.nodes().stream().filter(n -> n.status() == NodeStatus.FAILED).findFirst()
                    .orElse(null);
            return "Failed after " + time + " (" + counts + ")" + (first == null ? "; " + result.failedItems() + " of "
                    + result.batchItems() + " items failed." : ": " + first.nodeId() + ": " + first.error());
        }
        return "Finished in " + time + " (" + counts + ").";
    }

    private ResultCache cacheFor(Path workflowFile) {
        if (cache == null || !Objects.equals(cacheFile, workflowFile)) {
            cache = runs.cacheFor(workflowFile);
            cacheFile = workflowFile;
        }
        return cache;
    }

    private static Map<String, AsRun> note(Workflow copy) {
        Map<String, Set<String>> inputs = Cone.inputs(copy);
        Map<String, AsRun> noted = new HashMap<>();
        for (Node node : copy.getNodes()) {
            noted.put(node.getId(), asRun(node, inputs));
        }
        return noted;
    }

    private static AsRun asRun(Node node, Map<String, Set<String>> inputs) {
        StringBuilder parameters = new StringBuilder();
        for (ParameterValue parameter : node.getParameters()) {
            parameters.append(parameter.eClass().getName()).append(':');
            for (EAttribute attribute : parameter.eClass().getEAllAttributes()) {
                parameters.append(attribute.getName()).append('=').append(parameter.eGet(attribute)).append(';');
            }
        }
        return new AsRun(node.getType(), parameters.toString(), inputs.getOrDefault(node.getId(), Set.of()));
    }

    /**
     * After an edit: forgets deleted nodes, and shows as out of date each node whose type, settings
     * or inputs differ from when it ran, and every node after it.
     */
    void edited() {
        if (states.isEmpty()) {
            return;
        }
        if (job != null) {
            editedMeanwhile = true;
        }
        for (Workflow copy : unnoted) {
            ran.putAll(note(copy));
        }
        unnoted.clear();
        Workflow now = editing.workflow();
        states.retain(now.getNodes().stream().map(Node::getId).toList());
        Map<String, Set<String>> inputs = Cone.inputs(now);
        List<String> changed = new ArrayList<>();
        for (Node node : now.getNodes()) {
            AsRun before = ran.get(node.getId());
            if (before != null && !before.equals(asRun(node, inputs))) {
                changed.add(node.getId());
            }
        }
        if (!changed.isEmpty()) {
            states.outOfDate(Cone.downstream(now, changed));
        }
    }
}
