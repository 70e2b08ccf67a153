package com.pexper.ai.openai.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.pexper.ai.AiException;
import com.pexper.ai.CallControl;
import com.pexper.ai.ChatRequest;
import com.pexper.ai.ChatResult;
import com.pexper.ai.GeneratedImage;
import com.pexper.ai.ImageInput;
import com.pexper.ai.TokenSink;
import com.pexper.ai.openai.OpenAiProviderFactory;
import com.pexper.ai.testing.ProviderTestBench;
import com.pexper.ai.testing.TestCallControl;

import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;

/** OpenAI's wire format, both ways, against a loopback server that answers as OpenAI documents. */
class OpenAiWireTest {

    @TempDir
    Path folder;
    private ProviderTestBench bench;

    @BeforeEach
    void start() throws Exception {
        bench = new ProviderTestBench(folder, "openai", "/v1", Map.of(), OpenAiProviderFactory.class);
    }

    @AfterEach
    void stop() throws Exception {
        bench.assertKeyNeverShown();
        bench.close();
    }

    static String sse(String... events) {
        StringBuilder body = new StringBuilder();
        for (String event : events) {
            body.append("data: ").append(event).append("\n\n");
        }
        return body.toString();
    }

    static String chunk(String text) {
        return "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"model\":\"gpt-4o-mini-2024-07-18\",\"choices\":[{\"index\":0,"
                + "\"delta\":{\"content\":\"" + text + "\"},\"finish_reason\":null}]}";
    }

