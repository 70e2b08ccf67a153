import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.LongSupplier;

import com.pexper.core.cache.MemoryResultCache;
import com.pexper.core.data.DataType;
import com.pexper.core.data.TextValue;
import com.pexper.core.engine.Engine;
import com.pexper.core.engine.RunRequest;
import com.pexper.core.engine.RunResult;
import com.pexper.core.engine.RunStatus;
import com.pexper.core.node.InMemoryNodeTypeRegistry;
import com.pexper.core.node.NodeExecutor;
import com.pexper.core.node.NodeFactory;
import com.pexper.core.node.NodeSignature;
import com.pexper.core.node.NodeType;
import com.pexper.core.node.Outputs;
import com.pexper.core.node.ParameterSpec;
import com.pexper.core.node.ParameterType;
import com.pexper.core.node.Parameters;
import com.pexper.core.node.PortSpec;
import com.pexper.core.workflow.WorkflowValidator;
import com.pexper.model.IntegerParameter;
import com.pexper.model.Node;
import com.pexper.model.Workflow;
import com.pexper.model.WorkflowFactory;
import com.pexper.model.build.WorkflowBuilder;
import com.pexper.model.io.WorkflowFiles;

/**
 * The engine benchmark of issue 2, section 6: a generated layered workflow of 10,000 trivial nodes
 * (100 layers of 100; each node takes two inputs from the layer above). Measures load + validate,
 * a first run, a re-run of the unchanged workflow (all cached) and re-runs after changing one
 * parameter near the top and one near the bottom. Each figure is the median of several measured
 * repetitions after warm-up repetitions. Run by bench/run.sh against the built product's jars.
 */
public final class EngineBench {

    static final int LAYERS = 100;
    static final int WIDTH = 100;
    static final int WARMUP = 5;
    static final int MEASURED = 21;

    /** A trivial node: a short text from its salt and its inputs' lengths. */
    static final class Step implements NodeFactory {
        @Override
        public NodeSignature signature() {
            return NodeSignature.builder()
                    .input(PortSpec.optional("a", DataType.TEXT, ""))
                    .input(PortSpec.optional("b", DataType.TEXT, ""))
                    .output(PortSpec.output("out", DataType.TEXT, ""))
                    .parameter(ParameterSpec.of("salt", ParameterType.INTEGER).defaultValue(0L))
                    .build();
        }

        @Override
        public NodeExecutor configure(Parameters parameters) {
            long salt = parameters.integer("salt");
            return (inputs, context) -> {
                int a = inputs.has("a") ? inputs.text("a").length() : 0;
                int b = inputs.has("b") ? inputs.text("b").length() : 0;
                return Outputs.of("out", TextValue.of("s" + (salt + a + b) % 1000));
            };
        }
    }

    public static void main(String[] args) throws Exception {
        int parallelism = Runtime.getRuntime().availableProcessors();
        InMemoryNodeTypeRegistry registry = new InMemoryNodeTypeRegistry()
                .register(NodeType.of("bench.step", "1.0.0", "Step", "Bench", "", new Step()));
        Path folder = Files.createTempDirectory("pexper-bench");
        Path file = folder.resolve("layered.pexper");
        WorkflowFiles.save(layered(), file);
        System.out.printf(Locale.ROOT, "Engine benchmark: %d nodes (%d layers x %d), %d connections, %s, %d cores, %s%n",
                LAYERS * WIDTH, LAYERS, WIDTH, (LAYERS - 1) * WIDTH * 2, size(file), parallelism,
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));

