package com.pexper.ai.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pexper.ai.AiClients;
import com.pexper.ai.AiException;
import com.pexper.ai.AiProvider;
import com.pexper.ai.ProviderRegistry;
import com.pexper.ai.Secret;
import com.pexper.ai.keys.InMemoryCredentialStore;
import com.pexper.net.NetworkGate;
import com.pexper.net.PrivacyLedger;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A provider wired as the application wires it (registry from the provider's plugin.xml, key by
 * name, the network gate and ledger), pointed at a MockWebServer on loopback that plays the
 * provider's side. Captures every log record and the waits between retries, and checks at the end
 * that the fake key appears nowhere: not in the ledger, files, log records or the texts a test
 * collected (results, error messages).
 */
public final class ProviderTestBench implements AutoCloseable {

    /** A recognisable fake key: the leak checks look for it, and for its distinctive middle part. */
    public static final String FAKE_KEY = "sk-pexper-LEAKCANARY-7f3a9c2e51d04b86aa";
    private static final String CANARY = "LEAKCANARY";
    private static final ObjectMapper JSON = new ObjectMapper();

    public final MockWebServer server = new MockWebServer();
    public final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
    private final Path folder;
    private final InMemoryCredentialStore keys = new InMemoryCredentialStore();
    private final NetworkGate gate;
    private final ProviderRegistry registry;
    private final Map<String, String> settings;
    private final AiClients clients;
    private final String providerId;
    private final List<String> seen = Collections.synchronizedList(new ArrayList<>());
    private final Handler capture;

    /**
     * @param basePath the path part of the provider's base URL ("/v1" for OpenAI, "/" for Ollama)
     * @param providerBundles a class from each bundle whose plugin.xml declares providers
     */
    public ProviderTestBench(Path folder, String providerId, String basePath, Map<String, String> settings,
            Class<?>... providerBundles) throws IOException {
        this.folder = folder;
        this.providerId = providerId;
        server.start();
        registry = ProviderRegistry.ofBundlesContaining(providerBundles);
        assertTrue(registry.problems().isEmpty(), registry.problems().toString());
        String keyName = registry.find(providerId).orElseThrow().credential().defaultName();
        String baseUrl = server.url(basePath).toString().replaceAll("/$", "");
        if (keyName != null) {
            keys.put(keyName, providerId, Secret.of(FAKE_KEY), baseUrl); // as ./pexper keys set binds it
        }
        gate = NetworkGate.builder().ledger(new PrivacyLedger(folder.resolve("ledger"))).build();
        Map<String, String> changes = new java.util.HashMap<>(settings);
        changes.put("baseUrl", baseUrl);
        this.settings = Map.copyOf(changes);
        clients = clientsWith(Map.of());
        capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                StringWriter text = new StringWriter();
                text.append(String.valueOf(record.getMessage())).append(' ')
                        .append(String.valueOf(record.getParameters() == null ? "" : List.of(record.getParameters())));
                if (record.getThrown() != null) {
                    record.getThrown().printStackTrace(new PrintWriter(text));
                }
                seen.add(text.toString());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        capture.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(capture);
    }

    public AiClients clients() {
        return clients;
    }

    /** The keys the clients read: the fake key is stored under the provider's default name, bound to the server. */
    public InMemoryCredentialStore keys() {
        return keys;
    }

    /**
     * Clients as a new process would make them after PEXPER_HOME/settings/providers.json changed:
     * the same keys, gate and ledger, the provider's settings with {@code changes}.
     */
    public AiClients clientsWith(Map<String, String> changes) {
        Map<String, String> changed = new java.util.HashMap<>(settings);
        changed.putAll(changes);
        return AiClients.builder().registry(registry).credentials(keys).gate(gate)
                .settings(Map.of(providerId, changed)).environment(Map.of()).sleeper((wait, control) -> waits.add(wait))
                .build();
    }

