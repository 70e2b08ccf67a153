package com.pexper.hostile.tests;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import com.pexper.core.engine.Engine;
import com.pexper.core.engine.InvalidWorkflowException;
import com.pexper.core.engine.NodeOutcome;
import com.pexper.core.engine.NodeStatus;
import com.pexper.core.engine.RunHandle;
import com.pexper.core.engine.RunRequest;
import com.pexper.core.engine.RunResult;
import com.pexper.core.node.InMemoryNodeTypeRegistry;
import com.pexper.core.node.PluginXmlNodeTypes;
import com.pexper.core.workflow.WorkflowValidator;
import com.pexper.imaging.Image;
import com.pexper.imaging.ImageDecoder;
import com.pexper.imaging.ImageException;
import com.pexper.model.Workflow;
import com.pexper.model.io.WorkflowFiles;
import com.pexper.model.validation.Problem;
import com.pexper.nodes.basic.internal.TextNode;

/**
 * Runs hostile cases through what a user's file meets: reading, validation (with the file-access
 * rules of a run and a protected data folder), and a run of the real built-in nodes. A case ends
 * well in one of the allowed ways (a {@link com.pexper.model.io.WorkflowFormatException} or other
 * IOException naming the source, a list of problems, an {@link InvalidWorkflowException}, a run
 * result whose failed nodes say why, an {@link Image}, an {@link ImageException} naming the file),
 * within {@link #CASE_TIMEOUT}, allocating at most {@link #MEMORY_BOUND}, with every message
 * bounded and free of parser internals. Anything else is recorded with the seed and the case name,
 * so that one run reports every finding and each reproduces alone.
 */
final class Bench implements AutoCloseable {

    /** Bytes a single case may allocate, on all threads together. */
    static final long MEMORY_BOUND = 256L << 20;
    static final int MESSAGE_BOUND = 2_000;
    static final Duration CASE_TIMEOUT = Duration.ofSeconds(20);
    private static final int FINDINGS_SHOWN = 25;


    final Path folder;
    final Path out;
    /** Stands for Pexper's data folder: protected from every node. */
    final Path home;
    final Path workflowFile;
    final InMemoryNodeTypeRegistry registry;
    final WorkflowValidator validator;
    final Engine engine;
    /**
     * The decoder of the generated image cases, with a pixel budget (8 MP) whose pixels fit the
     * memory bound: what is tested is that every size is checked before pixels are allocated. An
     * image under the default budget of 150 MP whose pixels exceed the memory left is the concern
     * of memory admission, not of this bench.
     */
    final ImageDecoder decoder = new ImageDecoder(8_000_000);
    private final List<String> findings = new ArrayList<>();
    private int findingCount;
    private int cases;
    private ExecutorService caller = newCaller();

    /** How each case ended, counted by kind, for the report. */
    final java.util.Map<String, Integer> endings = new java.util.TreeMap<>();

    Bench(Path root) throws IOException {
        this.folder = Seeds.workflowFolder(Files.createDirectories(root.resolve("flows")));
        this.out = Files.createDirectories(root.resolve("out"));
        this.home = Files.createDirectories(root.resolve("pexper-home"));
        Files.writeString(Files.createDirectories(home.resolve("settings")).resolve("providers.json"), "{}");
        this.workflowFile = folder.resolve("case.pexper");
        registry = new InMemoryNodeTypeRegistry().registerAll(PluginXmlNodeTypes.ofBundleContaining(TextNode.class))
                .registerAll(PluginXmlNodeTypes.ofBundleContaining(Image.class)); // its filters as node types too
        validator = new WorkflowValidator(registry);
        engine = Engine.builder(registry).parallelism(2).scratchDirectory(root.resolve("scratch")).protect(home)
                .build();
    }

    RunRequest.Builder request() {
        return RunRequest.builder().workflowFile(workflowFile).outputDirectory(out).cache(new NoCache());
    }

