package com.pexper.ai.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.pexper.ai.Secret;
import com.pexper.ai.keys.KeyRedactor;
import com.pexper.core.engine.Redactor;

/** Every form a known key can take in a text is taken out, and nothing else is. */
class SecretFormsTest {

    private static final String KEY = "sk-proj-Zq8LEAKx3vN0pR7tW2yB5cD9fG1hJ4kM";
    private static final String BODY = KEY.substring("sk-proj-".length());
    /** A part of the key that no redacted text may still hold. */
    private static final String CANARY = "LEAKx3vN0pR7";
    private final Secret secret = Secret.of(KEY);

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private void assertRedacted(String text) {
        String redacted = secret.redact(text);
        assertFalse(redacted.contains(CANARY), redacted);
        assertTrue(redacted.contains("****"), redacted);
        assertFalse(redacted.contains(base64(CANARY).substring(0, 12)), redacted);
    }

    @Test
    void theKeyAsTypedWithoutItsPrefixAndUrlEncodedIsRedacted() {
        assertEquals("Incorrect API key provided: ****.", secret.redact("Incorrect API key provided: " + KEY + "."));
        assertEquals("token=****&x=1", secret.redact("token=" + BODY + "&x=1"));
        Secret withSymbols = Secret.of("abc+def/ghi=jklMNOPqrs");
        String encoded = URLEncoder.encode("abc+def/ghi=jklMNOPqrs", StandardCharsets.UTF_8);
        assertEquals("?key=****", withSymbols.redact("?key=" + encoded));
        assertEquals("?key=****", withSymbols.redact("?key=" + encoded.replace("%2B", "%2b").replace("%2F", "%2f")));
    }

    @Test
    void aKeyEchoedInBase64IsRedactedAloneAfterBearerAndInsideBasicCredentials() {
        assertRedacted("{\"error\": \"bad token " + base64(KEY) + "\"}");
        assertRedacted("received Authorization: Bearer " + base64(KEY));
        assertRedacted("received Authorization: Basic " + base64("user:" + KEY));
        assertRedacted("received Authorization: Basic " + base64(":" + KEY));
        assertRedacted("received " + base64("ab:" + KEY + ":tail"));
        assertRedacted("url-safe " + Base64.getUrlEncoder().encodeToString(("x" + KEY).getBytes(StandardCharsets.UTF_8)));
        assertRedacted("without the prefix " + base64(BODY));
        assertEquals("Basic ****, next", secret.redact("Basic " + base64("user:" + KEY) + ", next"),
                "the whole base64 run goes, and nothing beyond it");
    }

    @Test
    void ordinaryTextAndOtherBase64AreLeftAsTheyAre() {
        String text = "Bonjour! sk-other-key is not ours; " + base64("user:password") + " neither.";
        assertEquals(text, secret.redact(text));
        Secret shortKey = Secret.of("abc123");
        assertEquals("a YWJjMTIz b ****", shortKey.redact("a YWJjMTIz b abc123"),
                "a short key is redacted as typed only: its base64 would match ordinary words");
    }

    /** A stream may cut the key anywhere; no split point lets a part of it through. */
    @ParameterizedTest
    @ValueSource(strings = { "plain", "body", "base64", "basic" })
    void aKeySplitAcrossStreamedPiecesNeverComesOut(String form) {
        String carried = switch (form) {
            case "plain" -> KEY;
            case "body" -> BODY;
            case "base64" -> "Bearer " + base64(KEY);
            default -> "Basic " + base64("me:" + KEY);
        };
        String text = "The server said: " + carried + " and then stopped.";
        KeyRedactor redactor = new KeyRedactor();
        redactor.add(secret);
        for (int first = 1; first < text.length(); first++) {
            for (int second = first; second < text.length(); second += 7) {
                Redactor.Stream stream = new Redactor.Stream(redactor);
                String shown = stream.push(text.substring(0, first)) + stream.push(text.substring(first, second))
                        + stream.push(text.substring(second)) + stream.flush();
                assertFalse(shown.contains(CANARY), first + "/" + second + ": " + shown);
                assertFalse(shown.contains(base64(CANARY).substring(0, 12)), first + "/" + second + ": " + shown);
                assertTrue(shown.startsWith("The server said: ") && shown.endsWith(" and then stopped."), shown);
            }
        }
    }

    @Test
    void streamedTextWithoutKeysIsPassedOnAtOnce() {
        KeyRedactor redactor = new KeyRedactor();
        redactor.add(secret);
        Redactor.Stream stream = new Redactor.Stream(redactor);
        assertEquals("Hello, ", stream.push("Hello, "));
        assertEquals("world!", stream.push("world!"));
        assertEquals("", stream.flush());
    }

    @ParameterizedTest
    @ValueSource(strings = { "sk-proj-Zq8x3vN0pR7tW2yB5cD9fG1hJ4kM", "sk-ant-api03-AbCdEf0123456789xyz",
            "AIzaSyD0123456789abcdefghijklmnop", "gsk_0123456789abcdefghij", "hf_AbCdEfGhIj0123456789",
            "xai-0123456789abcdefghijKL", "Bearer abcdefghijklmnop", "Zq8x3vN0pR7tW2yB5cD9fG1hJ4kMaBcDeF",
            "0123456789abcdef0123456789abcdef" })
    void valuesThatLookLikeKeysAreRecognised(String value) {
        assertTrue(Secret.looksLikeAKey(value), value);
    }

    @Test
    void keyNamesAreNotMistakenForKeys() {
        for (String name : List.of("openai", "work-openai", "anthropic", "team.gemini-2025", "sk-work",
                "openai-compatible", "my-long-but-plain-name-for-the-work-openai-account", "OPENAI_WORK_KEY_2025")) {
            assertFalse(Secret.looksLikeAKey(name), name);
        }
    }
}
