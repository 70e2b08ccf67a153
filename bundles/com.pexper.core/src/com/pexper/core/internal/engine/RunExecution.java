package com.pexper.core.internal.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import com.pexper.core.cache.ResultCache;
import com.pexper.core.data.DataType;
import com.pexper.core.data.ListValue;
import com.pexper.core.data.Value;
import com.pexper.core.engine.MemoryBudget;
import com.pexper.core.engine.NodeOutcome;
import com.pexper.core.engine.NodeStatus;
import com.pexper.core.engine.Redactor;
import com.pexper.core.engine.RunEvent;
import com.pexper.core.engine.RunHandle;
import com.pexper.core.engine.RunListener;
import com.pexper.core.engine.RunRequest;
import com.pexper.core.engine.ServiceDirectory;
import com.pexper.core.engine.RunResult;
import com.pexper.core.files.FileAccess;
import com.pexper.core.node.Inputs;
import com.pexper.core.node.NodeExecutionException;
import com.pexper.core.node.NodeSignature;
import com.pexper.core.node.PortSpec;
import com.pexper.model.Workflow;
import com.pexper.core.internal.engine.NodeRun.Item;
import com.pexper.core.internal.engine.NodeRun.ItemState;
import com.pexper.core.internal.engine.NodeRun.State;

/**
 * One run of a plan. A single coordinator thread owns all scheduling state, so none of it needs
 * locks: it decides what is ready, computes cache keys, answers cache hits on the spot and hands
 * misses to the worker pool; workers only execute nodes ({@link NodeTask}) and post their
 * completions back.
 *
 * <p>A node fed a list on a single-item port runs once per item. Items stream: item i of a mapped
 * node starts as soon as item i of each mapped node it reads from is done, and item values no
 * consumer still needs are released, so a long chain of per-item work keeps memory flat. A failed
 * item is reported and skipped downstream; the other items go on.
 */
public final class RunExecution implements RunHandle {

    private static final System.Logger LOG = System.getLogger(RunExecution.class.getName());
    private static final Object CANCEL = new Object();
    /** Posted when memory is given back to the budget: items waiting for it may start. */
    private static final Object MEMORY = new Object();
    /** Items of one mapped node that waits on a server in flight at once; its own limit applies within. */
    private static final int IO_WINDOW = 64;

    private final String runId;
    private final Workflow workflow;
    private final NodeRun[] runs;
    private final Path workflowFile;
    private final Executor pool;
    private final Executor ioPool;
    private final int window;
    private final Consumer<RunResult> onFinished;
    private final RunScope scope;
    private final RunEvents events;
    private final CacheKeys keys;
    private final InputAssembly inputs;
    private final CachedResults results;
    private final ResumeProbe resume;
    private final ItemMemory memory;

    private final LinkedBlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
    private final CompletableFuture<RunResult> result = new CompletableFuture<>();

    // Coordinator state: only the coordinator thread touches it.
    private final ArrayDeque<Runnable> work = new ArrayDeque<>();
    private final List<NodeRun> memoryBlocked = new ArrayList<>();
    private boolean forceMemory;
    private AutoCloseable memoryListener = () -> {
    };
    private int unresolved;
    private int inFlight;
    private Instant started;

