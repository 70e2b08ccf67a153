package com.pexper.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pexper.ai.AiClients;
import com.pexper.ai.Capability;
import com.pexper.ai.CredentialSpec;
import com.pexper.ai.ProviderDescriptor;
import com.pexper.ai.ProviderKind;
import com.pexper.ai.ProviderSettings;
import com.pexper.ai.ProviderRegistry;
import com.pexper.ai.keys.InMemoryCredentialStore;
import com.pexper.ai.internal.KeysCommand;
import com.pexper.ai.internal.KeysInUseRedactor;
import com.pexper.ai.internal.ProvidersCommand;
import com.pexper.cli.internal.Cli;
import com.pexper.commands.Command;
import com.pexper.commands.CommandContext;
import com.pexper.commands.Options;
import com.pexper.commands.UsageException;
import com.pexper.core.engine.Redactor;
import com.pexper.core.cache.ResultCaches;
import com.pexper.core.runs.RunRecords;
import com.pexper.diagnostics.Diagnostics;
import com.pexper.core.engine.ServiceDirectory;
import com.pexper.net.internal.LedgerCommand;
import com.pexper.net.NetworkGate;
import com.pexper.net.PrivacyLedger;
import com.pexper.core.data.DataType;
import com.pexper.core.data.TextValue;
import com.pexper.core.home.PexperHome;
import com.pexper.core.node.InMemoryNodeTypeRegistry;
import com.pexper.core.node.NodeExecutor;
import com.pexper.core.node.NodeFactory;
import com.pexper.core.node.NodeSignature;
import com.pexper.core.node.NodeType;
import com.pexper.core.node.Outputs;
import com.pexper.core.node.Parameters;
import com.pexper.core.node.PluginXmlNodeTypes;
import com.pexper.core.node.PortSpec;

class CliTest {

    static final String HELLO = """
            {
              "formatVersion": 2,
              "name": "Hello",
              "nodes": [
                {"id": "name", "type": "com.pexper.nodes.basic.text", "parameters": {"text": "World"}},
                {"id": "greet", "type": "com.pexper.nodes.basic.template", "parameters": {"template": "Hello, {{name}}!"}},
                {"id": "greeting", "type": "com.pexper.nodes.basic.output"}
              ],
              "connections": [
                {"from": "name.text", "to": "greet.name"},
                {"from": "greet.text", "to": "greeting.value"}
              ]
            }
            """;

    @TempDir
    Path folder;
    InMemoryNodeTypeRegistry registry;
    /** What the command sees; the registry unless a test puts a failing one in its place. */
    com.pexper.core.node.NodeTypeRegistry installed;
    PexperHome home;
    Runnable pendingInterrupt;
    String stdin = "";
    final InMemoryCredentialStore keys = new InMemoryCredentialStore();
    ProviderRegistry providers = ProviderRegistry.of();
    /** Commands of other plug-ins, as a test installs them. */
    final List<Command> pluginCommands = new java.util.ArrayList<>();
    /** As PEXPER_HOME/settings/providers.json would give them. */
    Map<String, Map<String, String>> providerSettings = Map.of();

    /** One invocation's outputs. */
    record Outcome(int code, String out, String err) {
    }

    @BeforeEach
    void setUp() throws Exception {
        registry = new InMemoryNodeTypeRegistry().registerAll(PluginXmlNodeTypes.ofBundleContaining(
                Class.forName("com.pexper.nodes.basic.internal.TextNode")));
        registry.register(NodeType.of("test.wait", "1.0.0", "Wait", "Test", "Waits until cancelled.", new Wait()));
        installed = registry;
        home = new PexperHome(folder.resolve("home"));
        Files.writeString(folder.resolve("hello.pexper"), HELLO);
    }

    Outcome pexper(boolean terminal, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Cli.Interrupts interrupts = action -> {
            pendingInterrupt = action;
            return () -> pendingInterrupt = null;
        };
        AiClients ai = AiClients.builder().registry(providers).credentials(keys).settings(providerSettings)
                .gate(NetworkGate.builder().ledger(new PrivacyLedger(home.ledger())).build()).build();
        // the services and commands the installed bundles contribute in the product
        Redactor redactor = new KeysInUseRedactor(ai);
        List<Command> commands = new java.util.ArrayList<>(List.of(new KeysCommand(ai), new ProvidersCommand(ai),
                new LedgerCommand()));
        commands.addAll(pluginCommands);
        Cli.Wiring wiring = new Cli.Wiring(installed, RunRecords.open(home.runs()), ResultCaches.in(home), redactor,
                ServiceDirectory.of(Map.of(AiClients.class, ai, Redactor.class, redactor)), () -> commands,
                Diagnostics.NONE);
        Cli cli = new Cli(new Cli.Environment(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                new java.io.ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), terminal, folder, interrupts,
                home, "0.1.0.test", wiring));
        int code = cli.run(List.of(args));
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    Outcome pexper(String... args) {
        return pexper(false, args);
    }