    @Test
    void aStreamedChatSendsTheDocumentedRequestAndDeliversTokensInOrder() throws Exception {
        bench.enqueueStream("text/event-stream", sse(
                "{\"id\":\"c1\",\"model\":\"gpt-4o-mini-2024-07-18\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}",
                chunk("Hel"), chunk("lo"), chunk(", world"),
                "{\"id\":\"c1\",\"model\":\"gpt-4o-mini-2024-07-18\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}",
                "{\"id\":\"c1\",\"model\":\"gpt-4o-mini-2024-07-18\",\"choices\":[],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":3}}",
                "[DONE]"));
        List<String> tokens = new ArrayList<>();
        ChatResult result = bench.provider().chat(new ChatRequest("gpt-4o-mini", "Be brief.", "Say hello",
                List.of(new ImageInput(new byte[] { 1, 2, 3 }, "image/png")), 0.2, 50, 7L, null), tokens::add,
                CallControl.NONE);

        assertEquals(List.of("Hel", "lo", ", world"), tokens);
        assertEquals("Hello, world", bench.shown(result.text()));
        assertEquals("stop", result.finishReason());
        assertEquals(12, result.inputTokens());
        assertEquals(3, result.outputTokens());

        RecordedRequest request = bench.take();
        assertEquals("POST", request.getMethod());
        assertEquals("/v1/chat/completions", request.getUrl().encodedPath());
        assertEquals("Bearer " + ProviderTestBench.FAKE_KEY, request.getHeaders().get("Authorization"));
        assertTrue(request.getHeaders().get("Content-Type").startsWith("application/json"));
        JsonNode body = ProviderTestBench.body(request);
        assertEquals(ProviderTestBench.json("""
                {"model":"gpt-4o-mini","messages":[{"role":"system","content":"Be brief."},
                 {"role":"user","content":[{"type":"text","text":"Say hello"},
                  {"type":"image_url","image_url":{"url":"data:image/png;base64,AQID"}}]}],
                 "temperature":0.2,"max_completion_tokens":50,"seed":7,"stream":true,
                 "stream_options":{"include_usage":true}}"""), body);
        bench.assertLedgerHasEveryRequest();
    }

    @Test
    void aStructuredRequestAsksForTheSchemaAndAPlainCallReadsTheMessage() throws Exception {
        bench.enqueue(200, "{\"model\":\"gpt-4o-mini\",\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":"
                + "\"{\\\"name\\\":\\\"Ada\\\"}\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":4}}");
        JsonNode schema = ProviderTestBench.json("{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"}}}");
        ChatResult result = bench.provider().chat(new ChatRequest("gpt-4o-mini", null, "Who?", List.of(), null, null,
                null, schema), TokenSink.IGNORE, CallControl.NONE);
        assertEquals("{\"name\":\"Ada\"}", result.text());
        JsonNode body = ProviderTestBench.body(bench.take());
        assertEquals("json_schema", body.path("response_format").path("type").asText());
        assertEquals(schema, body.path("response_format").path("json_schema").path("schema"));
        assertTrue(body.path("stream").isMissingNode());
    }

    @Test
    void modelsEmbeddingsAndImagesUseTheirEndpoints() throws Exception {
        bench.enqueue(200, "{\"object\":\"list\",\"data\":[{\"id\":\"gpt-4o-mini\",\"object\":\"model\"},{\"id\":\"gpt-image-1\"}]}");
        assertEquals(List.of("gpt-4o-mini", "gpt-image-1"), bench.provider().listModels(CallControl.NONE));
        RecordedRequest models = bench.take();
        assertEquals("GET", models.getMethod());
        assertEquals("/v1/models", models.getUrl().encodedPath());

        bench.enqueue(200, "{\"object\":\"list\",\"data\":[{\"object\":\"embedding\",\"index\":1,\"embedding\":[0.5,-1]},"
                + "{\"object\":\"embedding\",\"index\":0,\"embedding\":[0.25,2]}],\"model\":\"text-embedding-3-small\"}");
        List<float[]> vectors = bench.provider().embed("text-embedding-3-small", List.of("a", "b"), CallControl.NONE);
        assertArrayEquals(new float[] { 0.25f, 2f }, vectors.get(0));
        assertArrayEquals(new float[] { 0.5f, -1f }, vectors.get(1));
        JsonNode embedBody = ProviderTestBench.body(bench.take());
        assertEquals(ProviderTestBench.json("{\"model\":\"text-embedding-3-small\",\"input\":[\"a\",\"b\"],"
                + "\"encoding_format\":\"float\"}"), embedBody);

        byte[] png = { (byte) 0x89, 'P', 'N', 'G' };
        bench.enqueue(200, "{\"created\":1,\"data\":[{\"b64_json\":\"" + Base64.getEncoder().encodeToString(png)
                + "\"}],\"output_format\":\"png\"}");
        GeneratedImage image = bench.provider().generateImage("gpt-image-1", "a red fox", "1024x1024", CallControl.NONE);
        assertArrayEquals(png, image.data());
        assertEquals("image/png", image.mediaType());
        RecordedRequest generation = bench.take();
        assertEquals("/v1/images/generations", generation.getUrl().encodedPath());
        assertEquals(ProviderTestBench.json("{\"model\":\"gpt-image-1\",\"prompt\":\"a red fox\",\"n\":1,"
                + "\"size\":\"1024x1024\"}"), ProviderTestBench.body(generation));
        bench.assertLedgerHasEveryRequest();
    }

    @Test
    void aRejectedKeySaysHowToSetOneAndNeverRepeatsTheKey() throws Exception {
        // OpenAI quotes part of a wrong key back; that must not reach the user either.
        bench.enqueue(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + ProviderTestBench.FAKE_KEY
                + ". You can find your API key at the dashboard.\",\"type\":\"invalid_request_error\","
                + "\"code\":\"invalid_api_key\"}}");
        AiException e = bench.shown(assertThrows(AiException.class, () -> bench.provider().chat(
                ChatRequest.of("gpt-4o-mini", "hi"), TokenSink.IGNORE, CallControl.NONE)));
        assertEquals(AiException.Kind.AUTHENTICATION, e.kind());
        assertTrue(e.getMessage().contains("./pexper keys set openai"), e.getMessage());
        assertTrue(e.getMessage().contains("Incorrect API key provided: ****"), e.getMessage());
    }

    @Test
    void unknownModelsQuotaAndBadRequestsEachSayWhatToDo() throws Exception {
        bench.enqueue(404, "{\"error\":{\"message\":\"The model `gpt-9` does not exist or you do not have access to it.\","
                + "\"code\":\"model_not_found\"}}");
        AiException unknown = bench.shown(assertThrows(AiException.class, () -> bench.provider().chat(
                ChatRequest.of("gpt-9", "hi"), TokenSink.IGNORE, CallControl.NONE)));
        assertEquals(AiException.Kind.UNKNOWN_MODEL, unknown.kind());
        assertTrue(unknown.getMessage().contains("./pexper providers models openai"), unknown.getMessage());

        bench.enqueue(429, "{\"error\":{\"message\":\"You exceeded your current quota, please check your plan and billing"
                + " details.\",\"type\":\"insufficient_quota\",\"code\":\"insufficient_quota\"}}");
        AiException quota = bench.shown(assertThrows(AiException.class, () -> bench.provider().chat(
                ChatRequest.of("gpt-4o-mini", "hi"), TokenSink.IGNORE, CallControl.NONE)));
        assertEquals(AiException.Kind.QUOTA, quota.kind());
        assertTrue(quota.getMessage().contains("billing"), quota.getMessage());
        assertEquals(List.of(), bench.waits, "an exhausted quota is not retried");

        bench.enqueue(400, "{\"error\":{\"message\":\"Invalid value for 'size'.\"}}");
        AiException bad = bench.shown(assertThrows(AiException.class, () -> bench.provider().generateImage(
                "gpt-image-1", "x", "7x7", CallControl.NONE)));
        assertEquals(AiException.Kind.BAD_REQUEST, bad.kind());
        assertTrue(bad.getMessage().contains("Invalid value for 'size'"), bad.getMessage());
    }

    @Test
    void rateLimitsAndServerErrorsAreRetriedWithBackoffHonouringRetryAfter() throws Exception {
        bench.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "2")
                .body("{\"error\":{\"message\":\"Rate limit reached\"}}").build());
        bench.enqueue(new MockResponse.Builder().code(503).body("overloaded").build());
        bench.enqueue(200, "{\"choices\":[{\"message\":{\"content\":\"ok\"},\"finish_reason\":\"stop\"}]}");
        assertEquals("ok", bench.provider().chat(ChatRequest.of("gpt-4o-mini", "hi"), TokenSink.IGNORE,
                CallControl.NONE).text());
        assertEquals(3, bench.server.getRequestCount());
        assertEquals(Duration.ofSeconds(2), bench.waits.get(0), "Retry-After is honoured");
        Duration second = bench.waits.get(1);
        assertTrue(second.toMillis() >= 500 && second.toMillis() <= 1000, "second attempt: 1 s step with jitter: "
                + second);

        bench.waits.clear();
        for (int i = 0; i < 4; i++) {
            bench.enqueue(500, "{\"error\":{\"message\":\"The server had an error\"}}");
        }
        AiException e = bench.shown(assertThrows(AiException.class, () -> bench.provider().chat(
                ChatRequest.of("gpt-4o-mini", "hi"), TokenSink.IGNORE, CallControl.NONE)));
        assertEquals(AiException.Kind.SERVER, e.kind());
        assertTrue(e.getMessage().contains("after 3 retries"), e.getMessage());
        assertEquals(3, bench.waits.size(), "three retries, then the error");
        for (int i = 0; i < 3; i++) {
            long ceiling = 500L << i;
            long wait = bench.waits.get(i).toMillis();
            assertTrue(wait >= ceiling / 2 && wait <= ceiling, "retry " + i + " waited " + wait + " ms");
        }
        bench.assertLedgerHasEveryRequest();
    }

    @Test
    void aStreamCutMidwayKeepsThePartialText() throws Exception {
        bench.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "text/event-stream")
                .body(sse(chunk("The first"), chunk(" half"))).build());
        List<String> tokens = new ArrayList<>();
        AiException e = bench.shown(assertThrows(AiException.class, () -> bench.provider().chat(
                ChatRequest.of("gpt-4o-mini", "hi"), tokens::add, CallControl.NONE)));
        assertEquals(AiException.Kind.STREAM_CUT, e.kind());
        assertEquals("The first half", e.partialText());
        assertEquals(List.of("The first", " half"), tokens);
        assertTrue(e.getMessage().contains("partial text is kept"), e.getMessage());

        bench.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "text/event-stream")
                .body(sse(chunk("Cut"), chunk(" here"), chunk(" never seen")))
                .onResponseBody(new SocketEffect.CloseSocket(true, false, false)).build());
        AiException cut = bench.shown(assertThrows(AiException.class, () -> bench.provider().chat(
                ChatRequest.of("gpt-4o-mini", "hi"), t -> { }, CallControl.NONE)));
        assertEquals(AiException.Kind.STREAM_CUT, cut.kind());
        assertNotNull(cut.partialText());
    }

    @Test
    void cancellingAbortsAStalledCallWithin200Milliseconds() throws Exception {
        bench.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "text/event-stream")
                .body(sse(chunk("slow"))).onResponseBody(SocketEffect.Stall.INSTANCE).build());
        TestCallControl control = new TestCallControl();
        CompletableFuture<AiException> failure = CompletableFuture.supplyAsync(() -> {
            try {
                bench.provider().chat(ChatRequest.of("gpt-4o-mini", "hi"), t -> { }, control);
                return null;
            } catch (AiException e) {
                return e;
            }
        });
        bench.take();
        Thread.sleep(200);
        long cancelledAt = System.nanoTime();
        control.cancel();
        AiException e = failure.get(5, TimeUnit.SECONDS);
        long millis = (System.nanoTime() - cancelledAt) / 1_000_000;
        assertNotNull(e, "the call returned although it was stalled");
        assertEquals(AiException.Kind.CANCELLED, e.kind());
        assertTrue(millis <= 200, "cancel took " + millis + " ms");
    }
}
