package com.pexper.ai.openai.compatible.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import com.pexper.ai.ProviderRegistry;
import com.pexper.ai.keys.InMemoryCredentialStore;
import com.pexper.ai.openai.OpenAiProviderFactory;
import com.pexper.ai.openai.compatible.CompatibleProviderFactory;
import com.pexper.ai.testing.ProviderTestBench;
import com.pexper.net.NetworkGate;
import com.pexper.net.PrivacyLedger;

import mockwebserver3.RecordedRequest;

/** LM Studio, llama.cpp's server and vLLM: OpenAI's format at a base URL the user sets. */
class CompatibleWireTest {

    @TempDir
    Path folder;
    private ProviderTestBench bench;

    @BeforeEach
    void start() throws Exception {
        bench = new ProviderTestBench(folder, "openai-compatible", "/v1", Map.of("defaultModel", "qwen2.5-7b-instruct"),
                CompatibleProviderFactory.class, OpenAiProviderFactory.class);
    }

    @AfterEach
    void stop() throws Exception {
        bench.assertKeyNeverShown();
        bench.close();
    }

    @Test
    void itSpeaksTheCommonSubsetAtTheConfiguredBaseUrl() throws Exception {
        // llama.cpp's server ends with a finish_reason and may close without [DONE]
        bench.enqueueStream("text/event-stream",
                "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Bonjour\"}}],\"model\":\"qwen\"}\n\n"
                        + "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],\"model\":\"qwen\"}\n\n");
        List<String> tokens = new ArrayList<>();
        ChatResult result = bench.provider().chat(new ChatRequest("qwen2.5-7b-instruct", null, "Say hello in French",
                List.of(), 0.7, 30, null, null), tokens::add, CallControl.NONE);
        assertEquals("Bonjour", result.text());
        assertEquals(List.of("Bonjour"), tokens);
        RecordedRequest request = bench.take();
        assertEquals("/v1/chat/completions", request.getUrl().encodedPath());
        assertEquals(ProviderTestBench.json("""
                {"model":"qwen2.5-7b-instruct","messages":[{"role":"user","content":"Say hello in French"}],
                 "temperature":0.7,"max_tokens":30,"stream":true}"""), ProviderTestBench.body(request));
        assertEquals("http://127.0.0.1:" + bench.server.getPort() + "/v1",
                bench.clients().settings(bench.clients().registry().find("openai-compatible").orElseThrow()).baseUrl()
                        .replace("localhost", "127.0.0.1"));
        bench.assertLedgerHasEveryRequest();
    }

    @Test
    void noKeyIsNeededAndNoneIsSent() throws Exception {
        AiClients clients = AiClients.builder()
                .registry(ProviderRegistry.ofBundlesContaining(CompatibleProviderFactory.class))
                .credentials(new InMemoryCredentialStore())
                .gate(NetworkGate.builder().ledger(new PrivacyLedger(folder.resolve("ledger2"))).build())
                .settings(Map.of("openai-compatible", Map.of("baseUrl", bench.server.url("/v1").toString()))).build();
        bench.enqueue(200, "{\"data\":[{\"id\":\"qwen2.5-7b-instruct\"}]}");
        assertEquals(List.of("qwen2.5-7b-instruct"), clients.provider("openai-compatible", null).listModels(CallControl.NONE));
        assertNull(bench.take().getHeaders().get("Authorization"));
    }

    @Test
    void aPlainHttpBaseUrlOnAnotherMachineIsRefusedBeforeAnythingIsSent() throws Exception {
        AiClients clients = AiClients.builder()
                .registry(ProviderRegistry.ofBundlesContaining(CompatibleProviderFactory.class))
                .credentials(new InMemoryCredentialStore())
                .gate(NetworkGate.builder().ledger(new PrivacyLedger(folder.resolve("ledger3"))).build())
                .settings(Map.of("openai-compatible", Map.of("baseUrl", "http://192.168.1.20:8000/v1"))).build();
        AiException e = assertThrows(AiException.class, () -> clients.provider("openai-compatible", null));
        assertEquals(AiException.Kind.REFUSED, e.kind());
        assertTrue(e.getMessage().contains("https://"), e.getMessage());
        assertEquals(0, bench.server.getRequestCount());
    }
}
