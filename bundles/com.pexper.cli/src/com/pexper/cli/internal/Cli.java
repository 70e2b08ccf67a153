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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pexper.commands.Command;
import com.pexper.commands.CommandContext;
import com.pexper.commands.ExitCode;
import com.pexper.commands.JsonWriter;
import com.pexper.commands.Options;
import com.pexper.commands.UsageException;
import com.pexper.core.cache.MemoryResultCache;
import com.pexper.core.cache.PersistentResultCache;
import com.pexper.core.cache.ResultCaches;
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
import com.pexper.core.engine.ServiceDirectory;
import com.pexper.core.home.PexperHome;
import com.pexper.core.node.NodeSignature;
import com.pexper.core.node.NodeType;
import com.pexper.core.node.NodeTypeRegistry;
import com.pexper.core.node.NodeTypeUnavailableException;
import com.pexper.core.node.ParameterSpec;
import com.pexper.core.node.PortSpec;
import com.pexper.core.runs.RunRecordJson;
import com.pexper.core.runs.RunRecords;
import com.pexper.core.workflow.ParameterOverrides;
import com.pexper.core.workflow.WorkflowValidator;
import com.pexper.model.Node;
import com.pexper.model.Workflow;
import com.pexper.model.io.WorkflowFiles;
import com.pexper.model.io.WorkflowFormatException;
import com.pexper.model.text.Quote;
import com.pexper.model.validation.Problem;

/**
 * The `pexper` command line: a table of commands, its own (run, validate, nodes, runs) and those
 * the installed bundles contribute ({@link Command} services), and the {@link CommandContext} they
 * run in. Results go to stdout, progress and messages to stderr; the exit code says how it went
 * (see {@link ExitCode}). Independent of OSGi, so that it is tested in a plain JVM.
 */
public final class Cli implements CommandContext {

    /**
     * Where the command line runs; the application supplies the real one, tests their own.
     *
     * @param in where a command reads from standard input (a key, never an argument)
     * @param terminal whether stderr is a terminal
     */
    public record Environment(PrintStream out, PrintStream err, java.io.InputStream in, boolean terminal,
            Path workingDirectory, Interrupts interrupts, PexperHome home, String version, Wiring wiring) {
    }

    /**
     * The services the command line works with: in the application, the Declarative Services
     * components of the installed bundles.
     *
     * @param redactor takes the keys in use out of what is printed
     * @param services what runs give their nodes (the AI clients, the model sessions, ...)
     * @param commands the commands the installed bundles contribute
     */
    public record Wiring(NodeTypeRegistry registry, RunRecords records, ResultCaches caches, Redactor redactor,
            ServiceDirectory services, List<Command> commands) {

        public Wiring {
            commands = List.copyOf(commands);
        }
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
    private static final String HEADER = """
            Pexper %s: local-first AI workflows and image processing.

            Usage: pexper                      open the workbench
                   pexper COMMAND [OPTIONS]    run headless

            Commands:
            """;
    private static final String FOOTER = """
              help [COMMAND]     this text, or a command's part of it

            Exit codes: 0 success, 2 invalid arguments or workflow, 3 a file cannot be read or parsed,
                        4 a node failed, 70 internal error (a bug in Pexper; see the log), 130 interrupted.
            Data (run records, caches, logs, keys) lives in %s; set PEXPER_HOME to move it.
            """;
    private static final String RUN_HELP = """
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
            """;
    private static final String VALIDATE_HELP = """
            validate WORKFLOW  list every problem of a workflow, without running it [--json]
                               [--set ...] [--out DIR] [--allow-read DIR] [--allow-write DIR]
            """;
    private static final String NODES_HELP = """
            nodes              list the installed node types with their ports and parameters [--json]
            """;
    private static final String RUNS_HELP = """
            runs               list recent runs [--limit N] [--json]
            """;

    private static final System.Logger LOG = System.getLogger(Cli.class.getName());

    private final Environment env;
    /** Every command by name: Pexper's own first, then the contributed ones in name order. */
    private final Map<String, Command> commands = new LinkedHashMap<>();
    /** Contributed commands whose name another command has already: listed in help as not usable. */
    private final List<Command> clashing = new ArrayList<>();
    /** The workflow the command works on, once known: named when Pexper itself fails. */
    private Path workflow;

    public Cli(Environment env) {
        this.env = env;
        builtIn("run", RUN_HELP, args -> run(Options.parse("run", args, Set.of("json", "no-cache", "help"),
                Set.of("set", "out", "jobs", "allow-read", "allow-write"))));
        builtIn("validate", VALIDATE_HELP, args -> validate(Options.parse("validate", args, Set.of("json", "help"),
                Set.of("set", "out", "allow-read", "allow-write"))));
        builtIn("nodes", NODES_HELP, args -> nodes(Options.parse("nodes", args, Set.of("json", "help"), Set.of())));
        builtIn("runs", RUNS_HELP, args -> runs(Options.parse("runs", args, Set.of("json", "help"), Set.of("limit"))));
        List<Command> contributed = new ArrayList<>(env.wiring().commands());
        contributed.sort(Comparator.comparing(Command::name));
        for (Command command : contributed) {
            if (commands.putIfAbsent(command.name(), command) != null) {
                clashing.add(command);
            }
        }
    }

    /** One of the command line's own commands. */
    @FunctionalInterface
    private interface Action {
        int run(List<String> arguments) throws UsageException, Unreadable;
    }

    private void builtIn(String name, String help, Action action) {
        commands.put(name, new Command() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String help() {
                return help;
            }

            @Override
            public int run(List<String> arguments, CommandContext context) throws UsageException {
                try {
                    return action.run(arguments);
                } catch (Unreadable e) {
                    env.err().println("pexper: " + e.getMessage());
                    return ExitCode.UNREADABLE;
                }
            }
        });
    }