        WorkflowValidator validator = new WorkflowValidator(registry);
        Stats loadValidate = measure(() -> {
            long start = System.nanoTime();
            try {
                Workflow workflow = load(file);
                if (!validator.validate(workflow, folder).isEmpty()) {
                    throw new IllegalStateException("the generated workflow should be valid");
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return System.nanoTime() - start;
        });

        Workflow workflow = WorkflowFiles.load(file);
        RunRequest request = RunRequest.builder().workflowFile(file).build();
        try (Engine engine = Engine.builder(registry).parallelism(parallelism).scratchDirectory(folder.resolve("tmp"))
                .build()) {
            List<Long> executed = new ArrayList<>();
            Stats firstRun = measure(() -> {
                // a freshly loaded workflow and an empty cache: planning and all 10,000 executions are timed
                Workflow copy = load(file);
                MemoryResultCache fresh = new MemoryResultCache();
                RunRequest uncached = RunRequest.builder().workflowFile(file).cache(fresh).build();
                long start = System.nanoTime();
                RunResult result = run(engine, copy, uncached);
                long elapsed = System.nanoTime() - start;
                executed.add(result.executedNodes());
                return elapsed;
            });

            MemoryResultCache cache = new MemoryResultCache();
            RunRequest cached = RunRequest.builder().workflowFile(file).cache(cache).build();
            run(engine, workflow, cached);
            List<Long> reran = new ArrayList<>();
            Stats cachedRun = measure(() -> {
                long start = System.nanoTime();
                RunResult result = run(engine, workflow, cached);
                long elapsed = System.nanoTime() - start;
                reran.add(result.executedNodes());
                return elapsed;
            });

            // the same, but for a freshly loaded copy: it is planned again (what a new CLI process does)
            Stats cachedReplanned = measure(() -> {
                Workflow copy = load(file);
                long start = System.nanoTime();
                run(engine, copy, cached);
                return System.nanoTime() - start;
            });

            Node top = workflow.getNodes().get(WIDTH + WIDTH / 2); // layer 1
            Node bottom = workflow.getNodes().get((LAYERS - 1) * WIDTH + WIDTH / 2); // last layer
            long[] salt = { 1000 };
            List<Long> topExecuted = new ArrayList<>();
            Stats topChange = measure(() -> {
                ((IntegerParameter) top.getParameter("salt")).setValue(salt[0]++);
                long start = System.nanoTime();
                RunResult result = run(engine, workflow, cached);
                long elapsed = System.nanoTime() - start;
                topExecuted.add(result.executedNodes());
                return elapsed;
            });
            List<Long> bottomExecuted = new ArrayList<>();
            Stats bottomChange = measure(() -> {
                ((IntegerParameter) bottom.getParameter("salt")).setValue(salt[0]++);
                long start = System.nanoTime();
                RunResult result = run(engine, workflow, cached);
                long elapsed = System.nanoTime() - start;
                bottomExecuted.add(result.executedNodes());
                return elapsed;
            });

            long firstExecuted = executed.get(executed.size() - 1);
            double perNodeMicros = firstRun.median() / firstExecuted / 1000;
            System.out.println();
            System.out.printf(Locale.ROOT, "%-52s %10s %10s %8s   %s%n", "measurement (median of " + MEASURED + ")",
                    "value", "target", "ratio", "fastest-slowest");
            row("load + validate", loadValidate, 300);
            row("first run, planning included (" + firstExecuted + " executed)", firstRun, 0);
            row("  overhead per executed node (whole run / nodes)", String.format(Locale.ROOT, "%.2f us",
                    perNodeMicros), "<= 20 us", perNodeMicros / 20, "");
            row("re-run unchanged (" + reran.get(reran.size() - 1) + " executed, all cached)", cachedRun, 50);
            row("  same, freshly loaded copy (planned again)", cachedReplanned, 50);
            row("re-run after a change in layer 1 (" + topExecuted.get(topExecuted.size() - 1) + " executed)",
                    topChange, 0);
            row("re-run after a change in the last layer (" + bottomExecuted.get(bottomExecuted.size() - 1)
                    + " executed)", bottomChange, 0);
        }
    }

    static Workflow load(Path file) {
        try {
            return WorkflowFiles.load(file);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static RunResult run(Engine engine, Workflow workflow, RunRequest request) {
        try {
            RunResult result = engine.run(workflow, request);
            if (result.status() != RunStatus.SUCCEEDED) {
                throw new IllegalStateException("the benchmark run failed: " + result.status());
            }
            return result;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Workflow layered() {
        WorkflowFactory f = WorkflowFactory.eINSTANCE;
        Workflow workflow = f.createWorkflow();
        workflow.setName("Layered benchmark");
        Random random = new Random(7);
        for (int layer = 0; layer < LAYERS; layer++) {
            for (int i = 0; i < WIDTH; i++) {
                Node node = f.createNode();
                node.setId("n" + layer + "_" + i);
                node.setType("bench.step");
                node.setTypeVersion("1.0.0");
                node.setX(layer * 200);
                node.setY(i * 80);
                IntegerParameter salt = f.createIntegerParameter();
                salt.setName("salt");
                salt.setValue(layer * WIDTH + i);
                node.getParameters().add(salt);
                workflow.getNodes().add(node);
                if (layer > 0) {
                    String above = "n" + (layer - 1) + "_";
                    workflow.getConnections().add(WorkflowBuilder.newConnection(above + random.nextInt(WIDTH) + ".out",
                            node.getId() + ".a"));
                    workflow.getConnections().add(WorkflowBuilder.newConnection(above + random.nextInt(WIDTH) + ".out",
                            node.getId() + ".b"));
                }
            }
        }
        return workflow;
    }

    /** Median, fastest and slowest of the measured repetitions, in nanoseconds. */
    record Stats(double median, double min, double max) {
        String range() {
            return String.format(Locale.ROOT, "%.1f-%.1f ms", min / 1e6, max / 1e6);
        }
    }

    static Stats measure(LongSupplier measurement) {
        for (int i = 0; i < WARMUP; i++) {
            measurement.getAsLong();
        }
        List<Long> samples = new ArrayList<>();
        for (int i = 0; i < MEASURED; i++) {
            samples.add(measurement.getAsLong());
        }
        Collections.sort(samples);
        return new Stats(samples.get(samples.size() / 2), samples.get(0), samples.get(samples.size() - 1));
    }

    /** A timing row: the median against a target in milliseconds (0 for none), and the range. */
    static void row(String what, Stats stats, double targetMillis) {
        row(what, ms(stats.median()), targetMillis > 0 ? "<= " + (int) targetMillis + " ms" : "",
                targetMillis > 0 ? stats.median() / 1e6 / targetMillis : Double.NaN, stats.range());
    }

    static void row(String what, String value, String target, double ratio, String range) {
        System.out.printf(Locale.ROOT, "%-52s %10s %10s %8s   %s%n", what, value, target,
                Double.isNaN(ratio) ? "" : String.format(Locale.ROOT, "%.2f", ratio), range);
    }

    static String ms(double nanos) {
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }

    static String size(Path file) throws java.io.IOException {
        return String.format(Locale.ROOT, "%.1f MB file", Files.size(file) / 1e6);
    }
}
