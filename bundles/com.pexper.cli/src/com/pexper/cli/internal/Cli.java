package com.pexper.cli.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pexper.imaging.onnx.ModelCatalog;
import com.pexper.imaging.onnx.ModelSessions;
import com.pexper.imaging.onnx.ModelStore;
import com.pexper.core.cache.MemoryResultCache;
import com.pexper.core.cache.PersistentResultCache;
import com.pexper.core.data.Value;
import com.pexper.core.engine.Engine;
import com.pexper.core.engine.InvalidWorkflowException;
import com.pexper.core.engine.NodeOutcome;
import com.pexper.core.engine.NodeStatus;
import com.pexper.core.engine.Redactor;
import com.pexper.core.engine.RunHandle;
import com.pexper.core.engine.MemoryBudget;
import com.pexper.core.engine.RunRequest;
import com.pexper.core.engine.RunResult;
import com.pexper.core.engine.RunStatus;
import com.pexper.core.home.PexperHome;
import com.pexper.core.node.NodeSignature;
import com.pexper.core.node.NodeType;
import com.pexper.core.node.NodeTypeRegistry;
import com.pexper.core.node.NodeTypeUnavailableException;
import com.pexper.core.node.ParameterSpec;
import com.pexper.core.node.PortSpec;
import com.pexper.core.runs.RunRecordStore;
import com.pexper.core.workflow.ParameterOverrides;
import com.pexper.core.workflow.WorkflowValidator;
import com.pexper.model.Node;
import com.pexper.model.Workflow;
import com.pexper.model.io.WorkflowFiles;
import com.pexper.model.io.WorkflowFormatException;
import com.pexper.model.text.Quote;
import com.pexper.model.validation.Problem;

/**
 * The `pexper` commands. Results go to stdout, progress and messages to stderr; the exit code says
 * how it went (see {@link ExitCode}). Independent of OSGi, so that it is tested in a plain JVM.
 */
public final class Cli {

    /**
     * What a command may use; the application supplies the real ones, tests their own.
     *
     * @param in where {@code keys set} reads a key from (never from an argument)
     * @param ai the AI providers with keys and network gate, given to every run
     */
    public record Environment(PrintStream out, PrintStream err, PexperHome home, NodeTypeRegistry registry,
            boolean terminal, Path workingDirectory, Interrupts interrupts, String version, java.io.InputStream in,
            com.pexper.ai.AiClients ai) {
    }

    /** Lets a long command react to Ctrl-C. */
    public interface Interrupts {
        /** Runs the action on the first interrupt until the returned handle is closed. */
        AutoCloseable onInterrupt(Runnable action);
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** How often a run's cache is written while it goes on. */
    private static final Duration CACHE_SAVE_INTERVAL = Duration.ofSeconds(2);
    private static final MemoryBudget MEMORY = MemoryBudget.ofHeap("Start Pexper with a larger heap, e.g."
            + " PEXPER_MAX_HEAP=8g ./pexper ..., or lower Read image's 'maxMegapixels' to refuse such images.");
    private static final String HELP = """
            Pexper %s: local-first AI workflows and image processing.

            Usage: pexper                      open the workbench
                   pexper COMMAND [OPTIONS]    run headless

            Commands:
              run WORKFLOW       run a workflow and print its outputs
                --set NODE.PARAM=VALUE  change a parameter for this run (repeatable)
                --out DIR          where relative output paths go (default: the workflow's folder)
                --json             print the result as JSON
                --jobs N           run at most N nodes at once (default: the number of cores)
                --no-cache         run every node, ignoring and not saving cached results
                --allow-read DIR   let the workflow read DIR too (repeatable); it reads its own
                                   folder and the output folder, never Pexper's data folder
                --allow-write DIR  let the workflow write DIR too (repeatable); it writes the
                                   output folder
              validate WORKFLOW  list every problem of a workflow, without running it [--json]
                                 [--set ...] [--out DIR] [--allow-read DIR] [--allow-write DIR]
              nodes              list the installed node types with their ports and parameters [--json]
              runs               list recent runs [--limit N] [--json]
              remove-bg INPUT... --out DIR   remove the background of photos and folders of photos
                --model ID         isnet-medium (default), isnet-small or rmbg-1.4
                --output KIND      cutout (RGBA PNG, default), mask (8-bit gray PNG) or composite
                --color COLOUR     the composite's background (default #ffffff)
                --refine           snap edges to the photo and remove colour halos
                --recursive        include subfolders of folder inputs
                --overwrite        replace existing files in DIR (inputs are never replaced)
              models list|install FILE [--as ID]|verify|fetch ID
                                 the on-device models: what is installed, add one, check them,
                                 download one (through the network gate, in the ledger)
              keys set NAME [--provider ID]   store an API key under NAME; reads it from standard input,
                                 and binds it to the provider's address: it is sent nowhere else
              keys allow NAME ORIGIN   let a stored key also go to ORIGIN (https://host[:port])
              keys list          key names, their providers and addresses (never the keys)
              keys remove NAME   delete a stored key
              providers          the AI providers: kind, capabilities, address, whether a key is set
              providers models ID   the models a provider offers (asks the provider)
              ledger             every network request Pexper sent or refused (never its content)
                --since WHEN       e.g. 2h, 7d, 2026-11-01 or 2026-11-01T09:00:00Z [--json]
              help [COMMAND]     this text

            Exit codes: 0 success, 2 invalid arguments or workflow, 3 a file cannot be read or parsed,
                        4 a node failed, 70 internal error (a bug in Pexper; see the log), 130 interrupted.
            Data (run records, caches, logs, keys) lives in %s; set PEXPER_HOME to move it.
            """;

