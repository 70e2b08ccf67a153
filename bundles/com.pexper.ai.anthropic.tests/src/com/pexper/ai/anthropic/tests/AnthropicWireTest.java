package com.pexper.ai.anthropic.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

import com.pexper.ai.AiException;
import com.pexper.ai.CallControl;
import com.pexper.ai.ChatRequest;
import com.pexper.ai.ChatResult;
import com.pexper.ai.ImageInput;
import com.pexper.ai.TokenSink;
import com.pexper.ai.anthropic.AnthropicProvider;
import com.pexper.ai.testing.ProviderTestBench;

import mockwebserver3.RecordedRequest;

/** Anthropic's Messages API with SSE streaming, against a loopback server speaking its documented events. */
class AnthropicWireTest {

    @TempDir
    Path folder;
    private ProviderTestBench bench;

    @BeforeEach
    void start() throws Exception {
        bench = new ProviderTestBench(folder, "anthropic", "/v1", Map.of(), AnthropicProvider.class);
    }

    @AfterEach
    void stop() throws Exception {
        bench.assertKeyNeverShown();
        bench.close();
    }

    static String event(String type, String data) {
        return "event: " + type + "\r\ndata: " + data + "\r\n\r\n";
    }

    static String delta(String text) {
        return event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\","
                + "\"text\":\"" + text + "\"}}");
    }

    static final String START = event("message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":"
            + "\"message\",\"role\":\"assistant\",\"model\":\"claude-sonnet-4-5-20250929\",\"content\":[],\"usage\":"
            + "{\"input_tokens\":25,\"output_tokens\":1}}}")
            + event("content_block_start", "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}")
            + event("ping", "{\"type\": \"ping\"}");

    @Test
    void aStreamedMessageSendsTheDocumentedRequestAndDeliversTokensInOrder() throws Exception {
        bench.enqueueStream("text/event-stream", START + delta("A cat") + delta(" on a mat.")
                + event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}")
                + event("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},\"usage\":{\"output_tokens\":6}}")
                + event("message_stop", "{\"type\":\"message_stop\"}"));
        List<String> tokens = new ArrayList<>();
        ChatResult result = bench.provider().chat(new ChatRequest("claude-sonnet-4-5", "Be brief.", "What is this?",
                List.of(new ImageInput(new byte[] { 1, 2, 3 }, "image/jpeg")), 0.5, null, null, null), tokens::add,
                CallControl.NONE);
        assertEquals(List.of("A cat", " on a mat."), tokens);
        assertEquals("A cat on a mat.", bench.shown(result.text()));
        assertEquals("end_turn", result.finishReason());
        assertEquals(25, result.inputTokens());
        assertEquals(6, result.outputTokens());
        assertEquals("claude-sonnet-4-5-20250929", result.model());

        RecordedRequest request = bench.take();
        assertEquals("POST", request.getMethod());
        assertEquals("/v1/messages", request.getUrl().encodedPath());
        assertEquals(ProviderTestBench.FAKE_KEY, request.getHeaders().get("x-api-key"));
        assertEquals(AnthropicProvider.API_VERSION, request.getHeaders().get("anthropic-version"));
        assertEquals(null, request.getHeaders().get("Authorization"));
        assertEquals(ProviderTestBench.json("""
                {"model":"claude-sonnet-4-5","max_tokens":4096,"system":"Be brief.",
                 "messages":[{"role":"user","content":[
                   {"type":"image","source":{"type":"base64","media_type":"image/jpeg","data":"AQID"}},
                   {"type":"text","text":"What is this?"}]}],
                 "temperature":0.5,"stream":true}"""), ProviderTestBench.body(request));
        bench.assertLedgerHasEveryRequest();
    }

    @Test
    void anErrorEventMidStreamKeepsThePartialTextAndSaysWhatHappened() throws Exception {
        bench.enqueueStream("text/event-stream", START + delta("Half an")
                + event("error", "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}"));
        AiException e = bench.shown(assertThrows(AiException.class, () -> bench.provider().chat(
                ChatRequest.of("claude-sonnet-4-5", "hi"), t -> { }, CallControl.NONE)));
        assertEquals(AiException.Kind.SERVER, e.kind());
        assertEquals("Half an", e.partialText());
        assertTrue(e.getMessage().contains("Overloaded"), e.getMessage());
    }

    @Test
    void aSchemaGoesIntoTheInstructionsAndLowCreditIsAQuotaProblem() throws Exception {
        bench.enqueue(200, "{\"id\":\"msg_2\",\"type\":\"message\",\"model\":\"claude-sonnet-4-5\",\"content\":[{\"type\":"
                + "\"text\",\"text\":\"{\\\"n\\\":1}\"}],\"stop_reason\":\"end_turn\",\"usage\":{\"input_tokens\":9,"
                + "\"output_tokens\":5}}");
        ChatResult result = bench.provider().chat(new ChatRequest("claude-sonnet-4-5", null, "Count", List.of(), null,
                100, null, ProviderTestBench.json("{\"type\":\"object\"}")), TokenSink.IGNORE, CallControl.NONE);
        assertEquals("{\"n\":1}", result.text());
        var body = ProviderTestBench.body(bench.take());
        assertTrue(body.path("system").asText().contains("{\"type\":\"object\"}"), body.toString());
        assertEquals(100, body.path("max_tokens").asInt());

        bench.enqueue(400, "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":\"Your credit"
                + " balance is too low to access the Anthropic API.\"}}");
        AiException e = bench.shown(assertThrows(AiException.class, () -> bench.provider().chat(
                ChatRequest.of("claude-sonnet-4-5", "hi"), TokenSink.IGNORE, CallControl.NONE)));
        assertEquals(AiException.Kind.QUOTA, e.kind());

        bench.enqueue(401, "{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\",\"message\":\"invalid x-api-key\"}}");
        AiException auth = bench.shown(assertThrows(AiException.class, () -> bench.provider().chat(
                ChatRequest.of("claude-sonnet-4-5", "hi"), TokenSink.IGNORE, CallControl.NONE)));
        assertEquals(AiException.Kind.AUTHENTICATION, auth.kind());
        assertTrue(auth.getMessage().contains("./pexper keys set anthropic"), auth.getMessage());
    }
}
