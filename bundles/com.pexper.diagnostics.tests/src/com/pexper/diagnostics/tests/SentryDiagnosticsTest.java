package com.pexper.diagnostics.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pexper.core.data.DataType;
import com.pexper.core.data.TextValue;
import com.pexper.core.engine.Engine;
import com.pexper.core.engine.EngineDiagnostics;
import com.pexper.core.engine.Redactor;
import com.pexper.core.engine.RunRequest;
import com.pexper.core.engine.RunResult;
import com.pexper.core.engine.RunStatus;
import com.pexper.core.engine.ServiceDirectory;
import com.pexper.core.home.PexperHome;
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
import com.pexper.diagnostics.Consent;
import com.pexper.diagnostics.PendingReport;
import com.pexper.diagnostics.Scrubber;
import com.pexper.diagnostics.internal.SentryDiagnostics;
import com.pexper.model.Workflow;
import com.pexper.model.build.WorkflowBuilder;
import com.pexper.net.LedgerEntry;
import com.pexper.net.NetworkGate;
import com.pexper.net.PrivacyLedger;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * Crash reports and usage analytics against a loopback server that speaks Sentry's envelope
 * protocol: nothing at all with consent off, only the allowed fields, scrubbed, with it, and an
 * outbox that keeps what could not be sent, within bounds.
 */
class SentryDiagnosticsTest {

    private static final String KEY_IN_USE = "sk-proj-Zq8vN2rT5yW7uB1xC4eH6jK9mP3sL0aD";
    private static final String LABEL = "Holiday cutouts for Grandma";
    private static final String PROMPT = "a portrait of my neighbour's dog";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The top-level fields an event may carry, and the contexts. */
    private static final Set<String> EVENT_FIELDS = Set.of("event_id", "timestamp", "level", "platform", "release",
            "environment", "sdk", "exception", "contexts", "tags", "message");
    private static final Set<String> CONTEXTS = Set.of("os", "device", "runtime", "app", "bundles", "usage");

    @TempDir
    Path folder;

    private final MockWebServer server = new MockWebServer();
    private PexperHome home;
    private NetworkGate gate;
    private final Redactor keysInUse = text -> text.replace(KEY_IN_USE, "****");