    public int run(List<String> args) {
        if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("-h")) {
            env.out().print(help());
            return ExitCode.OK;
        }
        if (args.get(0).equals("--version")) {
            env.out().println("Pexper " + env.version());
            return ExitCode.OK;
        }
        String name = args.get(0);
        List<String> rest = args.subList(1, args.size());
        try {
            if (name.equals("help")) {
                return help(rest);
            }
            Command command = commands.get(name);
            if (command == null) {
                throw new UsageException("unknown command '" + name + "'; see `pexper help`");
            }
            return command.run(rest, this);
        } catch (UsageException e) {
            env.err().println("pexper: " + e.getMessage());
            return ExitCode.INVALID;
        } catch (RuntimeException | Error e) {
            return internalError(name, e);
        }
    }

    /** {@code pexper help}: every installed command; {@code pexper help NAME}: that one. */
    private int help(List<String> args) throws UsageException {
        if (args.isEmpty()) {
            env.out().print(help());
            return ExitCode.OK;
        }
        Command command = commands.get(args.get(0));
        if (args.size() > 1 || command == null) {
            throw new UsageException("'help' takes one command name (" + String.join(", ", commands.keySet())
                    + "), or none");
        }
        env.out().print(helpOf(command, ""));
        return ExitCode.OK;
    }

    private String help() {
        StringBuilder text = new StringBuilder(HEADER.formatted(env.version()));
        for (Command command : commands.values()) {
            text.append(helpOf(command, "  "));
        }
        for (Command command : clashing) {
            text.append("  (").append(command.getClass().getName()).append(" also offers '").append(command.name())
                    .append("', which is taken: it cannot be used)\n");
        }
        return text.append(FOOTER.formatted(env.home().root())).toString();
    }

    /** A command's help, each line indented, ending in a line break; a failing plug-in's help says so. */
    private static String helpOf(Command command, String indent) {
        String help;
        try {
            help = command.help();
        } catch (RuntimeException e) {
            help = command.name() + "   (its help cannot be shown: " + e + ")";
        }
        StringBuilder text = new StringBuilder();
        help.strip().lines().forEach(line -> text.append(indent).append(line.stripTrailing()).append('\n'));
        return text.toString();
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
            return help(List.of("run"));
        }
        Path file = workflowArgument(options, "run");
        Workflow workflow = load(file);
        List<String> overrideProblems = ParameterOverrides.apply(workflow, registry(), options.all("set"));
        if (!overrideProblems.isEmpty()) {
            overrideProblems.forEach(p -> env.err().println("pexper: " + p));
            return ExitCode.INVALID;
        }
        Path out = outputFolder(options);
        FileGrants grants = FileGrants.of(options, env.workingDirectory());
        List<Problem> problems = new WorkflowValidator(registry()).validate(workflow, request(file, out, grants).build(),
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
                ? env.wiring().caches().forWorkflow(file) : null;
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
        return exitCode(result);
    }

    /**
     * Runs a workflow with live progress and Ctrl-C cancelling it.
     *
     * @param memory the in-run cache of values (bounded); batches of images pass a small one
     * @return the result, or null when the wait was interrupted
     */
    private RunResult execute(Workflow workflow, Path file, Path out, FileGrants grants, int jobs, PersistentResultCache cache,
            MemoryResultCache memory, Map<String, String> names) throws InvalidWorkflowException {
        ProgressReporter progress = new ProgressReporter(env.err(), env.terminal(), names);
        try (Engine engine = Engine.builder(registry()).parallelism(jobs).protect(env.home().root()).memory(MEMORY)
                .runRecords(env.wiring().records()).scratchDirectory(env.home().scratch()).cache(memory)
                .services(env.wiring().services()).build()) {
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

    private Map<String, String> displayNames(Workflow workflow) {
        Map<String, String> names = new HashMap<>();
        for (Node node : workflow.getNodes()) {
            String label = node.getLabel();
            if (label == null) {
                label = registry().find(node.getType()).map(NodeType::label).orElse(node.getType());
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
        printJson(json -> {
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
                RunRecordJson.writeNodeFields(node, json);
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    private void printSummary(RunResult result) {
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

    @Override
    public void printJson(JsonWriter body) {
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
        return env.wiring().redactor();
    }

    private NodeTypeRegistry registry() {
        return env.wiring().registry();
    }

    // ------------------------------------------------------------------------- what commands use

    @Override
    public PrintStream out() {
        return env.out();
    }

    @Override
    public PrintStream err() {
        return env.err();
    }

    @Override
    public java.io.InputStream in() {
        return env.in();
    }

    @Override
    public boolean terminal() {
        return env.terminal();
    }

    @Override
    public Path workingDirectory() {
        return env.workingDirectory();
    }

    @Override
    public PexperHome home() {
        return env.home();
    }

    @Override
    public AutoCloseable onInterrupt(Runnable action) {
        return env.interrupts().onInterrupt(action);
    }

    @Override
    public String redact(String text) {
        return redactor().redact(text);
    }

    @Override
    public int runWorkflow(Workflow built, Path outputFolder, List<Path> readable, int jobs) {
        RunResult result;
        try {
            result = execute(built, null, outputFolder, FileGrants.none().readingAlso(readable), jobs, null,
                    new MemoryResultCache(1), displayNames(built));
        } catch (InvalidWorkflowException e) {
            e.problems().forEach(p -> env.err().println("pexper: " + p));
            return ExitCode.INVALID;
        }
        if (result == null) {
            return ExitCode.INTERRUPTED;
        }
        printSummary(result);
        return exitCode(result);
    }

    private static int exitCode(RunResult result) {
        if (result.status() == RunStatus.CANCELLED) {
            return ExitCode.INTERRUPTED;
        }
        return result.outcome() == RunStatus.FAILED ? ExitCode.NODE_FAILED : ExitCode.OK;
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
        List<String> overrideProblems = ParameterOverrides.apply(workflow, registry(), options.all("set"));
        if (!overrideProblems.isEmpty()) {
            overrideProblems.forEach(p -> env.err().println("pexper: " + p));
            return ExitCode.INVALID;
        }
        List<Problem> problems = new WorkflowValidator(registry()).validate(workflow,
                request(file, outputFolder(options), FileGrants.of(options, env.workingDirectory())).build(),
                protectedFolders());
        boolean valid = problems.stream().noneMatch(Problem::isError);
        if (options.flag("json")) {
            printJson(json -> {
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
        registry().problems().forEach(p -> env.err().println("warning: " + p));
        if (options.flag("json")) {
            printJson(json -> {
                json.writeStartArray();
                for (NodeType type : registry().all()) {
                    writeNodeType(type, json);
                }
                json.writeEndArray();
            });
            return ExitCode.OK;
        }
        String category = null;
        for (NodeType type : registry().all()) {
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
        List<RunRecords.Summary> runs;
        try {
            runs = env.wiring().records().recent(limit);
        } catch (IOException e) {
            env.err().println("pexper: cannot read run records in " + env.wiring().records().folder() + ": "
                    + e.getMessage());
            return ExitCode.UNREADABLE;
        }
        if (options.flag("json")) {
            printJson(json -> {
                json.writeStartArray();
                for (RunRecords.Summary run : runs) {
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
            env.out().println("No runs yet. Records are kept in " + env.wiring().records().folder() + ".");
            return ExitCode.OK;
        }
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());
        int width = Math.max(9, runs.stream().mapToInt(run -> run.statusText().length()).max().orElse(0));
        String row = "%-19s  %-" + width + "s  %9s  %5s  %6s  %-8s  %s";
        env.out().println(String.format(row, "started", "status", "duration", "ran", "cached", "run", "workflow"));
        for (RunRecords.Summary run : runs) {
            env.out().println(String.format(row, time.format(run.started()), run.statusText(),
                    run.durationMillis() + " ms", run.executedNodes(), run.cachedNodes(), run.runId(),
                    run.workflow() == null ? "" : run.workflow()));
        }
        return ExitCode.OK;
    }
}