    private static String reader(String path) {
        return """
                {
                  "formatVersion": 2,
                  "nodes": [
                    {"id": "read", "type": "com.pexper.nodes.basic.readText", "parameters": {"path": {"file": "%s"}}},
                    {"id": "shown", "type": "com.pexper.nodes.basic.output"}
                  ],
                  "connections": [{"from": "read.text", "to": "shown.value"}]
                }
                """.formatted(path);
    }

    @Test
    void aDownloadedWorkflowReadsOutsideItsFolderOnlyWithAllowReadAndNeverPexpersDataFolder() throws Exception {
        Path downloads = Files.createDirectories(folder.resolve("Downloads"));
        Files.writeString(folder.resolve("notes.txt"), "private notes");
        Files.writeString(downloads.resolve("steal.pexper"), reader("../notes.txt"));
        for (String command : List.of("run", "validate")) {
            Outcome refused = pexper(command, "Downloads/steal.pexper");
            assertEquals(2, refused.code(), refused.err());
            String problems = command.equals("run") ? refused.err() : refused.out(); // validate's result is its list
            assertTrue(problems.contains("node 'read': parameter 'path': cannot read " + folder.resolve("notes.txt")
                    + ": a workflow may read only inside the workflow's folder "), problems);
            assertTrue(problems.contains("To allow it, run again with --allow-read " + folder.toRealPath() + "."), problems);
        }
        Outcome allowed = pexper("run", "Downloads/steal.pexper", "--allow-read", ".");
        assertEquals(0, allowed.code(), allowed.err());
        assertEquals("private notes\n", allowed.out());

        Files.createDirectories(home.root().resolve("secure"));
        Files.writeString(home.root().resolve("secure/master.key"), "the master key");
        Files.writeString(downloads.resolve("key.pexper"), reader("../home/secure/master.key"));
        Outcome key = pexper("run", "Downloads/key.pexper", "--allow-read", ".");
        assertEquals(2, key.code(), key.err());
        assertTrue(key.err().contains("inside Pexper's data folder " + home.root()), key.err());
        assertFalse(key.out().contains("the master key") || key.err().contains("the master key"));
        Outcome missingGrant = pexper("run", "Downloads/steal.pexper", "--allow-read", "nowhere");
        assertEquals(2, missingGrant.code());
        assertTrue(missingGrant.err().contains("--allow-read nowhere: there is no such file or folder"), missingGrant.err());
    }

    @Test
    void runPrintsTheOutputOnStdoutAndProgressOnStderr() {
        Outcome run = pexper("run", "hello.pexper");
        assertEquals(0, run.code(), run.err());
        assertEquals("Hello, World!\n", run.out());
        assertTrue(run.err().contains("  done    greet (Text template)"), run.err());
        assertTrue(run.err().contains("Finished in"), run.err());
    }

    @Test
    void aSecondRunComesFromThePersistedCache() {
        pexper("run", "hello.pexper");
        Outcome again = pexper("run", "hello.pexper");
        assertEquals("Hello, World!\n", again.out());
        assertTrue(again.err().contains("3 nodes: 0 ran, 3 from cache"), again.err());
        Outcome fresh = pexper("run", "hello.pexper", "--no-cache");
        assertTrue(fresh.err().contains("3 nodes: 3 ran, 0 from cache"), fresh.err());
    }

