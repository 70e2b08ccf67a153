package com.pexper.ai.openai.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.pexper.ai.AiException;
import com.pexper.ai.CallControl;
import com.pexper.ai.ChatRequest;
import com.pexper.ai.TokenSink;
import com.pexper.ai.openai.OpenAiProviderFactory;
import com.pexper.ai.testing.ProviderTestBench;

import mockwebserver3.MockResponse;

/**
 * A server that echoes the key back, in any form, gets it redacted from every message and partial
 * text; the bench then checks each text shown for the key, as typed and in base64 at every alignment.
 */
class KeyEchoTest {

    private static final String KEY = ProviderTestBench.FAKE_KEY;
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

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private AiException refusedWith(String echoed) throws Exception {
        bench.enqueue(401, "{\"error\":{\"message\":\"invalid credentials: " + echoed + "\"}}");
        AiException e = bench.shown(assertThrows(AiException.class, () -> bench.provider().chat(
                ChatRequest.of("gpt-4o-mini", "hi"), TokenSink.IGNORE, CallControl.NONE)));
        assertEquals(AiException.Kind.AUTHENTICATION, e.kind());
        assertTrue(e.getMessage().contains("invalid credentials: "), e.getMessage());
        return e;
    }

    @Test
    void aServerEchoingTheKeyInBase64HasItRedacted() throws Exception {
        refusedWith(base64(KEY));
        refusedWith("Bearer " + base64(KEY));
    }

    @Test
    void aServerEchoingBasicCredentialsWithTheKeyHasThemRedacted() throws Exception {
        refusedWith("Basic " + base64("user:" + KEY));
        refusedWith("Basic " + base64(":" + KEY));
        refusedWith("Basic " + base64("ab:" + KEY));
    }

    @Test
    void aServerEchoingTheKeyWithoutItsPrefixOrUrlEncodedHasItRedacted() throws Exception {
        AiException stripped = refusedWith("token " + KEY.substring("sk-".length()) + " unknown");
        assertTrue(stripped.getMessage().contains("token **** unknown"), stripped.getMessage());
        refusedWith("?api_key=" + URLEncoder.encode(KEY, StandardCharsets.UTF_8));
    }

    @Test
    void aStreamCutMidwayWhosePartialTextHeldTheKeyKeepsItRedacted() throws Exception {
        int cut = KEY.length() / 2;
        bench.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "text/event-stream")
                .body(OpenAiWireTest.sse(OpenAiWireTest.chunk("Your key is " + KEY.substring(0, cut)),
                        OpenAiWireTest.chunk(KEY.substring(cut) + " and " + base64(KEY))))
                .build());
        AiException e = bench.shown(assertThrows(AiException.class, () -> bench.provider().chat(
                ChatRequest.of("gpt-4o-mini", "hi"), t -> { }, CallControl.NONE)));
        assertEquals(AiException.Kind.STREAM_CUT, e.kind());
        assertEquals("Your key is **** and ****", e.partialText());
        assertFalse(e.getMessage().contains("LEAKCANARY"), e.getMessage());
    }
}
