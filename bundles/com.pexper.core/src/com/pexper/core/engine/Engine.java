package com.pexper.core.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.pexper.core.cache.MemoryResultCache;
import com.pexper.core.cache.ResultCache;
import com.pexper.core.files.FileAccess;
import com.pexper.core.home.PexperHome;
import com.pexper.core.internal.engine.FileParameterCheck;
import com.pexper.core.internal.engine.Planner;
import com.pexper.core.internal.engine.RunExecution;
import com.pexper.core.internal.engine.ServiceCheck;
import com.pexper.core.node.NodeTypeRegistry;
import com.pexper.core.runs.RunRecords;
import com.pexper.model.Workflow;
import com.pexper.model.validation.Problem;

/**
 * Runs workflows: plans the graph, reuses cached results, runs ready nodes in parallel on a bounded
 * pool, streams list items, and records each run. One engine can run several workflows at once;
 * they share its worker pool and, unless a run brings its own, its cache.
 */
public final class Engine implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Engine.class.getName());
    private static final char[] ID_CHARS = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();

    private final NodeTypeRegistry registry;
    private final Planner planner;
    private final ThreadPoolExecutor pool;
    private final ExecutorService ioPool;
    private final ServiceDirectory services;
    private final ResultCache cache;
    private final RunRecords records;
    private final Path scratch;
    private final List<Path> protectedFolders;
    private final MemoryBudget memory;

    private Engine(Builder builder) {
        this.registry = builder.registry;
        this.planner = new Planner(registry);
        this.cache = builder.cache != null ? builder.cache : new MemoryResultCache();
        this.records = builder.records;
        this.scratch = builder.scratch != null ? builder.scratch
                : Path.of(System.getProperty("java.io.tmpdir"), "pexper-" + System.getProperty("user.name"));
        AtomicInteger threads = new AtomicInteger();
        ThreadFactory factory = task -> {
            Thread thread = new Thread(task, "pexper-worker-" + threads.incrementAndGet());
            thread.setDaemon(true);
            thread.setUncaughtExceptionHandler(Engine::uncaught);
            return thread;
        };
        this.pool = new ThreadPoolExecutor(builder.parallelism, builder.parallelism, 30, TimeUnit.SECONDS,
                new PriorityBlockingQueue<>(), factory);
        this.pool.allowCoreThreadTimeOut(true);
        // A node waiting on a server holds no CPU: a virtual thread each, bounded by the node itself.
        this.ioPool = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("pexper-io-", 1)
                .uncaughtExceptionHandler(Engine::uncaught).factory());
        this.services = builder.services;
        this.protectedFolders = List.copyOf(builder.protectedFolders);
        this.memory = builder.memory != null ? builder.memory
                : MemoryBudget.ofHeap("Give Java a larger heap (-Xmx), or lower the node's limits.");
    }

    public static Builder builder(NodeTypeRegistry registry) {
        return new Builder(registry);
    }

    public NodeTypeRegistry registry() {
        return registry;
    }

    /** The number of nodes computing at the same time (nodes waiting on a server do not count). */
    public int parallelism() {
        return pool.getMaximumPoolSize();
    }

    /**
     * Starts a run and returns at once.
     *
     * @throws InvalidWorkflowException listing every problem, when the workflow cannot run
     */
    public RunHandle start(Workflow workflow, RunRequest request) throws InvalidWorkflowException {
        Planner.Result planned = planner.planCached(workflow, request.baseDirectory());
        if (planned.hasErrors()) {
            throw new InvalidWorkflowException(workflowName(workflow, request), planned.problems());
        }
        FileAccess access = request.fileAccess(protectedFolders);
        List<Problem> refused = new ArrayList<>(FileParameterCheck.problems(planned.plan(), access));
        refused.addAll(ServiceCheck.problems(planned.plan(), type -> services.find(type).isPresent()));
        if (!refused.isEmpty()) {
            List<Problem> problems = new ArrayList<>(planned.problems());
            problems.addAll(refused);
            throw new InvalidWorkflowException(workflowName(workflow, request), problems);
        }
        ResultCache runCache = request.cache() != null ? request.cache() : cache;
        return new RunExecution(newRunId(), workflow, planned.plan(), request, access, memory, runCache, pool, ioPool,
                parallelism(), services, scratch, result -> record(result, workflow)).start();
    }

    private static String workflowName(Workflow workflow, RunRequest request) {
        return request.workflowFile() != null ? request.workflowFile().toString()
                : Objects.requireNonNullElse(workflow.getName(), "the workflow");
    }

    /** Runs to the end and returns the result. */
    public RunResult run(Workflow workflow, RunRequest request) throws InvalidWorkflowException, InterruptedException {
        RunHandle handle = start(workflow, request);
        try {
            return handle.await();
        } catch (InterruptedException e) {
            handle.cancel();
            throw e;
        }
    }

    private void record(RunResult result, Workflow asRun) {
        if (records == null) {
            return;
        }
        try {
            records.write(result, asRun);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "could not write the run record to " + records.folder(), e);
        }
    }

    /** Tasks report their own failures to their run; what still escapes a worker must not vanish. */
    private static void uncaught(Thread thread, Throwable t) {
        LOG.log(System.Logger.Level.ERROR, "uncaught on engine thread " + thread.getName(), t);
    }

    private static String newRunId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] id = new char[8];
        for (int i = 0; i < id.length; i++) {
            id[i] = ID_CHARS[random.nextInt(ID_CHARS.length)];
        }
        return new String(id);
    }

    @Override
    public void close() {
        pool.shutdownNow();
        ioPool.shutdownNow();
    }

    public static final class Builder {
        private final NodeTypeRegistry registry;
        private int parallelism = Runtime.getRuntime().availableProcessors();
        private ResultCache cache;
        private RunRecords records;
        private Path scratch;
        private ServiceDirectory services = ServiceDirectory.NONE;
        private MemoryBudget memory;
        private final List<Path> protectedFolders = new ArrayList<>(List.of(PexperHome.fromEnvironment().root()));

        private Builder(NodeTypeRegistry registry) {
            this.registry = Objects.requireNonNull(registry, "registry");
        }

        /** What items may reserve, shared by this engine's runs; the Java heap less a headroom by default. */
        public Builder memory(MemoryBudget budget) {
            this.memory = Objects.requireNonNull(budget, "budget");
            return this;
        }

        /**
         * A folder no node may read or write, whatever the run grants. Pexper's data folder (from
         * the environment) is always protected; an application with another adds it here.
         */
        public Builder protect(Path folder) {
            protectedFolders.add(Objects.requireNonNull(folder, "folder"));
            return this;
        }

        /**
         * Where nodes find the services they declare ({@code NodeSignature.Builder#needs}); none by
         * default, so that a workflow with such a node is refused before it runs.
         */
        public Builder services(ServiceDirectory directory) {
            this.services = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /** How many nodes may run at the same time; the number of cores by default. */
        public Builder parallelism(int parallelism) {
            if (parallelism < 1) {
                throw new IllegalArgumentException("parallelism must be at least 1");
            }
            this.parallelism = parallelism;
            return this;
        }

        /** The cache runs use unless their request brings one; a 256 MiB memory cache by default. */
        public Builder cache(ResultCache cache) {
            this.cache = cache;
            return this;
        }

        /** Where to record runs; none by default. */
        public Builder runRecords(RunRecords records) {
            this.records = records;
            return this;
        }

        /** The folder under which nodes get scratch space. */
        public Builder scratchDirectory(Path scratch) {
            this.scratch = scratch;
            return this;
        }

        public Engine build() {
            return new Engine(this);
        }
    }
}