    /**
     * @param window how many items of one mapped node may be in flight, and how far it may run ahead
     *        of its slowest per-item consumer: the engine's parallelism
     * @param ioPool where nodes that wait on a server run (see {@link NodeSignature#waitsOnIo()})
     * @param services where nodes find the services they declare
     */
    public RunExecution(String runId, Workflow workflow, Plan plan, RunRequest request, FileAccess access,
            MemoryBudget memory, ResultCache cache, Executor pool, Executor ioPool, int window,
            ServiceDirectory services, Path scratchParent, Consumer<RunResult> onFinished) {
        this.runId = runId;
        this.workflow = workflow;
        this.workflowFile = request.workflowFile();
        this.pool = pool;
        this.ioPool = ioPool;
        this.window = Math.max(1, window);
        this.onFinished = onFinished;
        Plan.Step[] steps = plan.steps().toArray(Plan.Step[]::new);
        this.runs = new NodeRun[steps.length];
        for (int p = 0; p < steps.length; p++) {
            runs[p] = new NodeRun(steps[p]);
            runs[p].unsavedImagePort = unsavedImagePort(steps[p]);
        }
        Redactor redactor = services.get(Redactor.class).orElse(Redactor.NONE);
        this.events = new RunEvents(runId, request.listeners().toArray(RunListener[]::new), redactor);
        this.scope = new RunScope(events, new RunFiles(scratchParent.resolve("run-" + runId), request.baseDirectory(),
                request.effectiveOutputDirectory(), access), new Cancellation(), services);
        ItemLineage lineage = new ItemLineage(steps);
        this.memory = new ItemMemory(memory, lineage);
        this.keys = new CacheKeys(runs, scope);
        this.inputs = new InputAssembly(runs, request.baseDirectory());
        this.results = new CachedResults(cache);
        this.resume = new ResumeProbe(runs, lineage, keys, inputs, results);
        countReaders();
    }

    /**
     * The first image output of a node whose outputs go nowhere and that made its image: an input of
     * it is connected, or it gives another result each time; not a node that reads an image from a
     * file. -1 for any other node.
     */
    private static int unsavedImagePort(Plan.Step step) {
        boolean made = !step.signature().deterministic() || Arrays.stream(step.bindings()).anyMatch(Objects::nonNull);
        if (step.consumers().length > 0 || !made) {
            return -1;
        }
        List<PortSpec> outputs = step.signature().outputs();
        for (int p = 0; p < outputs.size(); p++) {
            if (outputs.get(p).type().equals(DataType.IMAGE)) {
                return p;
            }
        }
        return -1;
    }