    @Test
    void setChangesAParameterForOneRunWithoutTouchingTheFile() throws Exception {
        Outcome run = pexper("run", "hello.pexper", "--set", "name.text=Ada", "--set=greet.template=Hi {{name}}");
        assertEquals("Hi Ada\n", run.out());
        assertEquals(HELLO, Files.readString(folder.resolve("hello.pexper")));
        Outcome bad = pexper("run", "hello.pexper", "--set", "nobody.text=x");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("the workflow has no node 'nobody'"), bad.err());
    }

    @Test
    void jsonOutputIsForMachines() throws Exception {
        Outcome run = pexper("run", "hello.pexper", "--json");
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals("SUCCEEDED", json.get("status").asText());
        assertEquals("Hello, World!", json.at("/outputs/greeting/value").asText());
        assertEquals("text", json.at("/outputs/greeting/type").asText());
        assertEquals(3, json.get("nodes").size());
    }

    @Test
    void anInvalidWorkflowExitsWithTwoAndListsEveryProblem() throws Exception {
        Files.writeString(folder.resolve("broken.pexper"), HELLO.replace("com.pexper.nodes.basic.output", "com.nope.Out")
                .replace("\"to\": \"greet.name\"", "\"to\": \"greet.nmae\""));
        Outcome run = pexper("run", "broken.pexper");
        assertEquals(2, run.code());
        assertTrue(run.err().contains("3 problems to fix"), run.err());
        assertTrue(run.err().contains("node 'greeting': no installed plug-in provides node type 'com.nope.Out'"), run.err());
        assertTrue(run.err().contains("has no input 'nmae' (connection name.text -> greet.nmae). Fix: Did you mean"
                + " 'name'?"), run.err());
        assertTrue(run.err().contains("node 'greet': input 'name' (Text) is not connected"), run.err());
        assertEquals("", run.out());
    }

    @Test
    void anUnreadableWorkflowExitsWithThree() throws Exception {
        Outcome missing = pexper("run", "nowhere.pexper");
        assertEquals(3, missing.code());
        assertTrue(missing.err().contains("nowhere.pexper: there is no such file"), missing.err());
        Files.writeString(folder.resolve("bad.pexper"), "{\n  \"formatVersion\": 2,\n  oops\n}");
        Outcome malformed = pexper("validate", "bad.pexper");
        assertEquals(3, malformed.code());
        assertTrue(malformed.err().contains("bad.pexper:3:"), malformed.err());
    }

    @Test
    void aFailingNodeExitsWithFourAndNamesTheNodeAndCause() throws Exception {
        Files.writeString(folder.resolve("read.pexper"), """
                {"formatVersion": 2, "nodes": [
                  {"id": "notes", "type": "com.pexper.nodes.basic.readText", "parameters": {"path": {"file": "missing.txt"}}},
                  {"id": "hello", "type": "com.pexper.nodes.basic.text", "parameters": {"text": "still here"}},
                  {"id": "out", "type": "com.pexper.nodes.basic.output"}],
                 "connections": [{"from": "hello.text", "to": "out.value"}]}
                """);
        Outcome run = pexper("run", "read.pexper");
        assertEquals(4, run.code());
        assertTrue(run.err().contains("notes failed: cannot read " + folder.resolve("missing.txt")
                + ": there is no such file. Check the path."), run.err());
        assertEquals("still here\n", run.out(), "the independent branch's output is printed");
    }

    @Test
    void aBatchWhoseItemsFailedExitsWithFourAndIsListedAsFailedWithTheCounts() throws Exception {
        Files.writeString(folder.resolve("a.txt"), "A");
        Files.writeString(folder.resolve("batch.pexper"), """
                {"formatVersion": 2, "nodes": [
                  {"id": "files", "type": "com.pexper.nodes.basic.fileList", "parameters": {"paths": "a.txt\\ngone.txt"}},
                  {"id": "read", "type": "com.pexper.nodes.basic.readText"},
                  {"id": "out", "type": "com.pexper.nodes.basic.output"}],
                 "connections": [{"from": "files.files", "to": "read.file"}, {"from": "read.text", "to": "out.value"}]}
                """);
        Outcome run = pexper("run", "batch.pexper", "--json");
        assertEquals(4, run.code(), run.err());
        JsonNode result = new ObjectMapper().readTree(run.out());
        assertEquals("FAILED", result.get("status").asText(), run.out());
        assertEquals(1, result.get("failedItems").asInt());
        assertTrue(run.err().contains("Failed after"), run.err());
        assertTrue(run.err().contains("; 1 of 2 items failed)"), run.err());

        Outcome runs = pexper("runs");
        assertEquals(0, runs.code(), runs.err());
        assertTrue(runs.out().lines().skip(1).findFirst().orElseThrow().contains("  FAILED 1 of 2 items  "), runs.out());
        JsonNode listed = new ObjectMapper().readTree(pexper("runs", "--json").out()).get(0);
        assertEquals("FAILED", listed.get("status").asText());
        assertEquals(1, listed.get("failedItems").asInt());
        assertEquals(2, listed.get("items").asInt());
    }

    @Test
    void aNulCharacterInAnOutputPathIsAProblemOfTheWorkflowNotACrash() throws Exception {
        Files.writeString(folder.resolve("nul.pexper"), """
                {"formatVersion": 2, "nodes": [
                  {"id": "t", "type": "com.pexper.nodes.basic.text", "parameters": {"text": "hi"}},
                  {"id": "w", "type": "com.pexper.nodes.basic.writeText", "parameters": {"path": "out/a\\u0000b.txt"}}],
                 "connections": [{"from": "t.text", "to": "w.text"}]}
                """);
        for (String command : List.of("validate", "run")) {
            Outcome outcome = pexper(command, "nul.pexper");
            assertEquals(2, outcome.code(), command + ": " + outcome.err());
            String problems = command.equals("run") ? outcome.err() : outcome.out();
            assertTrue(problems.startsWith(folder.resolve("nul.pexper") + ": 1 problem to fix"), problems);
            assertTrue(problems.contains("error: node 'w': parameter 'path' is not a valid path: \"out/a\\u0000b.txt\""),
                    problems);
        }
        assertFalse(Files.exists(folder.resolve("out")));
    }

    @Test
    void anUnexpectedExceptionExitsWithSeventyAndOneLineNamingTheWorkflowAndTheLogGetsTheStackTrace()
            throws Exception {
        IllegalStateException bug = new IllegalStateException("the plug-in registry is broken");
        installed = new com.pexper.core.node.NodeTypeRegistry() {
            @Override
            public java.util.Optional<NodeType> find(String id) {
                if (id.equals("com.pexper.nodes.basic.template")) {
                    throw bug;
                }
                return registry.find(id);
            }

            @Override
            public java.util.Collection<NodeType> all() {
                return registry.all();
            }
        };
        List<java.util.logging.LogRecord> logged = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Logger log = java.util.logging.Logger.getLogger(Cli.class.getName());
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        log.addHandler(capture);
        log.setUseParentHandlers(false);
        try {
            for (String command : List.of("validate", "run")) {
                Outcome outcome = pexper(command, "hello.pexper");
                assertEquals(70, outcome.code(), outcome.err());
                assertEquals("pexper: internal error while working on " + folder.resolve("hello.pexper")
                        + " (IllegalStateException: the plug-in registry is broken). This is a bug in Pexper, not in"
                        + " your workflow: see the log in " + home.logs() + " and report it.\n", outcome.err());
                assertEquals("", outcome.out());
            }
        } finally {
            log.removeHandler(capture);
            log.setUseParentHandlers(true);
        }
        assertEquals(2, logged.size());
        assertEquals(java.util.logging.Level.SEVERE, logged.get(1).getLevel());
        assertTrue(logged.get(1).getMessage().contains("`pexper run` on " + folder.resolve("hello.pexper")),
                logged.get(1).getMessage());
        Throwable thrown = logged.get(1).getThrown();
        while (thrown != null && thrown != bug) {
            thrown = thrown.getCause();
        }
        assertEquals(bug, thrown, "the log has the exception with its stack trace");
    }

    @Test
    void ctrlCCancelsTheRunCleanlyAndExitsWith130() throws Exception {
        Files.writeString(folder.resolve("wait.pexper"), """
                {"formatVersion": 2, "nodes": [{"id": "w", "type": "test.wait"}]}
                """);
        Thread presser = new Thread(() -> {
            try {
                while (pendingInterrupt == null) {
                    Thread.sleep(5);
                }
                Thread.sleep(100);
                pendingInterrupt.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        presser.start();
        Outcome run = pexper("run", "wait.pexper");
        presser.join();
        assertEquals(130, run.code(), run.err());
        assertTrue(run.err().contains("interrupted; stopping the run"), run.err());
        assertTrue(run.err().contains("Cancelled after"), run.err());
    }

    @Test
    void validateReportsValidityWithoutRunning() {
        Outcome ok = pexper("validate", "hello.pexper");
        assertEquals(0, ok.code());
        assertTrue(ok.out().contains("valid (3 nodes, 2 connections)"), ok.out());
        assertFalse(Files.exists(home.runs()), "nothing ran");
    }

    @Test
    void aNodeNeedingAServiceThisInstallationLacksIsNamedByValidateAndRun() throws Exception {
        registry.register(NodeType.of("test.needy", "1.0.0", "Needy", "Test", "Needs a service nobody offers.",
                new NodeFactory() {
                    @Override
                    public NodeSignature signature() {
                        return NodeSignature.builder().output(PortSpec.output("out", DataType.TEXT, ""))
                                .needs(Thread.class).build();
                    }

                    @Override
                    public NodeExecutor configure(Parameters parameters) {
                        return (inputs, context) -> Outputs.of("out", TextValue.of("ran"));
                    }
                }));
        Files.writeString(folder.resolve("needy.pexper"), """
                {"formatVersion": 2, "nodes": [{"id": "n", "type": "test.needy"}]}
                """);
        for (String command : List.of("validate", "run")) {
            Outcome outcome = pexper(command, "needy.pexper");
            assertEquals(2, outcome.code(), command + ": " + outcome.out() + outcome.err());
            assertTrue((outcome.out() + outcome.err()).contains("node 'n': Needy needs Thread, which this application does not"
                    + " provide"), command + ": " + outcome.out() + outcome.err());
        }
        assertFalse(Files.exists(home.runs()), "nothing ran");
    }

    @Test
    void nodesListsEveryInstalledTypeWithPortsAndParameters() throws Exception {
        Outcome text = pexper("nodes");
        assertEquals(0, text.code());
        assertTrue(text.out().contains("Text template  com.pexper.nodes.basic.template 1.0.0"), text.out());
        assertTrue(text.out().contains("inputs:  one Text input per {{placeholder}} in 'template'"), text.out());
        assertTrue(text.out().contains("encoding (choice, default \"UTF-8\": UTF-8 | UTF-16 | ISO-8859-1 | windows-1252)"),
                text.out());
        JsonNode json = new ObjectMapper().readTree(pexper("nodes", "--json").out());
        assertEquals(registry.all().size(), json.size());
        JsonNode write = null;
        for (JsonNode type : json) {
            if (type.get("id").asText().equals("com.pexper.nodes.basic.writeText")) {
                write = type;
            }
        }
        assertEquals("text", write.at("/inputs/0/type").asText());
        assertEquals("file", write.at("/parameters/0/type").asText());
    }

    @Test
    void runsListsRecentRunRecords() throws Exception {
        assertTrue(pexper("runs").out().startsWith("No runs yet."));
        pexper("run", "hello.pexper");
        pexper("run", "hello.pexper");
        Outcome runs = pexper("runs");
        assertEquals(3, runs.out().lines().count(), runs.out());
        assertTrue(runs.out().contains("SUCCEEDED"));
        JsonNode json = new ObjectMapper().readTree(pexper("runs", "--json", "--limit", "1").out());
        assertEquals(1, json.size());
        assertEquals(3, json.get(0).get("cachedNodes").asInt());
    }

    @Test
    void wrongArgumentsExitWithTwoAndSayWhatIsExpected() {
        Outcome unknown = pexper("frobnicate");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("unknown command 'frobnicate'"));
        Outcome option = pexper("run", "hello.pexper", "--fast");
        assertEquals(2, option.code());
        assertTrue(option.err().contains("unknown option --fast for 'run'"));
        assertEquals(2, pexper("run").code());
        assertTrue(pexper("run", "hello.pexper", "--jobs", "0").err().contains("at least 1"));
        assertTrue(pexper("help").out().contains("Exit codes: 0 success"));
    }

    /** A command as a third-party bundle contributes one: it upper-cases its words, or fails as asked. */
    record Shout(String name) implements Command {
        @Override
        public String help() {
            return """
                    %s WORD...        print the words in capitals
                      --twice          print them twice
                    """.formatted(name);
        }

        @Override
        public int run(List<String> arguments, CommandContext context) throws UsageException {
            Options options = Options.parse(name, arguments, Set.of("twice"), Set.of());
            if (options.positional().isEmpty()) {
                throw new UsageException("'" + name + "' takes at least one word");
            }
            if (options.positional().contains("boom")) {
                throw new IllegalStateException("the plug-in broke");
            }
            String words = String.join(" ", options.positional()).toUpperCase(java.util.Locale.ROOT);
            context.out().println(options.flag("twice") ? words + " " + words : words);
            return 0;
        }
    }

    @Test
    void aCommandAPlugInContributesIsListedInHelpAndRunsLikePexpersOwn() {
        pluginCommands.add(new Shout("shout"));
        pluginCommands.add(new Shout("run"));
        String help = pexper("help").out();
        for (String command : List.of("run WORKFLOW", "validate WORKFLOW", "nodes", "runs", "keys set NAME", "ledger",
                "providers", "shout WORD...")) {
            assertTrue(help.contains("\n  " + command), command + " is listed:\n" + help);
        }
        assertTrue(help.indexOf("\n  runs ") < help.indexOf("\n  keys ")
                && help.indexOf("\n  providers ") < help.indexOf("\n  shout "),
                "Pexper's own commands first, then the contributed ones by name:\n" + help);
        assertTrue(help.contains("    --twice          print them twice"), "options are indented under it:\n" + help);
        assertTrue(help.contains("also offers 'run', which is taken"), "a clashing command is named:\n" + help);

        Outcome shout = pexper("shout", "hello", "--twice");
        assertEquals(new Outcome(0, "HELLO HELLO\n", ""), shout);
        Outcome itsHelp = pexper("help", "shout");
        assertEquals("shout WORD...        print the words in capitals\n  --twice          print them twice\n",
                itsHelp.out());
        Outcome wrong = pexper("shout");
        assertEquals(2, wrong.code());
        assertEquals("pexper: 'shout' takes at least one word\n", wrong.err());
        Outcome broken = pexper("shout", "boom");
        assertEquals(70, broken.code());
        assertTrue(broken.err().contains("internal error while working on `pexper shout`"), broken.err());
        assertTrue(broken.err().contains("the plug-in broke"), broken.err());
        assertEquals(0, pexper("run", "hello.pexper").code(), "the built-in run is not replaced");
        assertEquals(2, pexper("help", "frobnicate").code());
        assertEquals("shout WORD...        print the words in capitals\n  --twice          print them twice\n",
                pexper("shout", "--help").out(), "COMMAND --help shows its part of the help");
    }

    @Test
    void aThirdPartyCommandThatBreaksIsNamedAsThePlugInsBugAndLeavesTheOthersWorking() {
        // a class outside Pexper's packages, as a third party's plug-in has
        Command broken = (Command) java.lang.reflect.Proxy.newProxyInstance(Command.class.getClassLoader(),
                new Class<?>[] { Command.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "name" -> "broken";
                    case "help" -> null;
                    case "run" -> throw new IllegalStateException("out of order");
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        pluginCommands.add(broken);
        pluginCommands.add(new Shout("Not A Name"));
        Outcome help = pexper("help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("\n  broken   (its help cannot be shown: java.lang.NullPointerException: no help)"),
                help.out());
        assertTrue(help.out().contains("offers a command named \"Not A Name\", which is not a command name"), help.out());
        Outcome run = pexper("broken");
        assertEquals(70, run.code());
        assertTrue(run.err().contains("This is a bug in the plug-in that adds `pexper broken` (jdk.proxy"), run.err());
        assertEquals(0, pexper("ledger").code(), "the other commands work");
    }

    @Test
    void onATerminalProgressIsALiveBar() {
        Outcome run = pexper(true, "run", "hello.pexper");
        assertTrue(run.err().contains("\r\033[K["), "the bar is drawn and cleared in place");
        assertFalse(run.err().contains("  done    "), "no line per node on a terminal");
    }

    /** Loops until cancelled. */
    static final class Wait implements NodeFactory {
        @Override
        public NodeSignature signature() {
            return NodeSignature.builder().output(PortSpec.output("out", DataType.TEXT, "")).build();
        }

        @Override
        public NodeExecutor configure(Parameters parameters) {
            return (inputs, context) -> {
                while (true) {
                    context.checkCanceled();
                    Thread.sleep(5);
                    if (System.nanoTime() < 0) {
                        return Outputs.of("out", TextValue.of(""));
                    }
                }
            };
        }
    }

    @Test
    void ledgerListsTheRecordedRequestsWithoutTheirContent() throws Exception {
        Outcome empty = pexper("ledger");
        assertEquals(0, empty.code(), empty.err());
        assertTrue(empty.out().startsWith("No network requests."), empty.out());

        var ledger = new com.pexper.net.PrivacyLedger(home.ledger());
        java.time.Instant now = java.time.Instant.now();
        ledger.record(new com.pexper.net.LedgerEntry(now.minusSeconds(3 * 3600), "openai", "api.example.com", 443, "POST",
                "/v1/chat/completions", 200, "ok", 2048, 4096, 812));
        ledger.record(new com.pexper.net.LedgerEntry(now.minusSeconds(2 * 3600), "ollama", "127.0.0.1", 11434, "POST",
                "/api/chat", 200, "ok", 0, 0, 90));
        ledger.record(new com.pexper.net.LedgerEntry(now.minusSeconds(60), "anthropic", "api.example.org", 443, "POST",
                "/v1/messages", 0, "refused: local-only mode is on", 0, 0, 0));
        Outcome all = pexper("ledger");
        assertEquals(0, all.code(), all.err());
        assertTrue(all.out().contains("api.example.com/v1/chat/completions"), all.out());
        assertTrue(all.out().contains("127.0.0.1:11434/api/chat"), "a local server is told by its port: " + all.out());
        assertTrue(all.out().contains("refused"), all.out());
        assertTrue(all.out().contains("3 request(s), 1 refused by the gate; 2.0 KB sent, 4.0 KB received."), all.out());

        Outcome recent = pexper("ledger", "--since", "1h", "--json");
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(recent.out());
        assertEquals(1, json.size());
        assertEquals("anthropic", json.get(0).get("provider").asText());

        Outcome wrong = pexper("ledger", "--since", "yesterday");
        assertEquals(2, wrong.code());
        assertTrue(wrong.err().contains("--since takes 30m, 2h, 7d"), wrong.err());
    }

    @Test
    void aKeyIsReadFromStandardInputStoredByNameAndNeverPrinted() throws Exception {
        String key = "sk-test-CLIKEYCANARY-0123456789";
        stdin = key + "\n";
        Outcome set = pexper(false, "keys", "set", "work-openai");
        assertEquals(0, set.code(), set.err());
        assertEquals(key, keys.get("work-openai").orElseThrow().reveal());
        Outcome list = pexper(false, "keys", "list");
        assertTrue(list.out().contains("work-openai"), list.out());
        Outcome removed = pexper(false, "keys", "remove", "work-openai");
        assertEquals(0, removed.code());
        assertTrue(keys.get("work-openai").isEmpty());
        assertEquals(2, pexper(false, "keys", "remove", "work-openai").code(), "removing a missing key is an error");
        stdin = "\n";
        Outcome empty = pexper(false, "keys", "set", "blank");
        assertEquals(2, empty.code());
        assertTrue(empty.err().contains("the key is empty"), empty.err());
        for (Outcome outcome : List.of(set, list, removed, empty)) {
            assertFalse((outcome.out() + outcome.err()).contains("CLIKEYCANARY"));
        }
        assertEquals(2, pexper(false, "keys", "set", "bad name!").code());
    }

    /** A cloud provider whose built-in address is https://api.cloud.test/v1 (its code is never called here). */
    static ProviderDescriptor cloud() {
        return provider("test-cloud", "https://api.cloud.test/v1");
    }

    static ProviderDescriptor provider(String id, String baseUrl) {
        return new ProviderDescriptor(id, "1.0.0", id, "", ProviderKind.CLOUD, Set.of(Capability.CHAT),
                new ProviderSettings(baseUrl, "m1", null, null, 1, 0, null, null),
                new CredentialSpec(true, id, null, null), null, "test", () -> {
                    throw new IllegalStateException("not called");
                });
    }

    @Test
    void keysSetBindsTheKeyToTheProvidersAddressAndKeysAllowAddsAnother() throws Exception {
        providers = ProviderRegistry.of(cloud());
        providerSettings = Map.of("test-cloud", Map.of("baseUrl", "https://llm.example.test:8443/v1"));
        stdin = "sk-test-BINDCANARY-0123456789abcdef\n";
        Outcome set = pexper("keys", "set", "work", "--provider", "test-cloud");
        assertEquals(0, set.code(), set.err());
        assertTrue(set.out().contains("It is sent only to https://llm.example.test:8443"), set.out());
        assertTrue(set.out().contains("not its built-in https://api.cloud.test:443"), set.out());
        assertEquals(List.of("https://llm.example.test:8443"), keys.describe("work").orElseThrow().origins());

        Outcome allow = pexper("keys", "allow", "work", "https://Other.example.test/v1");
        assertEquals(0, allow.code(), allow.err());
        assertTrue(allow.out().contains("https://llm.example.test:8443 and https://other.example.test:443"), allow.out());
        Outcome list = pexper("keys", "list");
        assertTrue(list.out().contains("work") && list.out().contains("test-cloud")
                && list.out().contains("https://llm.example.test:8443, https://other.example.test:443"), list.out());

        assertEquals(2, pexper("keys", "allow", "nobody", "https://x.example.test").code());
        Outcome notAnOrigin = pexper("keys", "allow", "work", "ftp://x.example.test");
        assertEquals(2, notAnOrigin.code());
        assertTrue(notAnOrigin.err().contains("is not an http(s) address"), notAnOrigin.err());
        for (Outcome outcome : List.of(set, allow, list)) {
            assertFalse((outcome.out() + outcome.err()).contains("BINDCANARY"));
        }
    }

    @Test
    void aKeyNamedAfterAProviderIsBoundToThatProviderNotToOneWhoseIdStartsTheName() throws Exception {
        providers = ProviderRegistry.of(cloud(), provider("test-cloud-compatible", "http://127.0.0.1:1234/v1"));
        stdin = "sk-test-GUESSCANARY-0123456789\n";
        assertEquals(0, pexper("keys", "set", "test-cloud-compatible").code());
        assertEquals(List.of("http://127.0.0.1:1234"), keys.describe("test-cloud-compatible").orElseThrow().origins());
        assertEquals("test-cloud-compatible", keys.describe("test-cloud-compatible").orElseThrow().provider());
        assertEquals(0, pexper("keys", "set", "test-cloud-work").code());
        assertEquals(List.of("https://api.cloud.test:443"), keys.describe("test-cloud-work").orElseThrow().origins());
    }

    @Test
    void aKeyStoredWithoutAnAddressIsListedAsGoingOnlyToTheBuiltInOneAndAllowKeepsThat() throws Exception {
        providers = ProviderRegistry.of(cloud());
        keys.put("old", "test-cloud", com.pexper.ai.Secret.of("sk-test-OLDCANARY-0123456789"), null);
        assertTrue(pexper("keys", "list").out().contains("https://api.cloud.test:443 (built-in address; stored without"
                + " one)"));
        assertEquals(0, pexper("keys", "allow", "old", "https://llm.example.test").code());
        assertEquals(List.of("https://api.cloud.test:443", "https://llm.example.test:443"),
                keys.describe("old").orElseThrow().origins());
    }

    private static final String PASTED = "sk-proj-PASTEDCANARY0123456789abcdef";

    private void assertRefusedWithoutRepeatingTheKey(Outcome outcome) {
        assertEquals(2, outcome.code(), outcome.err());
        String all = outcome.out() + outcome.err();
        assertFalse(all.contains("PASTEDCANARY"), all);
        assertFalse(all.contains("keys set sk-"), "never advises putting the key on a command line: " + all);
        assertTrue(all.contains("./pexper keys set NAME < key.txt"), all);
    }

    @Test
    void aKeyGivenWhereItsNameBelongsIsRefusedAtValidationWithoutRepeatingIt() throws Exception {
        registry.registerAll(PluginXmlNodeTypes.ofBundleContaining(Class.forName(
                "com.pexper.ai.nodes.internal.PromptNode")));
        String ask = """
                {"formatVersion": 2, "name": "Ask",
                 "nodes": [{"id": "ask", "type": "com.pexper.ai.prompt",
                            "parameters": {"provider": "ollama", "prompt": "hi", "temperature": 0, "key": "KEY"}},
                           {"id": "answer", "type": "com.pexper.nodes.basic.output"}],
                 "connections": [{"from": "ask.text", "to": "answer.value"}]}
                """;
        Files.writeString(folder.resolve("ask.pexper"), ask.replace("KEY", "ollama"));
        assertRefusedWithoutRepeatingTheKey(pexper("run", "ask.pexper", "--set", "ask.key=" + PASTED));
        assertRefusedWithoutRepeatingTheKey(pexper("validate", "ask.pexper", "--set", "ask.key=" + PASTED));
        Outcome typo = pexper("run", "ask.pexper", "--set", "nobody.key=" + PASTED);
        assertEquals(2, typo.code());
        assertFalse(typo.err().contains("PASTEDCANARY"), "a --set that cannot be applied is not echoed: " + typo.err());
        Files.writeString(folder.resolve("pasted.pexper"), ask.replace("KEY", PASTED));
        assertRefusedWithoutRepeatingTheKey(pexper("run", "pasted.pexper"));
        assertRefusedWithoutRepeatingTheKey(pexper("validate", "pasted.pexper", "--json"));
        stdin = "whatever\n";
        assertRefusedWithoutRepeatingTheKey(pexper("keys", "set", PASTED));
        assertFalse(Files.exists(home.runs()) && Files.list(home.runs()).findAny().isPresent(), "no run was recorded");

        Outcome named = pexper("validate", "ask.pexper", "--set", "ask.key=work-openai");
        assertEquals(0, named.code(), named.out() + named.err());
    }
}
