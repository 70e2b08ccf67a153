package com.pexper.cli.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pexper.commands.Command;
import com.pexper.commands.CommandContext;
import com.pexper.commands.ExitCode;
import com.pexper.commands.JsonWriter;
import com.pexper.commands.UsageException;
import com.pexper.core.cache.ResultCaches;
import com.pexper.core.engine.Redactor;
import com.pexper.core.engine.ServiceDirectory;
import com.pexper.core.home.PexperHome;
import com.pexper.core.node.NodeTypeRegistry;
import com.pexper.core.runs.RunRecords;
import com.pexper.diagnostics.Diagnostics;
import com.pexper.model.Workflow;
import com.pexper.model.text.Quote;

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
    public record Environment(PrintStream out, PrintStream err, InputStream in, boolean terminal,
            Path workingDirectory, Interrupts interrupts, PexperHome home, String version, Wiring wiring) {
    }

    /**
     * The services the command line works with: in the application, the Declarative Services
     * components of the installed bundles.
     *
     * @param redactor takes the keys in use out of what is printed
     * @param services what runs give their nodes (the AI clients, the model sessions, ...)
     * @param commands the commands the installed bundles contribute, asked for only when a
     *        command is not one of the command line's own (so that {@code pexper run} starts none)
     * @param diagnostics told which command ran and what failed unexpectedly; it keeps nothing
     *        without the user's consent
     */
    public record Wiring(NodeTypeRegistry registry, RunRecords records, ResultCaches caches, Redactor redactor,
            ServiceDirectory services, Supplier<List<Command>> commands, Diagnostics diagnostics) {
    }

    /** Lets a long command react to Ctrl-C. */
    public interface Interrupts {
        /** Runs the action on the first interrupt until the returned handle is closed. */
        AutoCloseable onInterrupt(Runnable action);
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern COMMAND_NAME = Pattern.compile("[a-z][a-z0-9-]*");
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

    private static final System.Logger LOG = System.getLogger(Cli.class.getName());

    private final Environment env;
    private final ConsoleRuns runs;
    /** Every command by name: Pexper's own first, then the contributed ones in name order. */
    private final Map<String, Command> commands = new LinkedHashMap<>();
    /** Why contributed commands cannot be used (a name taken or invalid): said in help. */
    private final List<String> unusable = new ArrayList<>();
    private boolean contributedAdded;
    /** The workflow the command works on, once known: named when Pexper itself fails. */
    private Path workflow;

    public Cli(Environment env) {
        this.env = env;
        this.runs = new ConsoleRuns(this, env.wiring());
        for (Command own : List.of(new RunCommand(env.wiring(), runs, file -> workflow = file),
                new ValidateCommand(env.wiring(), runs, file -> workflow = file),
                new NodesCommand(env.wiring().registry()), new RunsCommand(env.wiring().records()))) {
            commands.put(own.name(), own);
        }
    }

    /** Adds the contributed commands to the table, once: they are started (activated) only now. */
    private void addContributed() {
        if (contributedAdded) {
            return;
        }
        contributedAdded = true;
        Map<String, Command> contributed = new TreeMap<>();
        for (Command command : env.wiring().commands().get()) {
            String name;
            try {
                name = command.name();
            } catch (RuntimeException e) {
                unusable.add(command.getClass().getName() + " cannot say its name (" + e + ")");
                continue;
            }
            if (name == null || !COMMAND_NAME.matcher(name).matches()) {
                unusable.add(command.getClass().getName() + " offers a command named " + Quote.of(String.valueOf(name))
                        + ", which is not a command name (lower case letters, digits and dashes)");
            } else if (commands.containsKey(name) || contributed.containsKey(name) || name.equals("help")) {
                unusable.add(command.getClass().getName() + " also offers '" + name + "', which is taken");
            } else {
                contributed.put(name, command);
            }
        }
        commands.putAll(contributed);
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
            if (!commands.containsKey(name)) {
                addContributed();
            }
            Command command = commands.get(name);
            if (command == null) {
                throw new UsageException("unknown command '" + name + "'; see `pexper help`");
            }
            if (rest.equals(List.of("--help")) || rest.equals(List.of("-h"))) {
                env.out().print(helpOf(command, ""));
                return ExitCode.OK;
            }
            env.wiring().diagnostics().used("command", name);
            try {
                return command.run(rest, this);
            } catch (RuntimeException | Error e) {
                return internalError(name, command, e);
            }
        } catch (UsageException e) {
            env.err().println("pexper: " + e.getMessage());
            return ExitCode.INVALID;
        } catch (RuntimeException | Error e) {
            return internalError(name, null, e);
        }
    }

    /** {@code pexper help}: every installed command; {@code pexper help NAME}: that one. */
    private int help(List<String> args) throws UsageException {
        addContributed();
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
        addContributed();
        StringBuilder text = new StringBuilder(HEADER.formatted(env.version()));
        for (Command command : commands.values()) {
            text.append(helpOf(command, "  "));
        }
        for (String problem : unusable) {
            text.append("  (not usable: ").append(problem).append(")\n");
        }
        return text.append(FOOTER.formatted(env.home().root())).toString();
    }

    /** A command's help, each line indented, ending in a line break; a failing plug-in's help says so. */
    private static String helpOf(Command command, String indent) {
        String help;
        try {
            help = Objects.requireNonNull(command.help(), "no help");
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
     * and whose bug it is and says what to do, and the exit code says it was not a success.
     *
     * @param failed the command that threw, or null when Pexper failed before one ran
     */
    private int internalError(String command, Command failed, Throwable e) {
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
        try {
            env.wiring().diagnostics().crashed(e, "cli", workflow == null ? List.of()
                    : List.of(workflow.toString(), String.valueOf(workflow.getFileName())));
        } catch (RuntimeException | Error reporting) {
            e.addSuppressed(reporting);
        }
        env.err().println("pexper: internal error while working on " + subject + " (" + root.getClass().getSimpleName()
                + (root.getMessage() == null ? "" : ": " + Quote.shorten(root.getMessage())) + "). This is a bug in "
                + (pluginOwns(failed) ? "the plug-in that adds `pexper " + command + "` (" + failed.getClass().getName()
                        + ")" : "Pexper") + ", not in your workflow: see the log in " + env.home().logs()
                + " and report it.");
        return ExitCode.INTERNAL_ERROR;
    }

    /** Whether a third party's plug-in, not Pexper, contributes the command. */
    private static boolean pluginOwns(Command command) {
        return command != null && !command.getClass().getName().startsWith("com.pexper.");
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
    public InputStream in() {
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
        return runs.runBuilt(built, outputFolder, readable, jobs);
    }
}
