package com.pexper.core.internal.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.pexper.core.cache.CacheKey;
import com.pexper.core.cache.CachedResult;
import com.pexper.core.cache.ResultCache;
import com.pexper.core.data.Conversions;
import com.pexper.core.data.DataType;
import com.pexper.core.data.FileValue;
import com.pexper.core.data.ListValue;
import com.pexper.core.data.Value;
import com.pexper.core.engine.NodeOutcome;
import com.pexper.core.engine.NodeStatus;
import com.pexper.core.engine.Engine;
import com.pexper.core.engine.MemoryBudget;
import com.pexper.core.engine.Redactor;
import com.pexper.core.engine.RunEvent;
import com.pexper.core.engine.RunHandle;
import com.pexper.core.engine.RunListener;
import com.pexper.core.engine.RunRequest;
import com.pexper.core.files.FileAccess;
import com.pexper.core.engine.RunResult;
import com.pexper.core.engine.RunStatus;
import com.pexper.core.node.CancelledException;
import com.pexper.core.node.Inputs;
import com.pexper.core.node.NodeExecutionException;
import com.pexper.core.node.Outputs;
import com.pexper.core.node.NodeSignature;
import com.pexper.core.node.PortSpec;
import com.pexper.model.Node;
import com.pexper.model.Workflow;
import com.pexper.model.io.AtomicFile;
import com.pexper.model.io.FolderTree;
import com.pexper.model.text.Quote;

/**
 * One run of a plan. A single coordinator thread owns all scheduling state, so none of it needs
 * locks: it decides what is ready, computes cache keys, answers cache hits on the spot and hands
 * misses to the worker pool; workers only execute nodes and post their completions back.
 *
 * <p>A node fed a list on a single-item port runs once per item. Items stream: item i of a mapped
 * node starts as soon as item i of each mapped node it reads from is done, and item values no
 * consumer still needs are released, so a long chain of per-item work keeps memory flat. A failed
 * item is reported and skipped downstream; the other items go on.
 */
public final class RunExecution implements RunHandle {

    private static final System.Logger LOG = System.getLogger(RunExecution.class.getName());
    private static final byte[] NODE_TAG = "pexper-node-v1".getBytes(StandardCharsets.UTF_8);
    private static final byte[] ITEM_TAG = "pexper-item-v1".getBytes(StandardCharsets.UTF_8);
    private static final byte[] LIST_TAG = "pexper-list-v1".getBytes(StandardCharsets.UTF_8);
    private static final byte[] VALUE_TAG = "pexper-value-v1".getBytes(StandardCharsets.UTF_8);
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private enum State {
        WAITING, OPEN, SUBMITTED, DONE
    }

    private enum ItemState {
        WAITING, SUBMITTED, DONE, FAILED, SKIPPED, CANCELLED
    }

    /** Per-item bookkeeping of a mapped node. */
    private static final class Item {
        ItemState state = ItemState.WAITING;
        CacheKey key;
        Value[] outputs;
        int readersLeft;
        /** What the node declared this item needs, -1 until asked. */
        long memoryNeed = -1;
        /**
         * Resolved without running, as {@link #resultsInPlace} found: {@link #key} is known and
         * {@link #outputs} are the cached ones, or null where nothing reads them.
         */
        boolean reused;
        /** {@link #resultsInPlace} was asked for this item and said no: the nodes after it need not ask again. */
        boolean probed;
    }

    /** The coordinator's view of one node. */
    static final class NodeRun {
        final Plan.Step step;
        State state = State.WAITING;
        NodeStatus status;
        int pendingWhole;
        int pendingOpen;
        int consumersLeft;
        int perItemReaders;
        boolean retain;
        CacheKey key;
        Value[] outputs;
        Map<String, String> summaries = Map.of();
        boolean cached;
        long nanos;
        final AtomicLong firstStart = new AtomicLong();
        String error;
        Inputs sharedInputs;
        int itemCount = -1;
        Item[] items;
        int admitted;
        int resolvedItems;
        volatile int resolvedItemsSeen;
        int cachedItems;
        int failedOwnItems;
        String firstItemSummary;
        final List<NodeOutcome.ItemFailure> failures = new ArrayList<>();

        NodeRun(Plan.Step step) {
            this.step = step;
        }

        boolean isMapped() {
            return step.mapped();
        }

        /** The key of the node's result, or of one item's: known from when its inputs were. */
        CacheKey keyOf(int item) {
            return item < 0 ? key : items[item].key;
        }
    }

    /** What a worker reports back. */
    private record Completion(Task task, Value[] outputs, String error, boolean cancelled, long nanos) {
    }

    private static final Object CANCEL = new Object();
    /** Posted when memory is given back to the budget: items waiting for it may start. */
    private static final Object MEMORY = new Object();
    /** Items of one mapped node that waits on a server in flight at once; its own limit applies within. */
    private static final int IO_WINDOW = 64;