    @BeforeEach
    void start() throws IOException {
        server.start();
        home = new PexperHome(folder.resolve("pexper-home"));
        gate = NetworkGate.builder().ledger(new PrivacyLedger(home.ledger())).build();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private SentryDiagnostics diagnostics(String endpoint, Clock clock) {
        return new SentryDiagnostics(home, gate, keysInUse, endpoint, "0.1.0.test",
                Map.of("com.pexper.core", "0.1.0.test"), clock);
    }

    private String endpoint() {
        return "http://publickey@127.0.0.1:" + server.getPort() + "/42";
    }

    /** A node type that fails as a bug does, with the user's texts and a key in its message. */
    private static final class Crashing implements NodeFactory {
        @Override
        public NodeSignature signature() {
            return NodeSignature.builder().output(PortSpec.output("text", DataType.TEXT, ""))
                    .parameter(ParameterSpec.of("prompt", ParameterType.STRING).defaultValue("")).build();
        }

        @Override
        public NodeExecutor configure(Parameters parameters) {
            String prompt = parameters.string("prompt");
            return (inputs, context) -> {
                if (prompt.isEmpty()) {
                    return Outputs.of("text", TextValue.of("fine"));
                }
                throw new IllegalStateException("cannot draw '" + prompt + "' for " + LABEL + " with key " + KEY_IN_USE
                        + " from /home/alice/Pictures/dog.png, tell alice@example.com");
            };
        }
    }

    private RunResult runCrashingWorkflow(EngineDiagnostics diagnostics) throws Exception {
        InMemoryNodeTypeRegistry types = new InMemoryNodeTypeRegistry()
                .register(NodeType.of("test.crashing", "1.0.0", "Crashing", "Test", "", new Crashing()));
        Workflow workflow = WorkflowBuilder.named("my private workflow").node("fine", "test.crashing")
                .node("crash", "test.crashing", "prompt", PROMPT).build();
        workflow.getNodes().get(1).setLabel(LABEL);
        try (Engine engine = Engine.builder(types).services(ServiceDirectory.of(Map.of(EngineDiagnostics.class, diagnostics)))
                .scratchDirectory(folder.resolve("scratch")).build()) {
            return engine.run(workflow, RunRequest.builder().build());
        }
    }

    @Test
    void withConsentOffACrashingNodeAndAnUncaughtExceptionWriteNothingAndSendNothing() throws Exception {
        SentryDiagnostics diagnostics = diagnostics(endpoint(), Clock.systemUTC());
        assertEquals(Consent.OFF, diagnostics.consent(), "off until the user says otherwise");
        assertFalse(diagnostics.asked());
        diagnostics.sessionStarted("workbench");
        RunResult run = runCrashingWorkflow(diagnostics);
        assertEquals(RunStatus.FAILED, run.outcome(), "the node did crash");
        diagnostics.crashed(new IllegalStateException("uncaught in the workbench"), "workbench", List.of());
        diagnostics.used("command", "run");
        diagnostics.sessionEnded();

        assertFalse(Files.exists(home.root().resolve("diagnostics")), "no diagnostics folder");
        assertTrue(diagnostics.pending().isEmpty());
        assertNull(server.takeRequest(500, TimeUnit.MILLISECONDS), "no request reached the server");
        assertEquals(List.of(), ledger(), "the gate saw no request");
    }

    @Test
    void withConsentTheServerReceivesExactlyTheAllowedFieldsScrubbed() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).body("{}").build());
        server.enqueue(new MockResponse.Builder().code(200).body("{}").build());
        server.enqueue(new MockResponse.Builder().code(200).body("{}").build());
        SentryDiagnostics diagnostics = diagnostics(endpoint(), Clock.systemUTC());
        diagnostics.setConsent(Consent.ALL);
        diagnostics.deviceFact("screen.scale", "2.0");
        diagnostics.sessionStarted("cli");
        diagnostics.used("command", "run");
        assertEquals(RunStatus.FAILED, runCrashingWorkflow(diagnostics).outcome());
        diagnostics.sessionEnded();

        List<Envelope> received = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
            assertNotNull(request, "report " + (i + 1) + " of 3 arrived");
            assertEquals("/api/42/envelope/", request.getUrl().encodedPath());
            assertEquals("application/x-sentry-envelope", request.getHeaders().get("Content-Type"));
            assertTrue(request.getHeaders().get("X-Sentry-Auth").contains("sentry_key=publickey"));
            received.add(Envelope.parse(request.getBody().string(StandardCharsets.UTF_8)));
        }
        assertNull(server.takeRequest(300, TimeUnit.MILLISECONDS), "three reports and no more");
        String everything = received.toString();
        for (String secret : List.of(KEY_IN_USE, LABEL, PROMPT, "alice", "my private workflow",
                System.getProperty("user.name"), hostName())) {
            if (secret.isEmpty()) {
                continue;
            }
            assertFalse(everything.contains(secret), "'" + secret + "' was sent: " + everything);
        }

        JsonNode crash = received.stream().filter(e -> e.type().equals("event") && e.payload().has("exception"))
                .findFirst().orElseThrow().payload();
        assertTrue(EVENT_FIELDS.containsAll(names(crash)), "only allowed fields: " + names(crash));
        assertTrue(CONTEXTS.containsAll(names(crash.path("contexts"))), names(crash.path("contexts")).toString());
        JsonNode exception = crash.path("exception").path("values").get(0);
        assertEquals("IllegalStateException", exception.path("type").asText());
        assertEquals("cannot draw '[label]' for [label] with key **** from /home/[user]/Pictures/dog.png, tell [email]",
                exception.path("value").asText());
        assertTrue(exception.path("stacktrace").path("frames").size() > 0);
        for (JsonNode frame : exception.path("stacktrace").path("frames")) {
            String module = frame.path("module").asText("") + ".";
            assertTrue(frame.path("function").asText().equals("[other frames]") && !frame.has("module")
                    || Scrubber.KEPT_FRAMES.stream().anyMatch(module::startsWith), "a frame of other code is not sent: " + frame);
        }
        assertEquals("node", crash.path("tags").path("where").asText());
        assertEquals(2.0, crash.path("contexts").path("device").path("screen_density").asDouble());
        assertEquals(Runtime.getRuntime().availableProcessors(),
                crash.path("contexts").path("device").path("processor_count").asInt());
        assertEquals("0.1.0.test", crash.path("contexts").path("app").path("app_version").asText());
        assertEquals("pexper@0.1.0.test", crash.path("release").asText());

        JsonNode usage = received.stream().filter(e -> e.type().equals("event") && e.payload().has("message"))
                .findFirst().orElseThrow().payload();
        assertEquals(1, usage.path("contexts").path("usage").path("commands").path("run").asInt());
        assertEquals(2, usage.path("contexts").path("usage").path("nodes").path("test.crashing").asInt(),
                "node types by id, counted: " + usage);
        assertTrue(EVENT_FIELDS.containsAll(names(usage)), names(usage).toString());

        JsonNode session = received.stream().filter(e -> e.type().equals("session")).findFirst().orElseThrow().payload();
        assertEquals("exited", session.path("status").asText());
        assertEquals(1, session.path("errors").asInt(), "the node's crash is the session's error");
        assertTrue(session.path("init").asBoolean());
        assertFalse(session.has("did"), "no id links two reports");

        assertTrue(diagnostics.pending().isEmpty(), "sent reports leave the outbox");
        List<LedgerEntry> ledger = ledger();
        assertEquals(3, ledger.size(), "each report is in the ledger: " + ledger);
        assertTrue(ledger.stream().allMatch(e -> e.provider().equals("diagnostics") && e.status() == 200));
    }

    @Test
    void crashReportsOnlyAreNeitherUsageNorSessions() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).build());
        SentryDiagnostics diagnostics = diagnostics(endpoint(), Clock.systemUTC());
        diagnostics.setConsent(Consent.CRASHES);
        diagnostics.sessionStarted("cli");
        diagnostics.used("command", "run");
        diagnostics.crashed(new IllegalArgumentException("bad"), "cli", List.of());
        diagnostics.sessionEnded();
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertNotNull(request);
        Envelope crash = Envelope.parse(request.getBody().string(StandardCharsets.UTF_8));
        assertEquals("event", crash.type());
        assertEquals("cli", crash.payload().path("tags").path("where").asText());
        assertNull(server.takeRequest(300, TimeUnit.MILLISECONDS), "no usage and no session");
    }

    @Test
    void aReportTheServerCouldNotTakeWaitsForTheNextSessionAndOneItRefusesIsDropped() throws Exception {
        SentryDiagnostics diagnostics = diagnostics(endpoint(), Clock.systemUTC());
        diagnostics.setConsent(Consent.CRASHES);
        server.enqueue(new MockResponse.Builder().code(503).build());
        diagnostics.crashed(new IllegalStateException("first"), "workbench", List.of());
        diagnostics.sessionEnded(); // waits for the attempt
        assertEquals(1, diagnostics.pending().size(), "a server error keeps the report");

        server.enqueue(new MockResponse.Builder().code(200).build());
        diagnostics.sessionStarted("workbench"); // the next session sends what waits
        diagnostics.sessionEnded();
        assertEquals(List.of(), diagnostics.pending(), "sent at last");

        server.enqueue(new MockResponse.Builder().code(400).build());
        diagnostics.crashed(new IllegalStateException("refused"), "job", List.of());
        diagnostics.sessionEnded();
        assertEquals(List.of(), diagnostics.pending(), "a report the server refuses would be refused again: dropped");
        assertEquals(List.of(503, 200, 400), ledger().stream().map(LedgerEntry::status).toList());
    }

    @Test
    void theOutboxForgetsReportsAfter90DaysAndKeepsAtMostAHundred() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        SentryDiagnostics diagnostics = diagnostics(null, clock);
        diagnostics.setConsent(Consent.CRASHES);
        diagnostics.crashed(new IllegalStateException("old"), "cli", List.of());
        clock.now = clock.now.plus(Duration.ofDays(89));
        diagnostics.crashed(new IllegalStateException("newer"), "cli", List.of());
        assertEquals(2, diagnostics.pending().size());
        clock.now = clock.now.plus(Duration.ofDays(2));
        List<PendingReport> left = diagnostics.pending();
        assertEquals(1, left.size(), "the one older than 90 days is gone");
        assertTrue(left.get(0).envelope().contains("newer"));
        assertEquals("crash", left.get(0).kind());
        assertTrue(left.get(0).readable().startsWith("== Crash report, written 2026-03-31 00:00:00 UTC"),
                left.get(0).readable());

        for (int i = 0; i < 130; i++) {
            clock.now = clock.now.plusSeconds(1);
            diagnostics.crashed(new IllegalStateException("crash " + i), "job", List.of());
        }
        List<PendingReport> bounded = diagnostics.pending();
        assertEquals(100, bounded.size(), "bounded in count");
        assertTrue(bounded.get(99).envelope().contains("crash 129"), "the newest are kept");
        assertEquals(0, server.getRequestCount(), "no endpoint, nothing sent");
        assertEquals(List.of(), ledger());

        assertEquals(100, diagnostics.deleteCollected());
        assertFalse(Files.exists(home.root().resolve("diagnostics")));
    }

    @Test
    void choosingOffDeletesWhatWasCollectedAndTheChoiceIsKept() throws Exception {
        SentryDiagnostics diagnostics = diagnostics(null, Clock.systemUTC());
        diagnostics.setConsent(Consent.ALL);
        diagnostics.crashed(new IllegalStateException("x"), "cli", List.of());
        assertEquals(1, diagnostics.pending().size());
        assertTrue(diagnostics(null, Clock.systemUTC()).asked());
        assertEquals(Consent.ALL, diagnostics(null, Clock.systemUTC()).consent(), "the choice outlives the process");
        diagnostics.setConsent(Consent.OFF);
        assertFalse(Files.exists(home.root().resolve("diagnostics")), "off deletes the reports");
        Files.writeString(home.settings().resolve("diagnostics.json"), "{ not json");
        assertEquals(Consent.OFF, diagnostics(null, Clock.systemUTC()).consent(), "a damaged choice is off");
    }

    @Test
    void anotherPexperTurningItOffStopsThisOneAtOnce() throws Exception {
        SentryDiagnostics workbench = diagnostics(null, Clock.systemUTC());
        workbench.setConsent(Consent.ALL);
        workbench.sessionStarted("workbench");
        workbench.used("command", "run");
        SentryDiagnostics commandLine = diagnostics(null, Clock.systemUTC()); // pexper diagnostics off, meanwhile
        assertEquals(Consent.ALL, commandLine.consent());
        commandLine.setConsent(Consent.OFF);
        assertEquals(Consent.OFF, workbench.consent(), "the running one follows the file");
        workbench.crashed(new IllegalStateException("after off"), "workbench", List.of());
        workbench.sessionEnded();
        assertFalse(Files.exists(home.root().resolve("diagnostics")), "nothing collected after off, nothing kept from before");
    }

    // ------------------------------------------------------------------------------ helpers

    private List<LedgerEntry> ledger() throws IOException {
        return new PrivacyLedger(home.ledger()).read(Instant.EPOCH);
    }

    private static String hostName() {
        try {
            String name = java.net.InetAddress.getLocalHost().getHostName();
            return name.length() < 6 || name.matches("[0-9a-f]+") ? "" : name; // a short or hex name could be in any id
        } catch (IOException e) {
            return "";
        }
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** One item of a Sentry envelope: its type and its payload. */
    private record Envelope(JsonNode header, String type, JsonNode payload) {
        static Envelope parse(String body) throws IOException {
            Iterator<String> lines = body.lines().iterator();
            JsonNode header = JSON.readTree(lines.next());
            JsonNode item = JSON.readTree(lines.next());
            String payload = lines.next();
            assertEquals(item.path("length").asInt(), payload.getBytes(StandardCharsets.UTF_8).length,
                    "the item's length is its payload's");
            assertFalse(lines.hasNext(), "one item per envelope");
            return new Envelope(header, item.path("type").asText(), JSON.readTree(payload));
        }
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
