package com.pexper.ai.ollama.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.pexper.ai.AiClients;
import com.pexper.ai.AiException;
import com.pexper.ai.CallControl;
import com.pexper.ai.ChatRequest;
import com.pexper.ai.ChatResult;
import com.pexper.ai.ImageInput;
import com.pexper.ai.ProviderRegistry;
import com.pexper.ai.keys.InMemoryCredentialStore;
import com.pexper.ai.ollama.OllamaProvider;
import com.pexper.ai.testing.ProviderTestBench;
import com.pexper.net.NetworkGate;
import com.pexper.net.PrivacyLedger;

import mockwebserver3.RecordedRequest;

/** Ollama's native API (NDJSON streaming), against a loopback server speaking it; and Ollama not running. */
class OllamaWireTest {

    @TempDir
    Path folder;
    private ProviderTestBench bench;

    @BeforeEach
    void start() throws Exception {
        bench = new ProviderTestBench(folder, "ollama", "/", Map.of(), OllamaProvider.class);
    }

    @AfterEach
    void stop() throws Exception {
        bench.assertKeyNeverShown();
        bench.close();
    }

    static String line(String text, boolean done) {
        return "{\"model\":\"llama3.2\",\"created_at\":\"2026-11-23T00:00:00Z\",\"message\":{\"role\":\"assistant\","
                + "\"content\":\"" + text + "\"},\"done\":" + done
                + (done ? ",\"done_reason\":\"stop\",\"prompt_eval_count\":11,\"eval_count\":3}" : "}") + "\n";
    }

    @Test
    void aStreamedChatSendsTheDocumentedRequestAndDeliversTokensInOrder() throws Exception {
        bench.enqueueStream("application/x-ndjson", line("Sky", false) + line(" is", false) + line(" blue", false)
                + line("", true));
        List<String> tokens = new ArrayList<>();
        ChatResult result = bench.provider().chat(new ChatRequest("llama3.2", "Be brief.", "Colour of the sky?",
                List.of(new ImageInput(new byte[] { 1, 2, 3 }, "image/png")), 0.1, 20, 42L, null), tokens::add,
                CallControl.NONE);
        assertEquals(List.of("Sky", " is", " blue"), tokens);
        assertEquals("Sky is blue", bench.shown(result.text()));
        assertEquals("stop", result.finishReason());
        assertEquals(3, result.outputTokens());

        RecordedRequest request = bench.take();
        assertEquals("/api/chat", request.getUrl().encodedPath());
        assertEquals("Bearer " + ProviderTestBench.FAKE_KEY, request.getHeaders().get("Authorization"),
                "a stored ollama key is sent for a proxy in front of it");
        assertEquals(ProviderTestBench.json("""
                {"model":"llama3.2","stream":true,"messages":[{"role":"system","content":"Be brief."},
                 {"role":"user","content":"Colour of the sky?","images":["AQID"]}],
                 "options":{"temperature":0.1,"num_predict":20,"seed":42}}"""), ProviderTestBench.body(request));
        bench.assertLedgerHasEveryRequest();
    }

    @Test
    void modelsEmbeddingsAndAMissingModel() throws Exception {
        bench.enqueue(200, "{\"models\":[{\"name\":\"llama3.2:latest\",\"size\":2019393189},{\"name\":\"nomic-embed-text:latest\"}]}");
        assertEquals(List.of("llama3.2:latest", "nomic-embed-text:latest"), bench.provider().listModels(CallControl.NONE));
        assertEquals("/api/tags", bench.take().getUrl().encodedPath());

        bench.enqueue(200, "{\"model\":\"nomic-embed-text\",\"embeddings\":[[0.1,0.2],[0.3,0.4]]}");
        List<float[]> vectors = bench.provider().embed("nomic-embed-text", List.of("a", "b"), CallControl.NONE);
        assertArrayEquals(new float[] { 0.3f, 0.4f }, vectors.get(1));
        RecordedRequest embed = bench.take();
        assertEquals("/api/embed", embed.getUrl().encodedPath());
        assertEquals(ProviderTestBench.json("{\"model\":\"nomic-embed-text\",\"input\":[\"a\",\"b\"]}"),
                ProviderTestBench.body(embed));

        bench.enqueue(404, "{\"error\":\"model \\\"llama9\\\" not found, try pulling it first\"}");
        AiException e = bench.shown(assertThrows(AiException.class, () -> bench.provider().chat(
                ChatRequest.of("llama9", "hi"), t -> { }, CallControl.NONE)));
        assertEquals(AiException.Kind.UNKNOWN_MODEL, e.kind());
        assertTrue(e.getMessage().contains("try pulling it first"), e.getMessage());
    }

    @Test
    void whenOllamaIsNotRunningTheMessageSaysWhereAndHowToStartIt() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort(); // closed again: nothing listens there
        }
        AiClients clients = AiClients.builder().registry(ProviderRegistry.ofBundlesContaining(OllamaProvider.class))
                .credentials(new InMemoryCredentialStore())
                .gate(NetworkGate.builder().ledger(new PrivacyLedger(folder.resolve("ledger2"))).build())
                .settings(Map.of("ollama", Map.of("baseUrl", "http://127.0.0.1:" + port))).build();
        AiException e = assertThrows(AiException.class, () -> clients.provider("ollama", null).chat(
                ChatRequest.of("llama3.2", "hi"), t -> { }, CallControl.NONE));
        assertEquals(AiException.Kind.UNREACHABLE, e.kind());
        assertTrue(e.getMessage().contains("is Ollama running on 127.0.0.1:" + port + "?"), e.getMessage());
        assertTrue(e.getMessage().contains("ollama serve"), e.getMessage());
        assertNull(e.partialText());
    }

    @Test
    void aServerThatDoesNotAnswerInTimeFailsWithTheSettingToRaise() throws Exception {
        try (ProviderTestBench slow = new ProviderTestBench(folder.resolve("slow"), "ollama", "/",
                Map.of("readTimeoutSeconds", "0.3"), OllamaProvider.class)) {
            slow.enqueue(new mockwebserver3.MockResponse.Builder().code(200).body("{}")
                    .headersDelay(3, java.util.concurrent.TimeUnit.SECONDS).build());
            AiException e = assertThrows(AiException.class, () -> slow.provider().chat(ChatRequest.of("llama3.2", "hi"),
                    t -> { }, CallControl.NONE));
            assertEquals(AiException.Kind.TIMEOUT, e.kind());
            assertTrue(e.getMessage().contains("raise readTimeoutSeconds for ollama"), e.getMessage());
        }
    }
}