    /** A workflow document as bytes: read, validated and, when valid, run. */
    void workflow(long seed, String name, byte[] document) {
        check(seed, name, () -> {
            Workflow workflow;
            String source = workflowFile.toString();
            try {
                workflow = WorkflowFiles.read(new ByteArrayInputStream(document), source);
            } catch (IOException e) {
                return refused(e, source);
            }
            return validateAndRun(workflow, request().build());
        });
    }

    /** A workflow file on disk (a special file, an odd name): loaded, validated and, when valid, run. */
    void workflowFile(long seed, String name, Path file, Consumer<RunRequest.Builder> grants) {
        check(seed, name, () -> {
            Workflow workflow;
            try {
                workflow = WorkflowFiles.load(file);
            } catch (IOException e) {
                return refused(e, file.toString());
            }
            RunRequest.Builder request = RunRequest.builder().workflowFile(file).outputDirectory(out).cache(new NoCache());
            grants.accept(request);
            return validateAndRun(workflow, request.build());
        });
    }

    /** An already-read workflow, with grants: validated and, when valid, run. */
    void workflow(long seed, String name, Workflow workflow, Consumer<RunRequest.Builder> grants) {
        check(seed, name, () -> {
            RunRequest.Builder request = request();
            grants.accept(request);
            return validateAndRun(workflow, request.build());
        });
    }

    /** Image content: decoded, and an ImageException must name it. */
    void image(long seed, String name, byte[] content) {
        check(seed, name, () -> {
            try {
                Image image = decoder.decode(content, name);
                return image.width() > 0 && image.height() > 0 ? "image"
                        : fail("an image of " + image.width() + "x" + image.height());
            } catch (ImageException e) {
                return imageRefused(e, name, content.length);
            }
        });
    }

    /** An image file: read from disk by the decoder. */
    void imageFile(long seed, String name, Path file) {
        check(seed, name, () -> {
            try {
                decoder.read(file);
                return "image";
            } catch (ImageException e) {
                return imageRefused(e, file.toString(), -1);
            }
        });
    }

    private static String imageRefused(ImageException e, String name, long size) {
        message(e.getMessage());
        if (!e.getMessage().startsWith(name)) {
            fail("the message does not start with the name " + name + ": " + e.getMessage());
        }
        if (size >= 0 && size < (16 << 20) && e.getMessage().contains("memory")) {
            fail("a file of " + size + " bytes exhausted memory: " + e.getMessage());
        }
        return "ImageException";
    }

    private static String refused(IOException e, String source) {
        message(e.getMessage());
        if (!e.getMessage().contains(source)) {
            fail(e.getClass().getSimpleName() + " does not name " + source + ": " + e.getMessage());
        }
        return e.getClass().getSimpleName();
    }

    private String validateAndRun(Workflow workflow, RunRequest request) throws InterruptedException {
        List<Problem> problems = validator.validate(workflow, request, List.of(home));
        problems.forEach(p -> message(p.toString()));
        if (problems.stream().anyMatch(Problem::isError)) {
            return "problems";
        }
        RunHandle handle;
        try {
            handle = engine.start(workflow, request);
        } catch (InvalidWorkflowException e) {
            message(e.getMessage());
            e.problems().forEach(p -> message(p.toString()));
            return "InvalidWorkflowException";
        }
        RunResult result = handle.await(CASE_TIMEOUT);
        if (result == null) {
            handle.cancel();
            return fail("the run did not end within " + CASE_TIMEOUT.toSeconds() + " s");
        }
        for (NodeOutcome node : result.nodes()) {
            if (node.status() == NodeStatus.FAILED) {
                if (node.error() == null || node.error().isBlank()) {
                    fail("node '" + node.nodeId() + "' failed without saying why");
                }
                message(node.error());
            }
            for (NodeOutcome.ItemFailure item : node.itemFailures()) {
                if (item.message() == null || item.message().isBlank()) {
                    fail("an item of node '" + node.nodeId() + "' failed without saying why");
                }
                message(item.message());
            }
        }
        return "run " + result.outcome().name().toLowerCase(Locale.ROOT);
    }