    private final String runId;
    private final Workflow workflow;
    private final Plan.Step[] steps;
    private final NodeRun[] runs;
    private final RunRequest request;
    private final ResultCache cache;
    private final Executor pool;
    private final Executor ioPool;
    private final Engine.Services services;
    private final Redactor redactor;
    private final RunListener[] listeners;
    private final Consumer<RunResult> onFinished;
    private final Path scratchRoot;
    private final Path baseDirectory;
    private final Path outputDirectory;
    private final FileAccess access;
    private final ItemLineage lineage;
    private final ItemMemory memory;
    private final List<NodeRun> memoryBlocked = new ArrayList<>();
    private boolean forceMemory;
    private AutoCloseable memoryListener = () -> {
    };
    private final byte[][] parameterKeys;
    private final int window;

    private volatile boolean cancelled;
    private final LinkedBlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
    private final CompletableFuture<RunResult> result = new CompletableFuture<>();
    private final Set<Task> running = ConcurrentHashMap.newKeySet();
    private final Set<Runnable> cancelActions = ConcurrentHashMap.newKeySet();
    private final Set<Path> writtenFiles = Collections.synchronizedSet(new LinkedHashSet<>());
    private final Set<Path> sweptFolders = ConcurrentHashMap.newKeySet();

    private final ArrayDeque<Runnable> work = new ArrayDeque<>();
    private final KeyHasher hasher = new KeyHasher();
    private final KeyHasher itemHasher = new KeyHasher();
    private int unresolved;
    private int inFlight;
    private Instant started;

    /**
     * @param window how many items of one mapped node may be in flight, and how far it may run ahead
     *        of its slowest per-item consumer: the engine's parallelism
     * @param ioPool where nodes that wait on a server run (see {@link NodeSignature#waitsOnIo()})
     */
    public RunExecution(String runId, Workflow workflow, Plan plan, RunRequest request, FileAccess access,
            MemoryBudget memory, ResultCache cache, Executor pool, Executor ioPool, int window, Engine.Services services, Path scratchParent,
            Consumer<RunResult> onFinished) {
        this.window = Math.max(1, window);
        this.ioPool = ioPool;
        this.services = services;
        this.redactor = services.get(Redactor.class).orElse(Redactor.NONE);
        this.runId = runId;
        this.workflow = workflow;
        this.steps = plan.steps().toArray(Plan.Step[]::new);
        this.request = request;
        this.cache = cache;
        this.pool = pool;
        this.listeners = request.listeners().toArray(RunListener[]::new);
        this.onFinished = onFinished;
        this.scratchRoot = scratchParent.resolve("run-" + runId);
        this.baseDirectory = request.baseDirectory();
        this.outputDirectory = request.effectiveOutputDirectory();
        this.access = access;
        this.lineage = new ItemLineage(steps);
        this.memory = new ItemMemory(memory, lineage);
        this.runs = new NodeRun[steps.length];
        this.parameterKeys = new byte[steps.length][];
        for (int p = 0; p < steps.length; p++) {
            runs[p] = new NodeRun(steps[p]);
            parameterKeys[p] = steps[p].parameterKey().getBytes(StandardCharsets.UTF_8);
        }
        for (NodeRun run : runs) {
            run.consumersLeft = run.step.consumers().length;
            run.retain = run.step.signature().output();
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

    // ---------------------------------------------------------------- for NodeContext and tasks

    boolean isCancelled() {
        return cancelled;
    }

    AutoCloseable onCancel(Runnable action) {
        cancelActions.add(action);
        if (cancelled && cancelActions.remove(action)) {
            runCancelAction(action);
        }
        return () -> cancelActions.remove(action);
    }

    <T> java.util.Optional<T> service(Class<T> type) {
        return services.get(type);
    }

    /** A stream's redaction, for the streamed text of one node (or item) run. */
    Redactor.Stream textRedaction() {
        return new Redactor.Stream(redactor);
    }

    /** @param delta already redacted (see {@link #textRedaction()}) */
    void text(NodeRun run, int item, String delta) {
        if (listeners.length > 0 && delta != null && !delta.isEmpty()) {
            emit(new RunEvent.NodeText(runId, run.step.id(), item, delta, System.nanoTime()));
        }
    }

    Path scratchRoot() {
        return scratchRoot;
    }

    Path baseDirectory() {
        return baseDirectory;
    }

    Path outputDirectory() {
        return outputDirectory;
    }

    FileAccess access() {
        return access;
    }

    void fileWritten(Path file) {
        writtenFiles.add(file);
    }

    /** Removes, once per folder and run, what writers killed mid-write left in a folder this run writes to. */
    void sweepOnce(Path folder) {
        if (folder != null && sweptFolders.add(folder)) {
            AtomicFile.removeAbandoned(folder);
        }
    }

    /** Whether this run wrote the file: it may replace its own files without keeping the old one. */
    boolean wrote(Path file) {
        return writtenFiles.contains(file);
    }

    void progress(NodeRun run, int item, int itemCount, double fraction, String message) {
        if (listeners.length == 0) {
            return;
        }
        double clamped = Math.max(0, Math.min(1, fraction));
        if (item < 0) {
            emit(new RunEvent.NodeProgress(runId, run.step.id(), clamped, redactor.redact(message), -1, -1));
        } else {
            int done = run.resolvedItemsSeen;
            emit(new RunEvent.NodeProgress(runId, run.step.id(), (done + clamped) / Math.max(1, itemCount),
                    redactor.redact(message), done, itemCount));
        }
    }

    void log(NodeRun run, int item, String text) {
        String message = redactor.redact(text);
        emit(new RunEvent.NodeLog(runId, run.step.id(), item < 0 ? message : "item " + (item + 1) + ": " + message));
    }

    private void emit(RunEvent event) {
        for (RunListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "a run listener failed on " + event, e);
            }
        }
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

    private void coordinate() {
        try {
            started = Instant.now();
            unresolved = runs.length;
            emit(new RunEvent.RunStarted(runId, workflow.getName(), runs.length));
            for (NodeRun run : runs) {
                if (run.pendingWhole == 0 && run.pendingOpen == 0) {
                    work.add(() -> open(run));
                }
            }
            drain();
            while (unresolved > 0 && !(cancelled && inFlight == 0)) {
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
                    if (!cancelled) {
                        cancelled = true;
                        runCancelActions();
                        interruptRunning();
                    }
                } else {
                    handle((Completion) message);
                }
                drain();
            }
            if (cancelled) {
                for (NodeRun run : runs) {
                    if (run.state != State.DONE) {
                        resolve(run, NodeStatus.CANCELLED, "cancelled");
                        emit(new RunEvent.NodeCancelled(runId, run.step.id()));
                    }
                }
            }
            finish();
        } catch (Throwable t) {
            LOG.log(System.Logger.Level.ERROR, "run " + runId + " failed in the engine", t);
            cancelled = true;
            interruptRunning();
            result.completeExceptionally(t);
        }
    }

