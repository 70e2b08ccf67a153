package com.pexper.ai.http;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.pexper.ai.AiException;
import com.pexper.ai.CallControl;
import com.pexper.ai.ProviderSettings;

import org.osgi.annotation.versioning.ProviderType;

/**
 * How every provider talks HTTP: JSON in and out through the network gate, a bound on calls in
 * flight, retries with exponential backoff and jitter on 429 and 5xx (honouring Retry-After),
 * cancellation that aborts the exchange at once, and failures turned into {@link AiException}s that
 * say what to do, with the key redacted from anything a server said. Providers add only their
 * paths, headers and JSON shapes ({@link ProviderJson}). Pexper implements it over the network
 * gate and hands each provider its own; providers only call it.
 */
@ProviderType
public interface ProviderHttp {

    /** Waits between retries; tests replace it to record the delays instead of waiting. */
    @FunctionalInterface
    interface Sleeper {
        Sleeper REAL = (delay, control) -> {
            CountDownLatch cancelled = new CountDownLatch(1);
            try (AutoCloseable registration = control.onCancel(cancelled::countDown)) {
                cancelled.await(delay.toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };

        void sleep(Duration delay, CallControl control);
    }

    /**
     * Reads a streamed answer as it arrives (through {@link com.pexper.ai.stream.ServerSentEvents}
     * or {@link com.pexper.ai.stream.JsonLines}), appending the text received so far to {@code partial}.
     */
    @FunctionalInterface
    interface StreamReader<T> {
        T read(InputStream body, StringBuilder partial) throws IOException, AiException;
    }

    /** One field of a multipart form: a text, or a file's content with its name and media type. */
    record FormPart(String name, String value, String fileName, String mediaType, byte[] content) {

        public static FormPart text(String name, String value) {
            return new FormPart(name, value, null, null, null);
        }

        public static FormPart file(String name, String fileName, String mediaType, byte[] content) {
            return new FormPart(name, null, fileName, mediaType, content);
        }

        public boolean isFile() {
            return content != null;
        }
    }

    ProviderSettings settings();

    /** Posts {@code body} to {@code path} (such as "chat/completions", maybe with "?query") under the base URL. */
    JsonNode postJson(String path, Map<String, String> headers, JsonNode body, CallControl control) throws AiException;

    JsonNode getJson(String path, Map<String, String> headers, CallControl control) throws AiException;

    /** Posts a multipart form (as OpenAI's image edits take their images) and reads the JSON answer. */
    JsonNode postForm(String path, Map<String, String> headers, java.util.List<FormPart> parts, CallControl control)
            throws AiException;

    /** Posts JSON and hands the streamed body to {@code reader}; retries happen only before the stream starts. */
    <T> T postStream(String path, Map<String, String> headers, JsonNode body, CallControl control,
            StreamReader<T> reader) throws AiException;

    /** The text with every known key taken out, in each of the forms {@link com.pexper.ai.Secret#redact} knows. */
    String redact(String text);
}