    private static final System.Logger LOG = System.getLogger(Cli.class.getName());

    private final Environment env;
    /** The workflow the command works on, once known: named when Pexper itself fails. */
    private Path workflow;

    public Cli(Environment env) {
        this.env = env;
    }

    public int run(List<String> args) {
        if (args.isEmpty() || args.get(0).equals("help") || args.get(0).equals("--help") || args.get(0).equals("-h")) {
            env.out().print(HELP.formatted(env.version(), env.home().root()));
            return ExitCode.OK;
        }
        if (args.get(0).equals("--version")) {
            env.out().println("Pexper " + env.version());
            return ExitCode.OK;
        }
        String command = args.get(0);
        List<String> rest = args.subList(1, args.size());
        try {
            return switch (command) {
                case "run" -> run(Options.parse(command, rest, Set.of("json", "no-cache", "help"),
                        Set.of("set", "out", "jobs", "allow-read", "allow-write")));
                case "validate" -> validate(Options.parse(command, rest, Set.of("json", "help"),
                        Set.of("set", "out", "allow-read", "allow-write")));
                case "nodes" -> nodes(Options.parse(command, rest, Set.of("json", "help"), Set.of()));
                case "runs" -> runs(Options.parse(command, rest, Set.of("json", "help"), Set.of("limit")));
                case "models" -> new ImagingCommands(this, env).models(rest);
                case "keys" -> new AiCommands(env).keys(Options.parse(command, rest, Set.of("help"), Set.of("provider")));
                case "providers" -> new AiCommands(env).providers(Options.parse(command, rest, Set.of("json", "help"),
                        Set.of()), this);
                case "ledger" -> new LedgerCommand(this, env).ledger(Options.parse(command, rest, Set.of("json", "help"),
                        Set.of("since")));
                case "remove-bg" -> new ImagingCommands(this, env).removeBackground(Options.parse(command, rest,
                        Set.of("refine", "overwrite", "recursive", "help"), Set.of("out", "model", "output", "color", "jobs")));
                default -> throw new UsageException("unknown command '" + command + "'; see `pexper help`");
            };
        } catch (UsageException e) {
            env.err().println("pexper: " + e.getMessage());
            return ExitCode.INVALID;
        } catch (Unreadable e) {
            env.err().println("pexper: " + e.getMessage());
            return ExitCode.UNREADABLE;
        } catch (RuntimeException | Error e) {
            return internalError(command, e);
        }
    }

