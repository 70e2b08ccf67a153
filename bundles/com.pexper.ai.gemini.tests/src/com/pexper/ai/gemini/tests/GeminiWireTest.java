package com.pexper.ai.gemini.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import com.pexper.ai.GeneratedImage;
import com.pexper.ai.ImageEdit;
import com.pexper.ai.ImageInput;
import com.pexper.ai.TokenSink;
import com.pexper.ai.gemini.GeminiProvider;
import com.pexper.ai.testing.ProviderTestBench;

import mockwebserver3.RecordedRequest;

/** Gemini's generateContent and streamGenerateContent (SSE), against a loopback server speaking them. */
class GeminiWireTest {

    @TempDir
    Path folder;
    private ProviderTestBench bench;

    @BeforeEach
    void start() throws Exception {
        bench = new ProviderTestBench(folder, "gemini", "/v1beta", Map.of(), GeminiProvider.class);
    }

    @AfterEach
    void stop() throws Exception {
        bench.assertKeyNeverShown();
        bench.close();
    }

    static String chunk(String text, String finish) {
        return "data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"" + text + "\"}],\"role\":\"model\"}"
                + (finish == null ? "" : ",\"finishReason\":\"" + finish + "\"") + ",\"index\":0}],"
                + "\"usageMetadata\":{\"promptTokenCount\":8,\"candidatesTokenCount\":4},\"modelVersion\":\"gemini-2.5-flash\"}\r\n\r\n";
    }

    @Test
    void aStreamedAnswerSendsTheDocumentedRequestAndDeliversTokensInOrder() throws Exception {
        bench.enqueueStream("text/event-stream", chunk("Two", null) + chunk(" birds", null) + chunk(".", "STOP"));
        List<String> tokens = new ArrayList<>();
        ChatResult result = bench.provider().chat(new ChatRequest("gemini-2.5-flash", "Be brief.", "Count the birds",
                List.of(new ImageInput(new byte[] { 1, 2, 3 }, "image/png")), 0.0, 64, 3L, null), tokens::add,
                CallControl.NONE);
        assertEquals(List.of("Two", " birds", "."), tokens);
        assertEquals("Two birds.", bench.shown(result.text()));
        assertEquals("STOP", result.finishReason());
        assertEquals(8, result.inputTokens());

        RecordedRequest request = bench.take();
        assertEquals("/v1beta/models/gemini-2.5-flash:streamGenerateContent", request.getUrl().encodedPath());
        assertEquals("alt=sse", request.getUrl().encodedQuery());
        assertEquals(ProviderTestBench.FAKE_KEY, request.getHeaders().get("x-goog-api-key"));
        assertFalse(request.getTarget().contains("key="), "the key never goes into the URL");
        assertEquals(ProviderTestBench.json("""
                {"systemInstruction":{"parts":[{"text":"Be brief."}]},
                 "contents":[{"role":"user","parts":[{"inline_data":{"mime_type":"image/png","data":"AQID"}},
                                                    {"text":"Count the birds"}]}],
                 "generationConfig":{"temperature":0.0,"maxOutputTokens":64,"seed":3}}"""),
                ProviderTestBench.body(request));
        bench.assertLedgerHasEveryRequest();
    }

    @Test
    void aPlainCallAsksForJsonWithTheSchemaAndAStreamWithoutAFinishIsCut() throws Exception {
        bench.enqueue(200, "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"[1,2]\"}]},\"finishReason\":\"STOP\"}]}");
        ChatResult result = bench.provider().chat(new ChatRequest("gemini-2.5-flash", null, "List", List.of(), null, null,
                null, ProviderTestBench.json("{\"type\":\"array\"}")), TokenSink.IGNORE, CallControl.NONE);
        assertEquals("[1,2]", result.text());
        RecordedRequest request = bench.take();
        assertEquals("/v1beta/models/gemini-2.5-flash:generateContent", request.getUrl().encodedPath());
        var config = ProviderTestBench.body(request).path("generationConfig");
        assertEquals("application/json", config.path("responseMimeType").asText());
        assertEquals(ProviderTestBench.json("{\"type\":\"array\"}"), config.path("responseJsonSchema"));

        bench.enqueueStream("text/event-stream", chunk("Only", null));
        AiException e = bench.shown(assertThrows(AiException.class, () -> bench.provider().chat(
                ChatRequest.of("gemini-2.5-flash", "hi"), t -> { }, CallControl.NONE)));
        assertEquals(AiException.Kind.STREAM_CUT, e.kind());
        assertEquals("Only", e.partialText());
    }