    /** Nothing runs and nothing can become ready: a bug in planning. Fail what is left rather than hang. */
    private void failStuck() {
        for (NodeRun run : runs) {
            if (run.state != State.DONE) {
                resolve(run, NodeStatus.FAILED, "internal error: the engine could not schedule this node");
                emit(new RunEvent.NodeFailed(runId, run.step.id(), run.error));
            }
        }
    }

    private void drain() {
        Runnable next;
        while ((next = work.poll()) != null) {
            next.run();
        }
    }

    private void runCancelActions() {
        for (Runnable action : cancelActions) {
            runCancelAction(action);
        }
    }

    private static void runCancelAction(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "a node's cancel action failed", e);
        }
    }

    private void interruptRunning() {
        for (Task task : running) {
            task.interrupt();
        }
    }

    /** All whole inputs are there (and, for a mapped node, every list's length is known). */
    private void open(NodeRun run) {
        if (run.state != State.WAITING || cancelled) {
            return;
        }
        Plan.Step step = run.step;
        if (!step.mapped()) {
            Inputs inputs;
            try {
                inputs = wholeInputs(run);
                run.key = nodeKey(run, inputs, -1, null);
            } catch (Exception e) {
                fail(run, message(e));
                return;
            }
            CachedResult hit = step.signature().deterministic() ? cache.get(run.key) : null;
            if (hit != null) {
                Value[] outputs = fromCache(step, hit);
                if (outputs != null) {
                    run.cached = true;
                    complete(run, outputs);
                    return;
                }
            }
            run.state = State.SUBMITTED;
            submit(new Task(run, -1, -1, inputs));
            return;
        }
        int count = -1;
        String lengths = "";
        for (Plan.Binding b : step.bindings()) {
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
            return;
        }
        try {
            run.sharedInputs = wholeInputs(run);
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
        emit(new RunEvent.NodeQueued(runId, step.id()));
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

    private void readyIfOpenable(NodeRun run) {
        if (run.state == State.WAITING && run.pendingWhole == 0 && run.pendingOpen == 0) {
            work.add(() -> open(run));
        }
    }

    /**
     * Starts the next items of a mapped node, in order, while fewer than {@link #window} are in
     * flight and the node is less than that far ahead of its slowest per-item consumer. This keeps
     * items streaming through a chain one after the other instead of piling up between nodes.
     */
    private int windowOf(NodeRun run) {
        return run.step.signature().waitsOnIo() ? Math.max(window, IO_WINDOW) : window;
    }

    private void admit(NodeRun run) {
        while (run.state == State.OPEN && !cancelled && run.admitted < run.itemCount
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
            if (consumer.state == State.OPEN && readsPerItem(consumer, run)) {
                low = Math.min(low, consumer.resolvedItems);
            }
        }
        return low;
    }

    private boolean readsPerItem(NodeRun consumer, NodeRun source) {
        for (Plan.Binding b : consumer.step.bindings()) {
            if (b != null && b.perItem() && b.source() == source.step.position()) {
                return true;
            }
        }
        return false;
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
            if (b != null && b.perItem() && runs[b.source()].isMapped()) {
                Item upstream = runs[b.source()].items[i];
                if (upstream.state != ItemState.DONE) {
                    item.state = ItemState.SKIPPED;
                    resolveItem(run, i);
                    return true;
                }
            }
        }
        if (item.reused) {
            reuse(run, i);
            return true;
        }
        Inputs inputs = null;
        try {
            inputs = itemInputs(run, i);
            item.key = nodeKey(run, inputs, i, null);
        } catch (Exception e) {
            failItem(run, i, inputs, message(e));
            return true;
        }
        CachedResult hit = run.step.signature().deterministic() ? cache.get(item.key) : null;
        if (hit != null) {
            Value[] outputs = fromCache(run.step, hit);
            if (outputs != null) {
                item.outputs = outputs;
                reuse(run, i);
                return true;
            }
        }
        if (run.step.signature().deterministic() && !probedAbove(run, i)) {
            if (resultsInPlace(run, i)) {
                item.outputs = null;
                reuse(run, i);
                return true;
            }
            item.probed = true;
        }
        if (item.memoryNeed < 0) {
            item.memoryNeed = memoryNeeded(run, i, inputs);
        }
        switch (memory.admit(run.step.position(), i, item.memoryNeed, forceMemory)) {
            case TOO_LARGE -> {
                failItem(run, i, inputs, memory.budget().tooLarge(item.memoryNeed));
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
        submit(new Task(run, i, run.itemCount, inputs));
        return true;
    }

    private void reuse(NodeRun run, int i) {
        run.items[i].state = ItemState.DONE;
        run.cachedItems++;
        resolveItem(run, i);
    }

    /**
     * Whether item i of a node that missed the cache need not run at all, because no node after it
     * that has to run reads its values: a batch run again after an interruption goes straight past
     * the photos whose cutouts are saved already, without decoding them again. The later nodes'
     * keys are worked out as the run would, with the values not computed standing in as
     * {@link NotComputed} (a fingerprint that needs one throws, and the item runs as usual). A later
     * node has to run when its result is not in the cache and someone wants its values, or it is
     * where the work ends; the others' items are marked reused, with what the cache had.
     */
    private boolean resultsInPlace(NodeRun run, int i) {
        int[] after = lineage.descendants(run.step.position());
        if (after.length == 0 || run.retain) {
            return false;
        }
        Map<Integer, CacheKey> keys = new HashMap<>();
        keys.put(run.step.position(), run.items[i].key);
        Value[][] found = new Value[steps.length][];
        for (int p : after) {
            NodeRun later = runs[p];
            if (later.state == State.WAITING && later.pendingWhole == 0 && later.pendingOpen == 0) {
                open(later); // queued already; opened now so that its key can be known
            }
            if (later.state != State.OPEN || later.items[i].state != ItemState.WAITING || later.items[i].reused
                    || !later.step.signature().deterministic()) {
                return false;
            }
            try {
                Inputs inputs = probeInputs(later, i, keys);
                if (inputs == null) {
                    return false;
                }
                CacheKey key = nodeKey(later, inputs, i, keys);
                keys.put(p, key);
                CachedResult hit = cache.get(key);
                found[p] = hit == null ? null : fromCache(later.step, hit);
            } catch (Exception | LinkageError e) {
                return false;
            }
        }
        boolean[] mustRun = new boolean[steps.length];
        for (int k = after.length - 1; k >= 0; k--) {
            NodeRun later = runs[after[k]];
            mustRun[after[k]] = found[after[k]] == null && (later.perItemReaders == 0 || valuesWanted(later, mustRun));
        }
        if (valuesWanted(run, mustRun)) {
            return false;
        }
        for (int p : after) {
            if (!mustRun[p]) {
                Item item = runs[p].items[i];
                item.key = keys.get(p);
                item.outputs = found[p];
                item.reused = true;
            }
        }
        return true;
    }

    /**
     * Whether a node above already found that item i has work to do after it: asking again at each
     * node of a long chain would cost time in the square of its length.
     */
    private boolean probedAbove(NodeRun run, int i) {
        for (int a : lineage.ancestors(run.step.position())) {
            if (runs[a].items != null && runs[a].items[i].probed) {
                return true;
            }
        }
        return false;
    }

    private boolean valuesWanted(NodeRun run, boolean[] mustRun) {
        if (run.retain) {
            return true;
        }
        for (int c : run.step.consumers()) {
            if (mustRun[c]) {
                return true;
            }
        }
        return false;
    }

    /** Item i's inputs with the values of the nodes in {@code probed} not computed; null when some other input is not there yet. */
    private Inputs probeInputs(NodeRun run, int i, Map<Integer, CacheKey> probed) {
        Map<String, Value> values = new HashMap<>(run.sharedInputs.asMap());
        for (Plan.Binding b : run.step.bindings()) {
            if (b == null || !b.perItem()) {
                continue;
            }
            NodeRun source = runs[b.source()];
            Value value;
            if (probed.containsKey(b.source())) {
                value = new NotComputed(b.targetType());
            } else if (source.isMapped()) {
                Item upstream = source.items[i];
                if (upstream.state != ItemState.DONE || upstream.outputs == null) {
                    return null;
                }
                value = convert(upstream.outputs[b.sourcePort()], b);
            } else {
                value = convert(((ListValue) source.outputs[b.sourcePort()]).get(i), b);
            }
            values.put(b.port().name(), value);
        }
        return Inputs.of(values);
    }

    /** Stands for a value that was not computed, while working out a key: anything that looks into it fails. */
    private record NotComputed(DataType type) implements Value {

        @Override
        public long sizeBytes() {
            return 0;
        }

        @Override
        public String summary() {
            throw new IllegalStateException("not computed");
        }

        @Override
        public String toString() {
            throw new IllegalStateException("not computed");
        }
    }

    private long memoryNeeded(NodeRun run, int i, Inputs inputs) {
        try {
            return Math.max(0, run.step.executor().memoryNeeded(inputs, new NodeContext(this, run, i, run.itemCount)));
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


    private void submit(Task task) {
        inFlight++;
        if (task.item < 0) {
            emit(new RunEvent.NodeQueued(runId, task.run.step.id()));
        }
        (task.run.step.signature().waitsOnIo() ? ioPool : pool).execute(task);
    }

    private void handle(Completion done) {
        inFlight--;
        Task task = done.task;
        NodeRun run = task.run;
        if (run.state == State.DONE) {
            return; // skipped meanwhile because something upstream failed
        }
        if (task.item < 0) {
            run.nanos = done.nanos;
            if (done.cancelled) {
                resolve(run, NodeStatus.CANCELLED, "cancelled");
                emit(new RunEvent.NodeCancelled(runId, run.step.id()));
            } else if (done.error != null) {
                fail(run, done.error);
            } else {
                store(run.step, run.key, done.outputs);
                complete(run, done.outputs);
            }
            return;
        }
        Item item = run.items[task.item];
        if (done.cancelled) {
            item.state = ItemState.CANCELLED;
        } else if (done.error != null) {
            failItem(run, task.item, task.inputs, done.error);
        } else {
            store(run.step, item.key, done.outputs);
            item.outputs = done.outputs;
            item.state = ItemState.DONE;
            resolveItem(run, task.item);
        }
    }

    /** @param inputs the item's inputs, or null when they could not be gathered */
    private void failItem(NodeRun run, int i, Inputs inputs, String message) {
        String error = redactor.redact(message);
        Item item = run.items[i];
        item.state = ItemState.FAILED;
        run.failedOwnItems++;
        String description = inputs != null ? redactor.redact(describeItem(run, i, inputs)) : "item " + (i + 1);
        run.failures.add(new NodeOutcome.ItemFailure(i, description, error));
        emit(new RunEvent.ItemFailed(runId, run.step.id(), i, description, error));
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
            run.firstItemSummary = redactor.redact(item.outputs[0].summary());
        }
        if (run.perItemReaders == 0 && !run.retain) {
            item.outputs = null;
        }
        if (listeners.length > 0) {
            emit(new RunEvent.NodeProgress(runId, run.step.id(), run.resolvedItems / (double) run.itemCount,
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
        int done = 0;
        KeyHasher key = hasher.begin(LIST_TAG);
        for (Item item : run.items) {
            key.add(item.state == ItemState.DONE ? item.key : null);
            if (item.state == ItemState.DONE) {
                done++;
            }
        }
        run.key = key.finish();
        if (run.itemCount > 0 && done == 0) {
            String why = run.failedOwnItems > 0 ? "all " + run.itemCount + " items failed"
                    : "no item reached it: they failed upstream";
            if (run.failedOwnItems > 0) {
                fail(run, why);
            } else {
                resolve(run, NodeStatus.SKIPPED, why);
                emit(new RunEvent.NodeSkipped(runId, run.step.id(), why));
                skipDownstream(run);
            }
            return;
        }
        run.cached = run.itemCount > 0 && run.cachedItems == run.itemCount;
        long firstStart = run.firstStart.get();
        run.nanos = firstStart == 0 ? 0 : System.nanoTime() - firstStart;
        Value[] outputs = null;
        if (run.retain) {
            List<PortSpec> ports = run.step.signature().outputs();
            outputs = new Value[ports.size()];
            for (int p = 0; p < outputs.length; p++) {
                List<Value> values = new ArrayList<>(done);
                for (Item item : run.items) {
                    if (item.state == ItemState.DONE) {
                        values.add(item.outputs[p]);
                    }
                }
                outputs[p] = new ListValue(ports.get(p).type(), values);
            }
        }
        complete(run, outputs);
    }

    private void complete(NodeRun run, Value[] outputs) {
        run.outputs = outputs;
        run.summaries = summarize(run);
        resolve(run, NodeStatus.SUCCEEDED, null);
        emit(new RunEvent.NodeFinished(runId, run.step.id(), run.cached, run.nanos,
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

    /** Marks a node done, and lets go of what its sources no longer need to keep. */
    private void resolve(NodeRun run, NodeStatus status, String error) {
        run.state = State.DONE;
        run.status = status;
        run.error = redactor.redact(error);
        run.sharedInputs = null;
        unresolved--;
        for (NodeRun settled : runs) {
            memory.settle(settled.step.position(), p -> runs[p].state == State.DONE);
        }
        Plan.Binding[] bindings = run.step.bindings();
        for (int j = 0; j < bindings.length; j++) {
            Plan.Binding b = bindings[j];
            if (b != null && isFirstFromSource(bindings, j)) {
                NodeRun source = runs[b.source()];
                if (--source.consumersLeft == 0 && !source.step.signature().output()) {
                    source.outputs = null;
                    source.items = source.items == null ? null : releaseItems(source.items);
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

    private static Item[] releaseItems(Item[] items) {
        for (Item item : items) {
            item.outputs = null;
        }
        return items;
    }

    private void fail(NodeRun run, String error) {
        resolve(run, NodeStatus.FAILED, error);
        emit(new RunEvent.NodeFailed(runId, run.step.id(), run.error));
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
                emit(new RunEvent.NodeSkipped(runId, consumer.step.id(), reason));
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
        RunStatus status = cancelled ? RunStatus.CANCELLED
                : Stream.of(runs).anyMatch(r -> r.status == NodeStatus.FAILED) ? RunStatus.FAILED : RunStatus.SUCCEEDED;
        List<NodeOutcome> outcomes = new ArrayList<>(runs.length);
        Map<Node, Value> outputsByNode = new HashMap<>();
        for (NodeRun run : runs) {
            Plan.Step step = run.step;
            outcomes.add(new NodeOutcome(step.id(), step.type().id(), step.label(), run.status, run.nanos, run.cached,
                    run.isMapped() ? Math.max(run.itemCount, 0) : -1, run.cachedItems, List.copyOf(run.failures),
                    run.error, run.summaries));
            if (step.signature().output() && run.status == NodeStatus.SUCCEEDED && run.outputs != null
                    && run.outputs.length > 0) {
                outputsByNode.put(step.node(), run.outputs[0]);
            }
        }
        Map<String, Value> outputs = new LinkedHashMap<>();
        Set<Path> files = new LinkedHashSet<>(writtenFiles);
        for (Node node : workflow.getNodes()) {
            Value value = outputsByNode.get(node);
            if (value != null) {
                outputs.put(node.getId(), value);
                collectFiles(value, files);
            }
        }
        deleteScratch();
        RunResult done = new RunResult(runId, workflow.getName(), request.workflowFile(), status, started,
                Instant.now(), List.copyOf(outcomes), Collections.unmodifiableMap(outputs), List.copyOf(files));
        try {
            onFinished.accept(done);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not record run " + runId, e);
        }
        emit(new RunEvent.RunFinished(runId, done));
        result.complete(done);
    }

    private static void collectFiles(Value value, Set<Path> files) {
        if (value instanceof FileValue file) {
            files.add(file.path());
        } else if (value instanceof ListValue list) {
            for (Value item : list.items()) {
                collectFiles(item, files);
            }
        }
    }

    private void deleteScratch() {
        try {
            FolderTree.delete(scratchRoot);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "could not remove scratch folder " + scratchRoot, e);
        }
    }

    // ---------------------------------------------------------------- inputs and keys

    private Inputs wholeInputs(NodeRun run) {
        Map<String, Value> values = new HashMap<>();
        for (Plan.Binding b : run.step.bindings()) {
            if (b == null || b.perItem()) {
                continue;
            }
            values.put(b.port().name(), convert(runs[b.source()].outputs[b.sourcePort()], b));
        }
        return Inputs.of(values);
    }

    private Inputs itemInputs(NodeRun run, int i) {
        Map<String, Value> values = new HashMap<>(run.sharedInputs.asMap());
        for (Plan.Binding b : run.step.bindings()) {
            if (b == null || !b.perItem()) {
                continue;
            }
            NodeRun source = runs[b.source()];
            Value value = source.isMapped() ? source.items[i].outputs[b.sourcePort()]
                    : ((ListValue) source.outputs[b.sourcePort()]).get(i);
            values.put(b.port().name(), convert(value, b));
        }
        return Inputs.of(values);
    }

    private Value convert(Value value, Plan.Binding b) {
        try {
            return Conversions.convert(value, b.targetType(), baseDirectory);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("input '" + Quote.shorten(b.port().name()) + "': " + e.getMessage(), e);
        }
    }

    /** @param probed keys of per-item sources whose values were not computed (see {@link #resultsInPlace}), or null */
    private CacheKey nodeKey(NodeRun run, Inputs inputs, int item, Map<Integer, CacheKey> probed) throws Exception {
        Plan.Step step = run.step;
        if (!step.signature().deterministic()) {
            return KeyHasher.unique();
        }
        String fingerprint = step.executor().fingerprint(inputs,
                new NodeContext(this, run, item, run.itemCount));
        KeyHasher key = hasher.begin(item < 0 ? NODE_TAG : ITEM_TAG).add(parameterKeys[step.position()]);
        for (Plan.Binding b : step.bindings()) {
            if (b == null) {
                key.add((CacheKey) null);
            } else if (!b.perItem()) {
                key.add(runs[b.source()].key);
            } else if (probed != null && probed.containsKey(b.source())) {
                key.add(probed.get(b.source()));
            } else {
                key.add(itemKey(runs[b.source()], b, item));
            }
        }
        return key.add(fingerprint).finish();
    }

    /**
     * The key of item i of what a per-item port reads: the producing item's key when the source is
     * mapped; otherwise the item's content when it can be described, else its position in the list.
     */
    private CacheKey itemKey(NodeRun source, Plan.Binding b, int i) {
        if (source.isMapped()) {
            return source.items[i].key;
        }
        Value value = ((ListValue) source.outputs[b.sourcePort()]).get(i);
        if (!itemHasher.begin(VALUE_TAG).addContent(value)) {
            itemHasher.begin(VALUE_TAG).add(source.key).add(i);
        }
        return itemHasher.finish();
    }

    private String describeItem(NodeRun run, int i, Inputs inputs) {
        for (Plan.Binding b : run.step.bindings()) {
            if (b != null && b.perItem()) {
                Value value = inputs.get(b.port().name());
                if (value instanceof FileValue file) {
                    return file.path().getFileName().toString();
                }
                return "item " + (i + 1) + " (" + value.summary() + ")";
            }
        }
        return "item " + (i + 1);
    }

    private void store(Plan.Step step, CacheKey key, Value[] outputs) {
        if (!step.signature().deterministic()) {
            return;
        }
        List<PortSpec> ports = step.signature().outputs();
        Map<String, Value> byPort = new HashMap<>();
        for (int p = 0; p < outputs.length; p++) {
            byPort.put(ports.get(p).name(), outputs[p]);
        }
        cache.put(key, CachedResult.of(byPort));
    }

    private static Value[] fromCache(Plan.Step step, CachedResult hit) {
        List<PortSpec> ports = step.signature().outputs();
        Value[] outputs = new Value[ports.size()];
        for (int p = 0; p < outputs.length; p++) {
            outputs[p] = hit.outputs().get(ports.get(p).name());
            if (outputs[p] == null) {
                return null; // stored by a version with other ports: run again
            }
        }
        return outputs;
    }

    private Map<String, String> summarize(NodeRun run) {
        List<PortSpec> ports = run.step.signature().outputs();
        Map<String, String> summaries = new LinkedHashMap<>();
        for (int p = 0; p < ports.size(); p++) {
            if (run.outputs != null && run.outputs[p] != null) {
                summaries.put(ports.get(p).name(), redactor.redact(run.outputs[p].summary()));
            } else if (run.isMapped()) {
                int done = run.itemCount - run.failures.size();
                summaries.put(ports.get(p).name(), done + (done == 1 ? " item" : " items")
                        + (p == 0 && run.firstItemSummary != null ? ": " + run.firstItemSummary + (done > 1 ? ", ..." : "")
                                : ""));
            }
        }
        return summaries;
    }

    private static String message(Exception e) {
        if (e instanceof NodeExecutionException || e instanceof IllegalArgumentException) {
            return e.getMessage();
        }
        return "unexpected " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    // ---------------------------------------------------------------- worker side

    /** One execution of a node (or of one item of it) on a worker thread. */
    private final class Task implements Runnable, Comparable<Task> {
        final NodeRun run;
        final int item;
        final int itemCount;
        final Inputs inputs;
        final long sequence = SEQUENCE.incrementAndGet();
        private Thread thread;

        Task(NodeRun run, int item, int itemCount, Inputs inputs) {
            this.run = run;
            this.item = item;
            this.itemCount = itemCount;
            this.inputs = inputs;
        }

        /**
         * Lower item indexes first, and among equals the node furthest downstream: an item is
         * carried through the chain before the next one is started, which keeps memory flat.
         */
        @Override
        public int compareTo(Task other) {
            int byItem = Integer.compare(Math.max(item, 0), Math.max(other.item, 0));
            if (byItem != 0) {
                return byItem;
            }
            int byDepth = Integer.compare(other.run.step.position(), run.step.position());
            return byDepth != 0 ? byDepth : Long.compare(sequence, other.sequence);
        }

        synchronized void interrupt() {
            if (thread != null) {
                thread.interrupt();
            }
        }

        /**
         * Always posts a completion, whatever is thrown, and whoever throws it (the node, a listener,
         * the bookkeeping): a lost completion would leave the coordinator waiting for ever.
         */
        @Override
        public void run() {
            Completion completion;
            try {
                completion = cancelled ? new Completion(this, null, null, true, 0) : execute();
            } catch (Throwable t) {
                LOG.log(System.Logger.Level.ERROR, "the engine failed running node " + run.step.id(), t);
                completion = new Completion(this, null, "internal error in the engine ("
                        + t.getClass().getSimpleName() + "; details in the log)", false, 0);
            }
            inbox.add(completion);
        }

        private Completion execute() {
            synchronized (this) {
                thread = Thread.currentThread();
            }
            running.add(this);
            long start = System.nanoTime();
            Completion completion;
            NodeContext context = new NodeContext(RunExecution.this, run, item, itemCount);
            try {
                if (run.firstStart.compareAndSet(0, start)) {
                    emit(new RunEvent.NodeStarted(runId, run.step.id(), itemCount));
                }
                Outputs outputs = run.step.executor().execute(inputs, context);
                completion = new Completion(this, checked(outputs), null, false, System.nanoTime() - start);
            } catch (CancelledException e) {
                completion = cancelled ? new Completion(this, null, null, true, System.nanoTime() - start)
                        : new Completion(this, null, "stopped itself as if cancelled, but the run was not cancelled",
                                false, System.nanoTime() - start);
            } catch (Throwable t) {
                if (cancelled) {
                    completion = new Completion(this, null, null, true, System.nanoTime() - start);
                } else {
                    if (!(t instanceof NodeExecutionException)) {
                        LOG.log(System.Logger.Level.WARNING, "node " + run.step.id() + " failed", t);
                    }
                    completion = new Completion(this, null, describe(t), false, System.nanoTime() - start);
                }
            } finally {
                context.flushText(); // before the completion, so the held-back text precedes the node's last event
                running.remove(this);
                synchronized (this) {
                    thread = null;
                    Thread.interrupted(); // an interrupt meant for this task must not reach the next one
                }
            }
            return completion;
        }

        private Value[] checked(Outputs outputs) throws NodeExecutionException {
            List<PortSpec> ports = run.step.signature().outputs();
            Value[] values = new Value[ports.size()];
            for (int p = 0; p < values.length; p++) {
                PortSpec port = ports.get(p);
                Value value = outputs == null ? null : outputs.get(port.name());
                if (value == null) {
                    throw new NodeExecutionException("node type " + run.step.type().id() + " produced no value for"
                            + " output '" + port.name() + "'; report this to the plug-in's author.");
                }
                if (!value.type().equals(port.type()) && !port.type().equals(DataType.ANY)) {
                    try {
                        value = Conversions.convert(value, port.type());
                    } catch (IllegalArgumentException e) {
                        throw new NodeExecutionException("node type " + run.step.type().id() + " produced "
                                + value.type().displayName() + " for output '" + port.name() + "', which declares "
                                + port.type().displayName() + "; report this to the plug-in's author.");
                    }
                }
                values[p] = value;
            }
            return values;
        }

        private static String describe(Throwable t) {
            if (t instanceof NodeExecutionException) {
                return t.getMessage();
            }
            String text = t.getMessage() == null ? "" : ": " + Quote.shorten(t.getMessage(), 3 * Quote.MAX);
            return "unexpected " + t.getClass().getSimpleName() + text + " (details in the log)";
        }
    }
}