    private void countReaders() {
        for (NodeRun run : runs) {
            run.consumersLeft = run.step.consumers().length;
            run.retain = run.step.signature().output();
        }
        for (NodeRun run : runs) {
            for (Plan.Binding b : run.step.bindings()) {
                if (b == null) {
                    continue;
                }
                NodeRun source = runs[b.source()];
                if (b.perItem() && source.isMapped()) {
                    run.pendingOpen++;
                    source.perItemReaders++;
                } else {
                    run.pendingWhole++;
                    if (source.isMapped()) {
                        source.retain = true; // someone needs the whole list
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------- RunHandle

    @Override
    public String runId() {
        return runId;
    }

    @Override
    public void cancel() {
        if (!result.isDone()) {
            inbox.add(CANCEL);
        }
    }

    @Override
    public RunResult await() throws InterruptedException {
        try {
            return result.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the run's coordinator failed", e.getCause());
        }
    }

    @Override
    public RunResult await(Duration timeout) throws InterruptedException {
        try {
            return result.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return null;
        } catch (ExecutionException e) {
            throw new IllegalStateException("the run's coordinator failed", e.getCause());
        }
    }

    @Override
    public boolean isDone() {
        return result.isDone();
    }

    // ---------------------------------------------------------------- coordinator

    /** Starts the coordinator on its own thread. */
    public RunExecution start() {
        memoryListener = memory.budget().onRelease(() -> inbox.add(MEMORY));
        Thread coordinator = new Thread(this::coordinate, "pexper-run-" + runId);
        coordinator.setDaemon(true);
        coordinator.start();
        return this;
    }

    private boolean cancelled() {
        return scope.cancellation().isCancelled();
    }

    private void coordinate() {
        try {
            started = Instant.now();
            unresolved = runs.length;
            events.emit(new RunEvent.RunStarted(runId, workflow.getName(), runs.length));
            for (NodeRun run : runs) {
                if (run.pendingWhole == 0 && run.pendingOpen == 0) {
                    work.add(() -> open(run));
                }
            }
            drain();
            while (unresolved > 0 && !(cancelled() && inFlight == 0)) {
                if (inFlight == 0 && inbox.isEmpty()) {
                    if (!memoryBlocked.isEmpty()) {
                        // Only this run's own items could give memory back, and none is running: its next
                        // item goes beyond the budget (another run's items, or a chain of nodes that each
                        // reserve) rather than the run waiting for ever.
                        forceMemory = true;
                        retryMemoryBlocked();
                        drain();
                        forceMemory = false;
                        continue;
                    }
                    failStuck();
                    break;
                }
                Object message = inbox.take();
                if (message == MEMORY) {
                    retryMemoryBlocked();
                } else if (message == CANCEL) {
                    scope.cancellation().cancel();
                } else {
                    handle((NodeTask.Completion) message);
                }
                drain();
            }
            if (cancelled()) {
                for (NodeRun run : runs) {
                    if (run.state != State.DONE) {
                        resolve(run, NodeStatus.CANCELLED, "cancelled");
                        events.emit(new RunEvent.NodeCancelled(runId, run.step.id()));
                    }
                }
            }
            finish();
        } catch (Throwable t) {
            LOG.log(System.Logger.Level.ERROR, "run " + runId + " failed in the engine", t);
            scope.cancellation().abort();
            result.completeExceptionally(t);
        }
    }

    /** Nothing runs and nothing can become ready: a bug in planning. Fail what is left rather than hang. */
    private void failStuck() {
        for (NodeRun run : runs) {
            if (run.state != State.DONE) {
                resolve(run, NodeStatus.FAILED, "internal error: the engine could not schedule this node");
                events.emit(new RunEvent.NodeFailed(runId, run.step.id(), run.error));
            }
        }
    }

    private void drain() {
        Runnable next;
        while ((next = work.poll()) != null) {
            next.run();
        }
    }

    /** All whole inputs are there (and, for a mapped node, every list's length is known). */
    private void open(NodeRun run) {
        if (run.state != State.WAITING || cancelled()) {
            return;
        }
        Plan.Step step = run.step;
        if (!step.mapped()) {
            Inputs whole;
            try {
                whole = inputs.whole(run);
                run.key = keys.of(run, whole, -1, null);
            } catch (Exception e) {
                fail(run, message(e));
                return;
            }
            Value[] outputs = results.lookup(step, run.key);
            if (outputs != null) {
                run.cached = true;
                complete(run, outputs);
                return;
            }
            run.state = State.SUBMITTED;
            submit(run, -1, whole);
            return;
        }
        int count = itemCount(run);
        if (count < 0) {
            return;
        }
        try {
            run.sharedInputs = inputs.whole(run);
        } catch (Exception e) {
            fail(run, message(e));
            return;
        }
        run.state = State.OPEN;
        run.itemCount = count;
        run.items = new Item[count];
        memory.open(step.position(), count);
        for (int i = 0; i < count; i++) {
            run.items[i] = new Item();
            run.items[i].readersLeft = run.perItemReaders;
        }
        events.emit(new RunEvent.NodeQueued(runId, step.id()));
        for (int c : step.consumers()) {
            NodeRun consumer = runs[c];
            for (Plan.Binding b : consumer.step.bindings()) {
                if (b != null && b.perItem() && b.source() == step.position()) {
                    consumer.pendingOpen--;
                }
            }
            readyIfOpenable(consumer);
        }
        if (count == 0) {
            completeMapped(run);
            return;
        }
        work.add(() -> admit(run));
    }

    /** The length of the lists a mapped node maps over; -1, the node failed, when they differ. */
    private int itemCount(NodeRun run) {
        int count = -1;
        String lengths = "";
        for (Plan.Binding b : run.step.bindings()) {
            if (b == null || !b.perItem()) {
                continue;
            }
            NodeRun source = runs[b.source()];
            int n = source.isMapped() ? source.itemCount : ((ListValue) source.outputs[b.sourcePort()]).size();
            lengths += (lengths.isEmpty() ? "" : ", ") + "'" + b.port().name() + "' " + n;
            if (count >= 0 && n != count) {
                count = -2;
            } else if (count != -2) {
                count = n;
            }
        }
        if (count == -2) {
            fail(run, "the lists fed to one node must have the same length, but they have " + lengths
                    + " items. Feed lists of equal length, or only one list.");
            return -1;
        }
        return count;
    }

    private void readyIfOpenable(NodeRun run) {
        if (isOpenable(run)) {
            work.add(() -> open(run));
        }
    }

    private static boolean isOpenable(NodeRun run) {
        return run.state == State.WAITING && run.pendingWhole == 0 && run.pendingOpen == 0;
    }

    /**
     * How many items of a node may be in flight, and how far it may run ahead of its slowest
     * per-item consumer: this keeps items streaming through a chain one after the other instead of
     * piling up between nodes.
     */
    private int windowOf(NodeRun run) {
        return run.step.signature().waitsOnIo() ? Math.max(window, IO_WINDOW) : window;
    }

    /** Starts the next items of a mapped node, in order, within its {@link #windowOf window}. */
    private void admit(NodeRun run) {
        while (run.state == State.OPEN && !cancelled() && run.admitted < run.itemCount
                && run.admitted - lowWatermark(run) < windowOf(run)) {
            int i = run.admitted;
            if (!upstreamResolved(run, i)) {
                return;
            }
            run.admitted++;
            if (!startItem(run, i)) {
                run.admitted--; // waits for memory; admitted again when some is given back
                if (!memoryBlocked.contains(run)) {
                    memoryBlocked.add(run);
                }
                return;
            }
        }
    }

    /** Items that the node's open per-item consumers (or, without any, the node itself) have finished. */
    private int lowWatermark(NodeRun run) {
        int low = run.resolvedItems;
        if (run.retain) {
            return low; // every item is kept for a whole-list consumer anyway
        }
        for (int c : run.step.consumers()) {
            NodeRun consumer = runs[c];
            if (consumer.state == State.OPEN && consumer.readsPerItem(run)) {
                low = Math.min(low, consumer.resolvedItems);
            }
        }
        return low;
    }

    private boolean upstreamResolved(NodeRun run, int i) {
        for (Plan.Binding b : run.step.bindings()) {
            if (b != null && b.perItem() && runs[b.source()].isMapped()) {
                ItemState upstream = runs[b.source()].items[i].state;
                if (upstream == ItemState.WAITING || upstream == ItemState.SUBMITTED) {
                    return false;
                }
            }
        }
        return true;
    }

    /** @return false when the item must wait for memory (nothing about it has changed then) */
    private boolean startItem(NodeRun run, int i) {
        Item item = run.items[i];
        for (Plan.Binding b : run.step.bindings()) {
            if (b != null && b.perItem() && runs[b.source()].isMapped()
                    && runs[b.source()].items[i].state != ItemState.DONE) {
                item.state = ItemState.SKIPPED;
                resolveItem(run, i);
                return true;
            }
        }
        if (item.reused) {
            reuse(run, i);
            return true;
        }
        Inputs itemInputs = null;
        try {
            itemInputs = inputs.item(run, i);
            item.source = InputAssembly.sourceOf(run, i, itemInputs, runs);
            item.key = keys.of(run, itemInputs, i, null);
        } catch (Exception e) {
            failItem(run, i, itemInputs, message(e));
            return true;
        }
        Value[] cached = results.lookup(run.step, item.key);
        if (cached != null) {
            item.outputs = cached;
            reuse(run, i);
            return true;
        }
        if (resultsFurtherOnInPlace(run, i)) {
            item.outputs = null;
            reuse(run, i);
            return true;
        }
        if (item.memoryNeed < 0) {
            item.memoryNeed = memoryNeeded(run, i, itemInputs);
        }
        switch (memory.admit(run.step.position(), i, item.memoryNeed, forceMemory)) {
            case TOO_LARGE -> {
                failItem(run, i, itemInputs, memory.budget().tooLarge(item.memoryNeed));
                return true;
            }
            case WAIT -> {
                return false;
            }
            case ADMITTED -> {
                if (item.memoryNeed > 0) {
                    forceMemory = false; // one item beyond the budget is enough to make progress
                }
            }
        }
        item.state = ItemState.SUBMITTED;
        submit(run, i, itemInputs);
        return true;
    }

    private void reuse(NodeRun run, int i) {
        run.items[i].state = ItemState.DONE;
        run.cachedItems++;
        resolveItem(run, i);
    }

    /** Asks {@link ResumeProbe} whether item i need not run; if so, marks the later nodes' items it found reused. */
    private boolean resultsFurtherOnInPlace(NodeRun run, int i) {
        if (!run.step.signature().deterministic() || resume.askedAbove(run, i)) {
            return false;
        }
        for (int p : resume.after(run)) {
            if (isOpenable(runs[p])) {
                open(runs[p]); // queued already; opened now so that its key can be known
            }
        }
        Map<Integer, ResumeProbe.Reuse> reusable = resume.reusable(run, i);
        if (reusable == null) {
            run.items[i].probed = true;
            return false;
        }
        reusable.forEach((p, reuse) -> {
            Item later = runs[p].items[i];
            later.key = reuse.key();
            later.outputs = reuse.outputs();
            later.reused = true;
        });
        return true;
    }

    private long memoryNeeded(NodeRun run, int i, Inputs itemInputs) {
        try {
            return Math.max(0, run.step.executor().memoryNeeded(itemInputs, new NodeContext(scope, run, i, run.itemCount)));
        } catch (Exception | LinkageError e) {
            return 0; // the node meets the same problem when it runs, and says so
        }
    }

    /** Items wait for memory no longer once some is given back: admit them again, in order. */
    private void retryMemoryBlocked() {
        List<NodeRun> blocked = new ArrayList<>(memoryBlocked);
        memoryBlocked.clear();
        for (NodeRun run : blocked) {
            work.add(() -> admit(run));
        }
    }

    private void submit(NodeRun run, int item, Inputs taskInputs) {
        inFlight++;
        if (item < 0) {
            events.emit(new RunEvent.NodeQueued(runId, run.step.id()));
        }
        NodeTask task = new NodeTask(run, item, run.itemCount, taskInputs, scope, inbox::add);
        (run.step.signature().waitsOnIo() ? ioPool : pool).execute(task);
    }

    private void handle(NodeTask.Completion done) {
        inFlight--;
        NodeTask task = done.task();
        NodeRun run = task.run;
        if (run.state == State.DONE) {
            return; // skipped meanwhile because something upstream failed
        }
        if (task.item < 0) {
            run.nanos = done.nanos();
            if (done.cancelled()) {
                resolve(run, NodeStatus.CANCELLED, "cancelled");
                events.emit(new RunEvent.NodeCancelled(runId, run.step.id()));
            } else if (done.error() != null) {
                fail(run, done.error());
            } else {
                results.store(run.step, run.key, done.outputs());
                complete(run, done.outputs());
            }
            return;
        }
        Item item = run.items[task.item];
        if (done.cancelled()) {
            item.state = ItemState.CANCELLED;
        } else if (done.error() != null) {
            failItem(run, task.item, task.inputs, done.error());
        } else {
            results.store(run.step, item.key, done.outputs());
            item.outputs = done.outputs();
            item.state = ItemState.DONE;
            resolveItem(run, task.item);
        }
    }

    /** @param itemInputs the item's inputs, or null when they could not be gathered */
    private void failItem(NodeRun run, int i, Inputs itemInputs, String message) {
        String error = events.redact(message);
        run.items[i].state = ItemState.FAILED;
        run.failedOwnItems++;
        String description = itemInputs != null ? events.redact(InputAssembly.describeItem(run, i, itemInputs))
                : "item " + (i + 1);
        run.failures.add(new NodeOutcome.ItemFailure(i, description, error));
        events.emit(new RunEvent.ItemFailed(runId, run.step.id(), i, description, error));
        resolveItem(run, i);
    }

    private void resolveItem(NodeRun run, int i) {
        Item item = run.items[i];
        memory.resolved(run.step.position(), i);
        run.resolvedItems++;
        run.resolvedItemsSeen = run.resolvedItems;
        for (Plan.Binding b : run.step.bindings()) {
            if (b != null && b.perItem() && runs[b.source()].isMapped()) {
                NodeRun source = runs[b.source()];
                Item upstream = source.items[i];
                if (--upstream.readersLeft <= 0 && !source.retain) {
                    upstream.outputs = null;
                }
            }
        }
        if (item.state == ItemState.DONE && run.firstItemSummary == null && item.outputs != null
                && item.outputs.length > 0) {
            run.firstItemSummary = events.redact(item.outputs[0].summary());
        }
        // items end in any order: the preview is of the first in the list that succeeded
        if (item.state == ItemState.DONE && item.outputs != null && events.isHeard()
                && (run.firstItemIndex < 0 || i < run.firstItemIndex)) {
            run.firstItemOutputs = item.outputs;
            run.firstItemIndex = i;
        }
        if (run.perItemReaders == 0 && !run.retain) {
            item.outputs = null;
        }
        if (events.isHeard()) {
            events.emit(new RunEvent.NodeProgress(runId, run.step.id(), run.resolvedItems / (double) run.itemCount,
                    null, run.resolvedItems, run.itemCount));
        }
        for (int c : run.step.consumers()) {
            NodeRun consumer = runs[c];
            if (consumer.state == State.OPEN) {
                work.add(() -> admit(consumer));
            }
        }
        for (Plan.Binding b : run.step.bindings()) {
            if (b != null && b.perItem() && runs[b.source()].isMapped()) {
                NodeRun source = runs[b.source()];
                work.add(() -> admit(source)); // this node caught up: its source may run further ahead
            }
        }
        if (run.resolvedItems == run.itemCount) {
            completeMapped(run);
        } else {
            work.add(() -> admit(run));
        }
    }

    private void completeMapped(NodeRun run) {
        int done = doneItems(run);
        run.key = keys.ofList(run);
        if (run.itemCount > 0 && done == 0) {
            String why = run.failedOwnItems > 0 ? "all " + run.itemCount + " items failed"
                    : "no item reached it: they failed upstream";
            if (run.failedOwnItems > 0) {
                fail(run, why);
            } else {
                resolve(run, NodeStatus.SKIPPED, why);
                events.emit(new RunEvent.NodeSkipped(runId, run.step.id(), why));
                skipDownstream(run);
            }
            return;
        }
        run.cached = run.itemCount > 0 && run.cachedItems == run.itemCount;
        long firstStart = run.firstStart.get();
        run.nanos = firstStart == 0 ? 0 : System.nanoTime() - firstStart;
        complete(run, run.retain ? collected(run, done) : null);
    }

    /** A retained mapped node's outputs: per port, the list of its successful items' values. */
    private static Value[] collected(NodeRun run, int done) {
        List<PortSpec> ports = run.step.signature().outputs();
        Value[] outputs = new Value[ports.size()];
        for (int p = 0; p < outputs.length; p++) {
            List<Value> values = new ArrayList<>(done);
            for (Item item : run.items) {
                if (item.state == ItemState.DONE) {
                    values.add(item.outputs[p]);
                }
            }
            outputs[p] = new ListValue(ports.get(p).type(), values);
        }
        return outputs;
    }

    private void complete(NodeRun run, Value[] outputs) {
        run.outputs = outputs;
        run.summaries = RunOutcomes.summarize(run, events);
        resolve(run, NodeStatus.SUCCEEDED, null);
        if (events.isHeard()) {
            boolean firstItem = outputs == null && run.firstItemOutputs != null;
            Value[] shown = firstItem ? run.firstItemOutputs : outputs;
            events.emit(new RunEvent.NodeOutputs(runId, run.step.id(), shown == null ? List.of() : Arrays.asList(shown),
                    run.isMapped() ? doneItems(run) : -1, firstItem));
            run.firstItemOutputs = null;
        }
        events.emit(new RunEvent.NodeFinished(runId, run.step.id(), run.cached, run.nanos,
                run.isMapped() ? run.itemCount : -1, run.failures.size(), run.cachedItems));
        for (int c : run.step.consumers()) {
            NodeRun consumer = runs[c];
            for (Plan.Binding b : consumer.step.bindings()) {
                if (b != null && b.source() == run.step.position() && !(b.perItem() && run.isMapped())) {
                    consumer.pendingWhole--;
                }
            }
            readyIfOpenable(consumer);
        }
    }

    private static int doneItems(NodeRun run) {
        if (run.items == null) {
            return Math.max(0, run.itemCount);
        }
        int done = 0;
        for (Item item : run.items) {
            if (item.state == ItemState.DONE) {
                done++;
            }
        }
        return done;
    }

    /** Marks a node done, and lets go of what its sources no longer need to keep. */
    private void resolve(NodeRun run, NodeStatus status, String error) {
        run.state = State.DONE;
        run.status = status;
        run.error = events.redact(error);
        run.sharedInputs = null;
        unresolved--;
        memory.settle(p -> runs[p].state == State.DONE);
        Plan.Binding[] bindings = run.step.bindings();
        for (int j = 0; j < bindings.length; j++) {
            Plan.Binding b = bindings[j];
            if (b != null && isFirstFromSource(bindings, j)) {
                NodeRun source = runs[b.source()];
                if (--source.consumersLeft == 0 && !source.step.signature().output()) {
                    source.outputs = null;
                    source.releaseItems();
                }
            }
        }
    }

    private static boolean isFirstFromSource(Plan.Binding[] bindings, int j) {
        for (int k = 0; k < j; k++) {
            if (bindings[k] != null && bindings[k].source() == bindings[j].source()) {
                return false;
            }
        }
        return true;
    }

    private void fail(NodeRun run, String error) {
        resolve(run, NodeStatus.FAILED, error);
        events.emit(new RunEvent.NodeFailed(runId, run.step.id(), run.error));
        skipDownstream(run);
    }

    private void skipDownstream(NodeRun origin) {
        ArrayDeque<NodeRun> queue = new ArrayDeque<>();
        queue.add(origin);
        while (!queue.isEmpty()) {
            NodeRun from = queue.poll();
            for (int c : from.step.consumers()) {
                NodeRun consumer = runs[c];
                if (consumer.state == State.DONE) {
                    continue;
                }
                String reason = "not run because '" + origin.step.id() + "' " + (origin.status == NodeStatus.FAILED
                        ? "failed" : "did not run");
                resolve(consumer, NodeStatus.SKIPPED, reason);
                events.emit(new RunEvent.NodeSkipped(runId, consumer.step.id(), reason));
                queue.add(consumer);
            }
        }
    }

    private void finish() {
        memory.releaseAll();
        try {
            memoryListener.close();
        } catch (Exception e) {
            // removing a listener from a set does not fail
        }
        scope.files().deleteScratch();
        RunResult done = RunOutcomes.result(runId, workflow, workflowFile, cancelled(), started, runs,
                scope.files().written());
        try {
            onFinished.accept(done);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not record run " + runId, e);
        }
        events.emit(new RunEvent.RunFinished(runId, done));
        result.complete(done);
    }

    private static String message(Exception e) {
        if (e instanceof NodeExecutionException || e instanceof IllegalArgumentException) {
            return e.getMessage();
        }
        return "unexpected " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