    @Test
    void anEditSendsTheImageAndPromptAsksForAnImageBackAndGivesIt() throws Exception {
        byte[] photo = { (byte) 0x89, 'P', 'N', 'G', 1 };
        byte[] made = { (byte) 0x89, 'P', 'N', 'G', 2 };
        bench.enqueue(200, "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"Here it is.\"},{\"inlineData\":"
                + "{\"mimeType\":\"image/png\",\"data\":\"" + java.util.Base64.getEncoder().encodeToString(made)
                + "\"}}]},\"finishReason\":\"STOP\"}]}");
        GeneratedImage image = bench.provider().editImage(new ImageEdit("gemini-2.5-flash-image", "make it night",
                new ImageInput(photo, "image/png"), null, null), CallControl.NONE);
        org.junit.jupiter.api.Assertions.assertArrayEquals(made, image.data());
        assertEquals("image/png", image.mediaType());
        assertEquals("Here it is.", image.revisedPrompt());
        RecordedRequest request = bench.take();
        assertEquals("/v1beta/models/gemini-2.5-flash-image:generateContent", request.getUrl().encodedPath());
        assertEquals(ProviderTestBench.json("{\"contents\":[{\"role\":\"user\",\"parts\":[{\"inline_data\":"
                + "{\"mime_type\":\"image/png\",\"data\":\"" + java.util.Base64.getEncoder().encodeToString(photo)
                + "\"}},{\"text\":\"make it night\"}]}],\"generationConfig\":{\"responseModalities\":[\"TEXT\",\"IMAGE\"]}}"),
                ProviderTestBench.body(request));

        bench.enqueue(200, "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"I cannot draw.\"}]},"
                + "\"finishReason\":\"STOP\"}]}");
        AiException none = bench.shown(assertThrows(AiException.class, () -> bench.provider().editImage(new ImageEdit(
                "gemini-2.5-flash", "make it night", new ImageInput(photo, "image/png"), null, null), CallControl.NONE)));
        assertTrue(none.getMessage().contains("without an image (it said: I cannot draw.)"), none.getMessage());
        assertTrue(none.getMessage().contains("gemini-2.5-flash-image"), "names a model that can: " + none.getMessage());

        AiException mask = assertThrows(AiException.class, () -> bench.provider().editImage(new ImageEdit(
                "gemini-2.5-flash-image", "x", new ImageInput(photo, "image/png"), new ImageInput(photo, "image/png"),
                null), CallControl.NONE));
        assertTrue(mask.getMessage().contains("takes no mask"), mask.getMessage());
        assertEquals(2, bench.server.getRequestCount(), "a mask is refused before anything is sent");
    }

    @Test
    void aBadKeyAndAnUnknownModelSayWhatToDo() throws Exception {
        bench.enqueue(400, "{\"error\":{\"code\":400,\"message\":\"API key not valid. Please pass a valid API key.\","
                + "\"status\":\"INVALID_ARGUMENT\"}}");
        AiException bad = bench.shown(assertThrows(AiException.class, () -> bench.provider().chat(
                ChatRequest.of("gemini-2.5-flash", "hi"), TokenSink.IGNORE, CallControl.NONE)));
        assertEquals(AiException.Kind.AUTHENTICATION, bad.kind(), "Gemini reports a bad key as 400");
        assertTrue(bad.getMessage().contains("./pexper keys set gemini"), bad.getMessage());

        bench.enqueue(404, "{\"error\":{\"code\":404,\"message\":\"models/gemini-9 is not found for API version v1beta\","
                + "\"status\":\"NOT_FOUND\"}}");
        AiException unknown = bench.shown(assertThrows(AiException.class, () -> bench.provider().chat(
                ChatRequest.of("gemini-9", "hi"), TokenSink.IGNORE, CallControl.NONE)));
        assertEquals(AiException.Kind.UNKNOWN_MODEL, unknown.kind());

        bench.enqueue(200, "{\"models\":[{\"name\":\"models/gemini-2.5-flash\"},{\"name\":\"models/gemini-2.5-pro\"}]}");
        assertEquals(List.of("gemini-2.5-flash", "gemini-2.5-pro"), bench.provider().listModels(CallControl.NONE));
    }
}
