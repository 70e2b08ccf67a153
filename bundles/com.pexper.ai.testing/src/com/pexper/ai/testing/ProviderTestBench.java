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
        ProviderRegistry registry = ProviderRegistry.ofBundlesContaining(providerBundles);
        assertTrue(registry.problems().isEmpty(), registry.problems().toString());
        InMemoryCredentialStore keys = new InMemoryCredentialStore();
        String keyName = registry.find(providerId).orElseThrow().credential().defaultName();
        if (keyName != null) {
            keys.put(keyName, providerId, Secret.of(FAKE_KEY));
        }
        NetworkGate gate = NetworkGate.builder().ledger(new PrivacyLedger(folder.resolve("ledger"))).build();
        Map<String, String> changes = new java.util.HashMap<>(settings);
        changes.put("baseUrl", server.url(basePath).toString().replaceAll("/$", ""));
        clients = AiClients.builder().registry(registry).credentials(keys).gate(gate)
                .settings(Map.of(providerId, changes)).environment(Map.of()).sleeper((wait, control) -> waits.add(wait))
                .build();
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

    /** The fake key is in no file under the test folder, no log record and no text the test showed. */
    public void assertKeyNeverShown() throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertFalse(content.contains(CANARY), "the key is in " + file);
            }
        }
        synchronized (seen) {
            for (String text : seen) {
                assertFalse(text.contains(CANARY), "the key was shown: " + text);
            }
        }
    }

    @Override
    public void close() throws IOException {
        Logger.getLogger("").removeHandler(capture);
        server.close();
    }
}
