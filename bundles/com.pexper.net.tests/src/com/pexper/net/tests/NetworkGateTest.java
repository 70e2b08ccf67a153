package com.pexper.net.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.pexper.net.LedgerEntry;
import com.pexper.net.NetworkGate;
import com.pexper.net.NetworkRefusedException;
import com.pexper.net.PrivacyLedger;
import com.pexper.net.SystemProxies;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

class NetworkGateTest {

    @TempDir
    Path folder;

    private MockWebServer server;
    private PrivacyLedger ledger;
    private final AtomicBoolean localOnly = new AtomicBoolean();
    private NetworkGate gate;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        ledger = new PrivacyLedger(folder.resolve("ledger"));
        gate = NetworkGate.builder().ledger(ledger).localOnly(localOnly::get)
                .proxies(SystemProxies.fromEnvironment(Map.of())).build();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static Request post(HttpUrl url, String json) {
        return new Request.Builder().url(url).post(RequestBody.create(json, MediaType.get("application/json"))).build();
    }

    @Test
    void aLoopbackRequestGoesOutAndTheLedgerKeepsItsShapeButNotItsContent() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).body("{\"answer\":\"forty-two\"}").build());
        OkHttpClient client = gate.clientFor("ollama", server.url("/"));
        HttpUrl url = server.url("/api/chat?key=sk-SECRET-123");
        String prompt = "{\"prompt\":\"the secret plan\"}";
        try (Response response = client.newCall(post(url, prompt)).execute()) {
            assertEquals("{\"answer\":\"forty-two\"}", response.body().string());
        }
        assertEquals(1, server.getRequestCount());
        List<LedgerEntry> entries = ledger.read(Instant.EPOCH);
        assertEquals(1, entries.size());
        LedgerEntry entry = entries.get(0);
        assertEquals(List.of("ollama", server.getHostName(), server.getPort(), "POST", "/api/chat", 200, "ok"),
                List.of(entry.provider(), entry.host(), entry.port(), entry.method(), entry.path(), entry.status(),
                        entry.outcome()));
        assertEquals(prompt.length(), entry.bytesOut());
        assertEquals("{\"answer\":\"forty-two\"}".length(), entry.bytesIn());
        String written = Files.readString(folder.resolve("ledger/ledger.jsonl"));
        for (String secret : List.of("sk-SECRET-123", "key=", "secret plan", "forty-two")) {
            assertFalse(written.contains(secret), "the ledger holds no content or query: " + secret);
        }
    }

    @Test
    void aRequestToAnotherOriginIsRefusedBeforeAnythingIsSent() throws Exception {
        OkHttpClient client = gate.clientFor("ollama", server.url("/"));
        // the same server under another name: another origin
        String otherName = server.getHostName().equals("localhost") ? "127.0.0.1" : "localhost";
        HttpUrl elsewhere = server.url("/").newBuilder().host(otherName).build();
        var refused = assertThrows(NetworkRefusedException.class,
                () -> client.newCall(new Request.Builder().url(elsewhere).build()).execute());
        assertTrue(refused.getMessage().contains("ollama may only reach http://" + server.getHostName()), refused.getMessage());
        assertEquals(0, server.getRequestCount());
        assertTrue(ledger.read(Instant.EPOCH).get(0).outcome().startsWith("refused: "));
    }

    @Test
    void plainHttpIsOnlyForLoopback() {
        var configured = assertThrows(IllegalArgumentException.class,
                () -> gate.clientFor("openai-compatible", HttpUrl.get("http://models.example.com:8080/v1/")));
        assertTrue(configured.getMessage().contains("must use https://"), configured.getMessage());
        OkHttpClient client = gate.clientFor("openai", HttpUrl.get("https://api.example.com/"));
        var refused = assertThrows(NetworkRefusedException.class,
                () -> client.newCall(new Request.Builder().url("http://api.example.com:443/v1/models").build()).execute());
        assertTrue(refused.getMessage().contains("may only reach https://api.example.com:443"), refused.getMessage());
    }

    @Test
    void localOnlyModeRefusesEveryRemoteHostAtOnceButNotLoopback() throws Exception {
        OkHttpClient remote = gate.clientFor("anthropic", HttpUrl.get("https://api.example.com/"));
        localOnly.set(true);
        var refused = assertThrows(NetworkRefusedException.class,
                () -> remote.newCall(new Request.Builder().url("https://api.example.com/v1/messages").build()).execute());
        assertTrue(refused.getMessage().startsWith("local-only mode is on"), refused.getMessage());
        server.enqueue(new MockResponse.Builder().code(200).body("ok").build());
        try (Response response = gate.clientFor("ollama", server.url("/")).newCall(
                new Request.Builder().url(server.url("/api/tags")).build()).execute()) {
            assertEquals(200, response.code());
        }
        List<LedgerEntry> entries = ledger.read(Instant.EPOCH);
        assertEquals(List.of("refused", "ok"), entries.stream().map(e -> e.outcome().split(":")[0]).toList());
    }

    @Test
    void aRedirectIsNotFollowedAnywhere() throws Exception {
        try (MockWebServer other = new MockWebServer()) {
            other.start();
            server.enqueue(new MockResponse.Builder().code(302).setHeader("Location", other.url("/steal")).build());
            try (Response response = gate.clientFor("ollama", server.url("/")).newCall(
                    new Request.Builder().url(server.url("/api/chat")).build()).execute()) {
                assertEquals(302, response.code());
            }
            assertEquals(0, other.getRequestCount());
        }
    }

    @Test
    void loopbackIsDecidedWithoutLookingNamesUp() {
        for (String host : List.of("localhost", "127.0.0.1", "127.1.2.3", "[::1]", "::1", "app.localhost")) {
            assertTrue(NetworkGate.isLoopback(host), host);
        }
        for (String host : List.of("example.com", "10.0.0.1", "192.168.1.2", "localhost.example.com", "1270.0.0.1",
                "cafe", "dead.beef", "::ffff:10.0.0.1", "127.0.0.999")) {
            assertFalse(NetworkGate.isLoopback(host), host);
        }
    }

    @Test
    void theEnvironmentsProxySettingsAreHonouredExceptForLoopbackAndNoProxyHosts() {
        SystemProxies proxies = SystemProxies.fromEnvironment(
                Map.of("HTTPS_PROXY", "http://proxy.corp.example:3128", "no_proxy", "internal.example,.lan"));
        assertEquals(List.of(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved("proxy.corp.example", 3128))),
                proxies.select(URI.create("https://api.example.com/v1")));
        for (String direct : List.of("https://127.0.0.1:11434/", "https://internal.example/", "https://box.lan/")) {
            assertEquals(List.of(Proxy.NO_PROXY), proxies.select(URI.create(direct)), direct);
        }
        assertEquals(List.of(Proxy.NO_PROXY), SystemProxies.fromEnvironment(Map.of()).select(URI.create("https://api.example.com")));
        OkHttpClient client = NetworkGate.builder().ledger(ledger).proxies(proxies).build()
                .clientFor("openai", HttpUrl.get("https://api.example.com/"));
        assertEquals(proxies, client.proxySelector());
    }

    @Test
    void theLedgerRotatesAndReadsAcrossItsFilesInOrder() throws Exception {
        PrivacyLedger small = new PrivacyLedger(folder.resolve("small"), 1000, 2);
        Instant start = Instant.parse("2026-11-01T00:00:00Z");
        for (int i = 0; i < 60; i++) {
            small.record(new LedgerEntry(start.plusSeconds(i), "p", "h", 443, "GET", "/" + i, 200, "ok", 0, i, 1));
        }
        try (Stream<Path> files = Files.list(folder.resolve("small"))) {
            assertEquals(3, files.count(), "the current file and two rotated ones");
        }
        List<LedgerEntry> kept = small.read(Instant.EPOCH);
        assertTrue(kept.size() > 10 && kept.size() < 60, kept.size() + " entries kept");
        assertEquals("/59", kept.get(kept.size() - 1).path());
        for (int i = 1; i < kept.size(); i++) {
            assertTrue(kept.get(i).time().isAfter(kept.get(i - 1).time()), "oldest first");
        }
        assertEquals(List.of("/58", "/59"), small.read(start.plusSeconds(58)).stream().map(LedgerEntry::path).toList());
        Files.writeString(folder.resolve("small/ledger.jsonl"), "{\"time\":\"2026-11-0", java.nio.file.StandardOpenOption.APPEND);
        assertEquals(kept.size(), small.read(Instant.EPOCH).size(), "a line cut by a crash is skipped");
    }
}