    /**
     * An exception nobody expected: a bug in Pexper or a plug-in, not a problem of the workflow. The
     * stack trace goes to the log (PEXPER_HOME/logs); stderr gets one line that names the workflow
     * and says what to do, and the exit code says it was not a success.
     */
    private int internalError(String command, Throwable e) {
        String subject = workflow != null ? workflow.toString() : "`pexper " + command + "`";
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        try {
            LOG.log(System.Logger.Level.ERROR, "internal error in `pexper " + command + "`"
                    + (workflow != null ? " on " + workflow : ""), e);
        } catch (RuntimeException | Error logging) {
            e.addSuppressed(logging); // the line below still tells the user
        }
        env.err().println("pexper: internal error while working on " + subject + " (" + root.getClass().getSimpleName()
                + (root.getMessage() == null ? "" : ": " + Quote.shorten(root.getMessage())) + "). This is a bug in"
                + " Pexper, not in your workflow: see the log in " + env.home().logs() + " and report it.");
        return ExitCode.INTERNAL_ERROR;
    }

    /** A file that cannot be read or parsed. */
    private static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreadable(String message) {
            super(message);
        }
    }

    // ------------------------------------------------------------------------------------- run

    private int run(Options options) throws UsageException, Unreadable {
        if (options.flag("help")) {
            return run(List.of("help"));
        }
        Path file = workflowArgument(options, "run");
        Workflow workflow = load(file);
        List<String> overrideProblems = ParameterOverrides.apply(workflow, env.registry(), options.all("set"));
        if (!overrideProblems.isEmpty()) {
            overrideProblems.forEach(p -> env.err().println("pexper: " + p));
            return ExitCode.INVALID;
        }
        Path out = outputFolder(options);
        FileGrants grants = FileGrants.of(options, env.workingDirectory());
        List<Problem> problems = new WorkflowValidator(env.registry()).validate(workflow, request(file, out, grants).build(),
                protectedFolders());
        if (problems.stream().anyMatch(Problem::isError)) {
            printProblems(file, problems, env.err());
            return ExitCode.INVALID;
        }
        problems.forEach(p -> env.err().println(p));

        if (out != null) {
            try {
                Files.createDirectories(out);
            } catch (IOException e) {
                throw new UsageException("cannot create the output folder " + out + ": " + e.getMessage());
            }
        }
        boolean useCache = !options.flag("no-cache");
        PersistentResultCache cache = useCache
                ? PersistentResultCache.open(env.home().cacheFor(file), MemoryResultCache.DEFAULT_MAX_BYTES) : null;
        int jobs = options.positiveInt("jobs", Runtime.getRuntime().availableProcessors());
        Map<String, String> names = displayNames(workflow);
        RunResult result;
        try {
            result = execute(workflow, file, out, grants, jobs, cache, new MemoryResultCache(), names);
        } catch (InvalidWorkflowException e) {
            printProblems(file, e.problems(), env.err());
            return ExitCode.INVALID;
        }
        if (result == null) {
            return ExitCode.INTERRUPTED;
        }
        if (cache != null) {
            try {
                cache.save();
            } catch (IOException e) {
                env.err().println("pexper: could not save the cache to " + cache.file() + ": " + e.getMessage());
            }
        }
        if (options.flag("json")) {
            printJson(result);
        } else {
            printOutputs(result, names);
        }
        printSummary(result);
        if (result.status() == RunStatus.CANCELLED) {
            return ExitCode.INTERRUPTED;
        }
        return result.outcome() == RunStatus.FAILED ? ExitCode.NODE_FAILED : ExitCode.OK;
    }