    /** A message a user reads: bounded, and free of the JSON library's internals. */
    static void message(String message) {
        if (message == null || message.isBlank()) {
            fail("an empty message");
        }
        if (message.length() > MESSAGE_BOUND) {
            fail("a message of " + message.length() + " characters: " + message.substring(0, 300) + "...");
        }
        if (message.contains("com.fasterxml")) {
            fail("a message with the JSON parser's class names: " + message);
        }
    }

    private static String fail(String why) {
        throw new Finding(why);
    }

    /** Runs one case on a thread of its own, bounded in time and allocation, and records what went wrong. */
    void check(long seed, String name, Callable<String> body) {
        cases++;
        long allocatedBefore = allocated();
        Future<String> future = caller.submit(body);
        String ending;
        try {
            ending = future.get(CASE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            caller.shutdownNow();
            caller = newCaller(); // the hung thread keeps the old one
            record(seed, name, "did not end within " + CASE_TIMEOUT.toSeconds() + " s");
            return;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            record(seed, name, cause instanceof Finding ? cause.getMessage() : "unexpected " + trace(cause));
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted at " + name, e);
        }
        long allocated = allocated() - allocatedBefore;
        if (allocated > MEMORY_BOUND) {
            record(seed, name, "allocated " + (allocated >> 20) + " MiB, above the bound of " + (MEMORY_BOUND >> 20)
                    + " MiB (ended as " + ending + ")");
            return;
        }
        endings.merge(ending, 1, Integer::sum);
    }

    private synchronized void record(long seed, String name, String what) {
        findingCount++;
        String finding = "seed " + seed + ", case '" + name + "': " + what;
        System.err.println("hostile input finding: " + finding);
        if (findings.size() < FINDINGS_SHOWN) {
            findings.add(finding);
        }
    }

    int cases() {
        return cases;
    }

    /**
     * Fails naming every finding (the first {@value #FINDINGS_SHOWN}); otherwise prints how the
     * cases ended. Starts the count of the next family afresh.
     */
    void assertNoFindings(String family) {
        String summary = family + ": " + cases + " cases, " + endings;
        System.out.println(summary);
        int found = findingCount;
        int of = cases;
        List<String> shown = List.copyOf(findings);
        findingCount = 0;
        cases = 0;
        findings.clear();
        endings.clear();
        if (found > 0) {
            throw new AssertionError(family + ": " + found + " of " + of + " cases ended badly:\n  "
                    + String.join("\n  ", shown));
        }
    }

    /**
     * Bytes allocated so far by all threads of the JVM, read through JMX so that the bench needs no
     * JDK-internal package (com.sun.management is not exported inside OSGi).
     */
    static long allocated() {
        try {
            return (Long) ManagementFactory.getPlatformMBeanServer()
                    .getAttribute(new javax.management.ObjectName("java.lang:type=Threading"), "TotalThreadAllocatedBytes");
        } catch (javax.management.JMException e) {
            throw new IllegalStateException("this JVM does not count allocated bytes", e);
        }
    }

    private static String trace(Throwable t) {
        StringWriter text = new StringWriter();
        t.printStackTrace(new PrintWriter(text));
        String[] lines = text.toString().split("\n");
        return String.join("\n      ", java.util.Arrays.copyOf(lines, Math.min(lines.length, 14)));
    }

    private static ExecutorService newCaller() {
        return Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "hostile-case");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void close() {
        caller.shutdownNow();
        engine.close();
    }

    /** An expected ending the case itself found wrong: a message too long, a file not named. */
    static final class Finding extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Finding(String why) {
            super(why, null, false, false);
        }
    }

    /** Every case executes its nodes: a cache would hide the second run of a mutated workflow. */
    private static final class NoCache implements com.pexper.core.cache.ResultCache {
        @Override
        public com.pexper.core.cache.CachedResult get(com.pexper.core.cache.CacheKey key) {
            return null;
        }

        @Override
        public void put(com.pexper.core.cache.CacheKey key, com.pexper.core.cache.CachedResult result) {
        }

        @Override
        public int size() {
            return 0;
        }

        @Override
        public long sizeBytes() {
            return 0;
        }

        @Override
        public void clear() {
        }
    }
}
