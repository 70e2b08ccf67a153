package com.pexper.ai.openai.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.pexper.ai.AiClients;
import com.pexper.ai.AiException;
import com.pexper.ai.CallControl;
import com.pexper.ai.ChatRequest;
import com.pexper.ai.Secret;
import com.pexper.ai.TokenSink;
import com.pexper.ai.openai.OpenAiProviderFactory;
import com.pexper.ai.testing.ProviderTestBench;

import mockwebserver3.MockWebServer;

/**
 * A stored key is bound to the origin it was stored for: when PEXPER_HOME/settings/providers.json
 * (or anything else) points the provider at another origin, the key is not sent there until the
 * user says so, and the ledger records the refusal.
 */
class KeyBindingTest {

    private static final String OK = "{\"choices\":[{\"message\":{\"content\":\"ok\"},\"finish_reason\":\"stop\"}]}";

    @TempDir
    Path folder;
    private ProviderTestBench bench;
    /** Another origin: the address a hostile workflow would write into providers.json. */
    private final MockWebServer elsewhere = new MockWebServer();
    private String elsewhereOrigin;
    private String storedOrigin;

    @BeforeEach
    void start() throws Exception {
        bench = new ProviderTestBench(folder, "openai", "/v1", Map.of(), OpenAiProviderFactory.class);
        elsewhere.start();
        elsewhereOrigin = "http://" + elsewhere.getHostName() + ":" + elsewhere.getPort();
        storedOrigin = "http://" + bench.server.getHostName() + ":" + bench.server.getPort();
    }

    @AfterEach
    void stop() throws Exception {
        bench.assertKeyNeverShown();
        bench.close();
        elsewhere.close();
    }

    private AiClients rewritten() {
        return bench.clientsWith(Map.of("baseUrl", elsewhereOrigin + "/v1"));
    }

    private static String ask(AiClients clients) throws AiException {
        return clients.provider("openai", null).chat(ChatRequest.of("gpt-4o-mini", "hi"), TokenSink.IGNORE,
                CallControl.NONE).text();
    }

    @Test
    void theKeyReachesTheOriginItWasStoredFor() throws Exception {
        bench.enqueue(200, OK);
        assertEquals("ok", ask(bench.clients()));
        assertEquals("Bearer " + ProviderTestBench.FAKE_KEY, bench.take().getHeaders().get("Authorization"));
        assertEquals(List.of(storedOrigin), bench.keys().describe("openai").orElseThrow().origins());
    }

    @Test
    void afterProvidersJsonPointsElsewhereNoRequestCarriesTheKeyAndTheLedgerSaysWhy() throws Exception {
        AiException refused = bench.shown(assertThrows(AiException.class, () -> ask(rewritten())));
        assertEquals(AiException.Kind.REFUSED, refused.kind());
        assertEquals(0, elsewhere.getRequestCount(), "nothing reached the new origin");
        assertEquals(0, bench.server.getRequestCount());
        String message = refused.getMessage();
        for (String part : List.of("OpenAI", "'openai'", storedOrigin, elsewhereOrigin,
                "./pexper keys allow openai " + elsewhereOrigin, "./pexper keys set openai --provider openai < key.txt")) {
            assertTrue(message.contains(part), "the message names " + part + ": " + message);
        }
        List<JsonNode> ledger = bench.ledger();
        assertEquals(1, ledger.size(), ledger.toString());
        JsonNode entry = ledger.get(0);
        assertEquals("openai", entry.path("provider").asText());
        assertEquals(elsewhere.getPort(), entry.path("port").asInt());
        assertEquals("/v1/chat/completions", entry.path("path").asText());
        assertTrue(entry.path("outcome").asText().startsWith("refused: ") && entry.path("outcome").asText()
                .contains("keys allow openai " + elsewhereOrigin), entry.toString());
    }

    @Test
    void keysAllowLetsTheKeyGoToTheNewOrigin() throws Exception {
        assertTrue(bench.keys().allow("openai", elsewhereOrigin));
        elsewhere.enqueue(new mockwebserver3.MockResponse.Builder().code(200).setHeader("Content-Type",
                "application/json").body(OK).build());
        assertEquals("ok", ask(rewritten()));
        assertEquals("Bearer " + ProviderTestBench.FAKE_KEY, elsewhere.takeRequest().getHeaders().get("Authorization"));
        bench.enqueue(200, OK);
        assertEquals("ok", ask(bench.clients()), "the origin it was stored for still works");
    }

    @Test
    void theClientsSayWhichKeyAnAddressChangeKeepsBackUntilAllowKeyLetsItGo() throws Exception {
        assertEquals(Optional.empty(), bench.clients().originChange("openai", null), "the address it was stored for");
        AiClients clients = rewritten();
        assertEquals(Optional.of(new AiClients.OriginChange("openai", "openai", List.of(storedOrigin), elsewhereOrigin)),
                clients.originChange("openai", ""));
        assertEquals(Optional.empty(), clients.originChange("openai", "not-stored"), "no such key: the node says so");
        assertEquals(Optional.empty(), clients.originChange("no-such-provider", null));

        assertEquals(List.of(storedOrigin, elsewhereOrigin), clients.allowKey("openai", elsewhereOrigin + "/v1"));
        assertEquals(Optional.empty(), clients.originChange("openai", null));
        assertEquals(List.of(), clients.allowKey("not-stored", elsewhereOrigin));
    }

    @Test
    void storingTheKeyAgainRebindsItToTheNewOriginOnly() throws Exception {
        bench.keys().put("openai", "openai", Secret.of(ProviderTestBench.FAKE_KEY), elsewhereOrigin + "/v1");
        elsewhere.enqueue(new mockwebserver3.MockResponse.Builder().code(200).setHeader("Content-Type",
                "application/json").body(OK).build());
        assertEquals("ok", ask(rewritten()));
        assertEquals(1, elsewhere.getRequestCount());
        AiException old = bench.shown(assertThrows(AiException.class, () -> ask(bench.clients())));
        assertEquals(AiException.Kind.REFUSED, old.kind());
        assertEquals(0, bench.server.getRequestCount(), "the old origin no longer gets the key");
    }

    @Test
    void aKeyStoredWithoutAnAddressGoesOnlyToTheProvidersBuiltInAddress() throws Exception {
        // as keys stored before bindings existed: the configured (loopback) address may already be rewritten
        bench.keys().put("openai", "openai", Secret.of(ProviderTestBench.FAKE_KEY), null);
        AiException refused = bench.shown(assertThrows(AiException.class, () -> ask(bench.clients())));
        assertEquals(0, bench.server.getRequestCount());
        assertTrue(refused.getMessage().contains("stored without an address"), refused.getMessage());
        assertTrue(refused.getMessage().contains("https://api.openai.com:443"), refused.getMessage());
        assertTrue(refused.getMessage().contains("./pexper keys allow openai " + storedOrigin), refused.getMessage());
    }
}