    /** The privacy ledger's entries so far, oldest first. */
    public List<JsonNode> ledger() throws IOException {
        List<JsonNode> entries = new ArrayList<>();
        for (String line : ledgerLines()) {
            entries.add(JSON.readTree(line));
        }
        return entries;
    }

    public AiProvider provider() throws AiException {
        return clients.provider(providerId, null);
    }

    public void enqueue(int status, String body) {
        server.enqueue(new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json")
                .body(body).build());
    }

    public void enqueue(MockResponse response) {
        server.enqueue(response);
    }

    /** A streamed answer: server-sent events or JSON lines, as given. */
    public void enqueueStream(String contentType, String body) {
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", contentType).body(body).build());
    }

    public RecordedRequest take() throws InterruptedException {
        RecordedRequest request = server.takeRequest();
        seen.add(request.getTarget());
        return request;
    }

    public static JsonNode body(RecordedRequest request) throws IOException {
        return JSON.readTree(request.getBody().utf8());
    }

    public static JsonNode json(String text) throws IOException {
        return JSON.readTree(text);
    }

    /** Remembers a text that reaches the user (a result, an exception message) for the leak check. */
    public <T> T shown(T value) {
        seen.add(String.valueOf(value));
        if (value instanceof Throwable t) {
            StringWriter trace = new StringWriter();
            t.printStackTrace(new PrintWriter(trace));
            seen.add(trace.toString());
        }
        return value;
    }

    /** Every request the provider made went to the mock server's origin, and each is in the ledger. */
    public void assertLedgerHasEveryRequest() throws IOException {
        List<String> lines = ledgerLines();
        assertEquals(server.getRequestCount(), lines.size(), "one ledger line per request: " + lines);
        for (String line : lines) {
            JsonNode entry = JSON.readTree(line);
            assertEquals(providerId, entry.path("provider").asText());
            assertEquals(server.getHostName(), entry.path("host").asText());
        }
    }

    private List<String> ledgerLines() throws IOException {
        List<String> lines = new ArrayList<>();
        Path ledger = folder.resolve("ledger");
        if (Files.isDirectory(ledger)) {
            try (Stream<Path> files = Files.list(ledger)) {
                for (Path file : files.toList()) {
                    lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
                }
            }
        }
        lines.removeIf(String::isBlank);
        return lines;
    }

    /**
     * The fake key is in no file under the test folder, no log record and no text the test showed:
     * neither its distinctive middle part nor that part in base64 at any of the three byte
     * alignments (as {@code Bearer}, {@code Basic user:key} or any base64 run would carry it), in
     * the standard or the URL-safe alphabet.
     */
    public void assertKeyNeverShown() throws IOException {
        List<String> forms = canaryForms();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                for (String form : forms) {
                    assertFalse(content.contains(form), "the key (as " + form + ") is in " + file);
                }
            }
        }
        synchronized (seen) {
            for (String text : seen) {
                for (String form : forms) {
                    assertFalse(text.contains(form), "the key (as " + form + ") was shown: " + text);
                }
            }
        }
    }

    /**
     * The fake key's distinctive part as typed, and what base64 of any text containing the key must
     * contain (12 bytes: 16 characters, at each of the three alignments, in both alphabets): what to
     * look for wherever a test wants to show that the key did not go.
     */
    public static List<String> canaryForms() {
        List<String> forms = new ArrayList<>(List.of(CANARY));
        byte[] middle = ("-" + CANARY + "-7f3").getBytes(StandardCharsets.US_ASCII);
        for (int skip = 0; skip < 3; skip++) {
            byte[] aligned = java.util.Arrays.copyOfRange(middle, skip, skip + 12);
            forms.add(java.util.Base64.getEncoder().withoutPadding().encodeToString(aligned));
            forms.add(java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(aligned));
        }
        return forms;
    }

    @Override
    public void close() throws IOException {
        Logger.getLogger("").removeHandler(capture);
        server.close();
    }
}