    /**
     * Runs a workflow with live progress and Ctrl-C cancelling it.
     *
     * @param memory the in-run cache of values (bounded); batches of images pass a small one
     * @return the result, or null when the wait was interrupted
     */
    RunResult execute(Workflow workflow, Path file, Path out, FileGrants grants, int jobs, PersistentResultCache cache,
            MemoryResultCache memory, Map<String, String> names) throws InvalidWorkflowException {
        ProgressReporter progress = new ProgressReporter(env.err(), env.terminal(), names);
        // models load on first use, so a run without background removal pays nothing for them
        try (ModelSessions models = new ModelSessions(new ModelStore(env.home().models(), ModelCatalog.builtIn()),
                ModelSessions.configuredThreads());
                Engine engine = Engine.builder(env.registry()).parallelism(jobs).protect(env.home().root()).memory(MEMORY)
                        .runRecords(new RunRecordStore(env.home().runs())).scratchDirectory(env.home().scratch())
                        .cache(memory).service(com.pexper.ai.AiClients.class, env.ai()).service(Redactor.class, redactor())
                        .service(ModelSessions.class, models).build()) {
            RunRequest.Builder request = request(file, out, grants).listener(progress);
            if (cache != null) {
                request.cache(cache);
            }
            RunHandle handle = engine.start(workflow, request.build());
            // a run killed midway keeps what it finished: run again, that comes from the cache
            try (AutoCloseable saving = cache == null ? () -> {
            } : cache.savingEvery(CACHE_SAVE_INTERVAL); AutoCloseable interrupt = env.interrupts().onInterrupt(() -> {
                env.err().println();
                env.err().println("pexper: interrupted; stopping the run (press Ctrl-C again to quit at once)");
                handle.cancel();
            })) {
                return handle.await();
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

    private static RunRequest.Builder request(Path file, Path out, FileGrants grants) {
        RunRequest.Builder request = RunRequest.builder().workflowFile(file).outputDirectory(out);
        grants.applyTo(request);
        return request;
    }

    /** Folders no workflow reaches: Pexper's data folder, the one this command uses and the environment's. */
    private List<Path> protectedFolders() {
        return List.of(env.home().root(), PexperHome.fromEnvironment().root());
    }

    private Path outputFolder(Options options) throws UsageException {
        String value = options.value("out");
        if (value == null) {
            return null;
        }
        try {
            return env.workingDirectory().resolve(value).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new UsageException("--out: '" + value + "' is not a valid path");
        }
    }

    private Path workflowArgument(Options options, String command) throws UsageException {
        if (options.positional().size() != 1) {
            throw new UsageException("'" + command + "' takes one workflow file, e.g. pexper " + command
                    + " examples/hello.pexper");
        }
        try {
            workflow = env.workingDirectory().resolve(options.positional().get(0)).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new UsageException(Quote.of(options.positional().get(0)) + " is not a valid path: " + e.getReason());
        }
        return workflow;
    }

    private Workflow load(Path file) throws Unreadable {
        try {
            return WorkflowFiles.load(file);
        } catch (WorkflowFormatException e) {
            throw new Unreadable(e.getMessage());
        } catch (NoSuchFileException e) {
            throw new Unreadable("cannot read " + file + ": there is no such file. Check the path.");
        } catch (AccessDeniedException e) {
            throw new Unreadable("cannot read " + file + ": permission denied.");
        } catch (IOException e) {
            throw new Unreadable("cannot read " + file + ": " + e.getMessage());
        }
    }

    Map<String, String> displayNames(Workflow workflow) {
        Map<String, String> names = new HashMap<>();
        for (Node node : workflow.getNodes()) {
            String label = node.getLabel();
            if (label == null) {
                label = env.registry().find(node.getType()).map(NodeType::label).orElse(node.getType());
            }
            names.put(node.getId(), node.getId() + " (" + label + ")");
        }
        return names;
    }

    private void printOutputs(RunResult result, Map<String, String> names) {
        if (result.outputs().size() == 1) {
            env.out().println(redactor().redact(Values.forPeople(result.outputs().values().iterator().next())));
            return;
        }
        for (Map.Entry<String, Value> output : result.outputs().entrySet()) {
            String text = redactor().redact(Values.forPeople(output.getValue()));
            String name = names.getOrDefault(output.getKey(), output.getKey());
            env.out().println(text.contains("\n") ? name + ":\n" + text : name + ": " + text);
        }
    }

    private void printJson(RunResult result) {
        printJsonDocument(json -> {
            json.writeStartObject();
            json.writeStringField("runId", result.runId());
            json.writeStringField("workflow", result.workflowName());
            json.writeStringField("status", result.outcome().name());
            if (result.failedItems() > 0) {
                json.writeNumberField("failedItems", result.failedItems());
                json.writeNumberField("items", result.batchItems());
            }
            json.writeNumberField("durationMillis", result.finished().toEpochMilli() - result.started().toEpochMilli());
            json.writeObjectFieldStart("outputs");
            for (Map.Entry<String, Value> output : result.outputs().entrySet()) {
                json.writeObjectFieldStart(output.getKey());
                json.writeStringField("type", output.getValue().type().id());
                json.writeFieldName("value");
                Values.writeJson(output.getValue(), json);
                json.writeEndObject();
            }
            json.writeEndObject();
            json.writeArrayFieldStart("outputFiles");
            for (Path file : result.outputFiles()) {
                json.writeString(file.toString());
            }
            json.writeEndArray();
            json.writeArrayFieldStart("nodes");
            for (NodeOutcome node : result.nodes()) {
                json.writeStartObject();
                RunRecordStore.writeNodeFields(node, json);
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    void printSummary(RunResult result) {
        long millis = result.finished().toEpochMilli() - result.started().toEpochMilli();
        String time = millis < 10_000 ? millis + " ms" : String.format("%.1f s", millis / 1000.0);
        long failed = result.nodes().stream().filter(n -> n.status() == NodeStatus.FAILED).count();
        long skipped = result.nodes().stream().filter(n -> n.status() == NodeStatus.SKIPPED).count();
        String counts = result.nodes().size() + " nodes: " + result.executedNodes() + " ran, " + result.cachedNodes()
                + " from cache" + (failed > 0 ? ", " + failed + " failed" : "") + (skipped > 0 ? ", " + skipped
                        + " skipped" : "") + (result.failedItems() > 0 ? "; " + result.failedItems() + " of "
                                + result.batchItems() + " items failed" : "");
        switch (result.outcome()) {
            case SUCCEEDED -> env.err().println("Finished in " + time + " (" + counts + ").");
            case FAILED -> env.err().println("Failed after " + time + " (" + counts + ").");
            case CANCELLED -> env.err().println("Cancelled after " + time + "; no partial output files were left.");
        }
        for (NodeOutcome node : result.nodes()) {
            if (node.status() == NodeStatus.FAILED) {
                env.err().println("  " + node.nodeId() + " failed: " + node.error());
            }
            if (!node.itemFailures().isEmpty()) {
                env.err().println("  " + node.nodeId() + ": " + node.itemFailures().size() + " of " + node.items()
                        + " items failed:");
                for (NodeOutcome.ItemFailure failure : node.itemFailures()) {
                    env.err().println("    " + failure.item() + ": " + failure.message());
                }
            }
        }
        if (!result.outputFiles().isEmpty()) {
            env.err().println("Wrote " + result.outputFiles().size() + (result.outputFiles().size() == 1 ? " file"
                    : " files") + (result.outputFiles().size() <= 5 ? ": " + String.join(", ",
                            result.outputFiles().stream().map(Path::toString).toList()) : "."));
        }
    }

    /** Writes one JSON document to stdout, indented. */
    void printJsonDocument(JsonWriter body) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (JsonGenerator json = MAPPER.getFactory().createGenerator(buffer).useDefaultPrettyPrinter()) {
            body.write(json);
        } catch (IOException e) {
            throw new IllegalStateException(e); // writing to memory
        }
        env.out().println(redactor().redact(buffer.toString(StandardCharsets.UTF_8)));
    }

    /** Takes the keys in use out of what is printed (the engine does the same for events and records). */
    private Redactor redactor() {
        return env.ai() == null ? Redactor.NONE : env.ai().redactor();
    }

    @FunctionalInterface
    interface JsonWriter {
        void write(JsonGenerator json) throws IOException;
    }

    private static void printProblems(Path file, List<Problem> problems, PrintStream to) {
        long errors = problems.stream().filter(Problem::isError).count();
        to.println(file + ": " + errors + (errors == 1 ? " problem" : " problems") + " to fix before it can run:");
        for (Problem problem : problems) {
            to.println("  " + (problem.isError() ? "error: " : "") + problem);
        }
    }

    // ------------------------------------------------------------------------------------ validate

    private int validate(Options options) throws UsageException, Unreadable {
        Path file = workflowArgument(options, "validate");
        Workflow workflow = load(file);
        List<String> overrideProblems = ParameterOverrides.apply(workflow, env.registry(), options.all("set"));
        if (!overrideProblems.isEmpty()) {
            overrideProblems.forEach(p -> env.err().println("pexper: " + p));
            return ExitCode.INVALID;
        }
        List<Problem> problems = new WorkflowValidator(env.registry()).validate(workflow,
                request(file, outputFolder(options), FileGrants.of(options, env.workingDirectory())).build(),
                protectedFolders());
        boolean valid = problems.stream().noneMatch(Problem::isError);
        if (options.flag("json")) {
            printJsonDocument(json -> {
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
            env.out().println(file + ": valid (" + workflow.getNodes().size() + " nodes, "
                    + workflow.getConnections().size() + " connections)");
            problems.forEach(p -> env.out().println("  " + p));
        } else {
            printProblems(file, problems, env.out());
        }
        return valid ? ExitCode.OK : ExitCode.INVALID;
    }

    // ------------------------------------------------------------------------------------ nodes

    private int nodes(Options options) throws UsageException {
        if (!options.positional().isEmpty()) {
            throw new UsageException("'nodes' takes no arguments");
        }
        env.registry().problems().forEach(p -> env.err().println("warning: " + p));
        if (options.flag("json")) {
            printJsonDocument(json -> {
                json.writeStartArray();
                for (NodeType type : env.registry().all()) {
                    writeNodeType(type, json);
                }
                json.writeEndArray();
            });
            return ExitCode.OK;
        }
        String category = null;
        for (NodeType type : env.registry().all()) {
            if (!type.category().equals(category)) {
                category = type.category();
                env.out().println((category == null ? "" : "\n") + category);
            }
            env.out().println("  " + type.label() + "  " + type.id() + " " + type.version()
                    + (type.contributor() == null ? "" : "  [" + type.contributor() + "]"));
            if (!type.description().isEmpty()) {
                env.out().println("    " + type.description());
            }
            NodeSignature signature;
            try {
                signature = type.signature();
            } catch (NodeTypeUnavailableException e) {
                env.out().println("    unavailable: " + e.getMessage());
                continue;
            }
            if (!signature.inputs().isEmpty() || signature.dynamicInputs() != null) {
                env.out().println("    inputs:  " + ports(signature.inputs())
                        + (signature.dynamicInputs() == null ? "" : (signature.inputs().isEmpty() ? "" : "; ")
                                + signature.dynamicInputs()));
            }
            if (!signature.outputs().isEmpty()) {
                env.out().println("    outputs: " + String.join(", ", signature.outputs().stream()
                        .map(p -> p.name() + " (" + p.type().displayName() + ")").toList()));
            }
            for (ParameterSpec parameter : signature.parameters()) {
                env.out().println("    " + parameter.name() + " (" + parameter.type().description() + describe(parameter)
                        + ")" + (parameter.help().isEmpty() ? "" : "  " + parameter.help()));
            }
            if (!signature.deterministic()) {
                env.out().println("    results are not cached: it can give different results for the same inputs");
            }
        }
        return ExitCode.OK;
    }

    private static String ports(List<PortSpec> ports) {
        return String.join(", ", ports.stream().map(p -> p.name() + " (" + p.type().displayName()
                + (p.required() ? "" : ", optional") + ")").toList());
    }

    private static String describe(ParameterSpec parameter) {
        StringBuilder text = new StringBuilder();
        if (parameter.required()) {
            text.append(", required");
        }
        if (parameter.defaultValue() != null) {
            Object value = parameter.defaultValue();
            text.append(", default ").append(value instanceof String s ? "\"" + s.replace("\n", "\\n") + "\"" : value);
        }
        if (parameter.min() != null || parameter.max() != null) {
            text.append(", ").append(parameter.min() == null ? "" : "min " + number(parameter.min()))
                    .append(parameter.min() != null && parameter.max() != null ? " " : "")
                    .append(parameter.max() == null ? "" : "max " + number(parameter.max()));
        }
        if (!parameter.choices().isEmpty()) {
            text.append(": ").append(String.join(" | ", parameter.choices()));
        }
        return text.toString();
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private static void writeNodeType(NodeType type, JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", type.id());
        json.writeStringField("version", type.version());
        json.writeStringField("label", type.label());
        json.writeStringField("category", type.category());
        json.writeStringField("description", type.description());
        json.writeStringField("contributor", type.contributor());
        json.writeBooleanField("available", type.isAvailable());
        if (!type.isAvailable()) {
            json.writeStringField("problem", type.problem());
            json.writeEndObject();
            return;
        }
        NodeSignature signature;
        try {
            signature = type.signature();
        } catch (NodeTypeUnavailableException e) {
            throw new IllegalStateException(e);
        }
        json.writeBooleanField("deterministic", signature.deterministic());
        if (signature.dynamicInputs() != null) {
            json.writeStringField("dynamicInputs", signature.dynamicInputs());
        }
        writePorts("inputs", signature.inputs(), json);
        writePorts("outputs", signature.outputs(), json);
        json.writeArrayFieldStart("parameters");
        for (ParameterSpec parameter : signature.parameters()) {
            json.writeStartObject();
            json.writeStringField("name", parameter.name());
            json.writeStringField("type", parameter.type().name().toLowerCase(java.util.Locale.ROOT));
            json.writeStringField("label", parameter.label());
            json.writeBooleanField("required", parameter.required());
            json.writeFieldName("default");
            json.writeObject(parameter.defaultValue());
            if (parameter.min() != null) {
                json.writeNumberField("min", parameter.min());
            }
            if (parameter.max() != null) {
                json.writeNumberField("max", parameter.max());
            }
            if (!parameter.choices().isEmpty()) {
                json.writeArrayFieldStart("choices");
                for (String choice : parameter.choices()) {
                    json.writeString(choice);
                }
                json.writeEndArray();
            }
            json.writeStringField("help", parameter.help());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void writePorts(String field, List<PortSpec> ports, JsonGenerator json) throws IOException {
        json.writeArrayFieldStart(field);
        for (PortSpec port : ports) {
            json.writeStartObject();
            json.writeStringField("name", port.name());
            json.writeStringField("type", port.type().id());
            json.writeBooleanField("required", port.required());
            json.writeStringField("description", port.description());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    // ------------------------------------------------------------------------------------ runs

    private int runs(Options options) throws UsageException {
        if (!options.positional().isEmpty()) {
            throw new UsageException("'runs' takes no arguments");
        }
        int limit = options.positiveInt("limit", 20);
        List<RunRecordStore.Summary> runs;
        try {
            runs = new RunRecordStore(env.home().runs()).recent(limit);
        } catch (IOException e) {
            env.err().println("pexper: cannot read run records in " + env.home().runs() + ": " + e.getMessage());
            return ExitCode.UNREADABLE;
        }
        if (options.flag("json")) {
            printJsonDocument(json -> {
                json.writeStartArray();
                for (RunRecordStore.Summary run : runs) {
                    json.writeStartObject();
                    json.writeStringField("runId", run.runId());
                    json.writeStringField("workflow", run.workflow());
                    json.writeStringField("status", run.status());
                    if (run.failedItems() > 0) {
                        json.writeNumberField("failedItems", run.failedItems());
                        json.writeNumberField("items", run.items());
                    }
                    json.writeStringField("started", run.started().toString());
                    json.writeNumberField("durationMillis", run.durationMillis());
                    json.writeNumberField("executedNodes", run.executedNodes());
                    json.writeNumberField("cachedNodes", run.cachedNodes());
                    json.writeStringField("record", run.file().toString());
                    json.writeEndObject();
                }
                json.writeEndArray();
            });
            return ExitCode.OK;
        }
        if (runs.isEmpty()) {
            env.out().println("No runs yet. Records are kept in " + env.home().runs() + ".");
            return ExitCode.OK;
        }
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());
        int width = Math.max(9, runs.stream().mapToInt(run -> run.statusText().length()).max().orElse(0));
        String row = "%-19s  %-" + width + "s  %9s  %5s  %6s  %-8s  %s";
        env.out().println(String.format(row, "started", "status", "duration", "ran", "cached", "run", "workflow"));
        for (RunRecordStore.Summary run : runs) {
            env.out().println(String.format(row, time.format(run.started()), run.statusText(),
                    run.durationMillis() + " ms", run.executedNodes(), run.cachedNodes(), run.runId(),
                    run.workflow() == null ? "" : run.workflow()));
        }
        return ExitCode.OK;
    }
}
