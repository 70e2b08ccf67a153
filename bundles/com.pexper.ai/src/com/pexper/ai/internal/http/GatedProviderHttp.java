package com.pexper.ai.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.pexper.ai.AiException;
import com.pexper.ai.AiException.Kind;
import com.pexper.ai.CallControl;
import com.pexper.ai.ProviderDescriptor;
import com.pexper.ai.ProviderKind;
import com.pexper.ai.ProviderSettings;
import com.pexper.ai.http.ProviderHttp;
import com.pexper.ai.http.ProviderJson;
import com.pexper.core.engine.Redactor;
import com.pexper.net.NetworkRefusedException;

import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * {@link ProviderHttp} over OkHttp, with a client the network gate made for one provider and the
 * origin of its base URL.
 */
public final class GatedProviderHttp implements ProviderHttp {

    private static final MediaType JSON_TYPE = MediaType.get("application/json");
    private static final Duration BACKOFF_BASE = Duration.ofMillis(500);
    private static final Duration BACKOFF_CAP = Duration.ofSeconds(30);
    /** A Retry-After longer than this is not waited for: the node fails and says how long to wait. */
    private static final Duration RETRY_AFTER_LIMIT = Duration.ofSeconds(60);
    private static final int ERROR_BODY_LIMIT = 64 * 1024;

    private final OkHttpClient client;
    private final ProviderDescriptor descriptor;
    private final ProviderSettings settings;
    private final HttpUrl base;
    private final Redactor redactor;
    private final String keyName;
    private final Semaphore inFlight;
    private final Sleeper sleeper;

    /**
     * @param client from the network gate, for this provider and the origin of {@code settings.baseUrl()}
     * @param redactor takes the keys out of anything quoted from the server (providers put the key in their own header)
     */
    public GatedProviderHttp(OkHttpClient client, ProviderDescriptor descriptor, ProviderSettings settings, Redactor redactor,
            String keyName, Sleeper sleeper) {
        this.descriptor = descriptor;
        this.settings = settings;
        this.base = HttpUrl.parse(settings.baseUrl());
        if (base == null) {
            throw new IllegalArgumentException(descriptor.label() + ": the base URL '" + settings.baseUrl()
                    + "' is not an http(s) address");
        }
        this.client = client.newBuilder().connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout()).writeTimeout(settings.readTimeout()).build();
        this.redactor = redactor == null ? Redactor.NONE : redactor;
        this.keyName = keyName;
        this.inFlight = new Semaphore(settings.maxConcurrentRequests(), true);
        this.sleeper = sleeper;
    }

    @Override
    public ProviderSettings settings() {
        return settings;
    }

    /** The base URL with {@code path} (such as "chat/completions", maybe with "?query") appended. */
    private HttpUrl url(String path) {
        HttpUrl.Builder url = base.newBuilder();
        int query = path.indexOf('?');
        if (query >= 0) {
            url.encodedQuery(path.substring(query + 1));
            path = path.substring(0, query);
        }
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                url.addPathSegment(segment);
            }
        }
        return url.build();
    }

    @Override
    public JsonNode postJson(String path, Map<String, String> headers, JsonNode body, CallControl control)
            throws AiException {
        return send(request(path, headers).post(jsonBody(body)).build(), control,
                (source, partial) -> parse(source));
    }

    @Override
    public JsonNode postForm(String path, Map<String, String> headers, java.util.List<FormPart> parts,
            CallControl control) throws AiException {
        MultipartBody.Builder form = new MultipartBody.Builder().setType(MultipartBody.FORM);
        for (FormPart part : parts) {
            if (part.isFile()) {
                form.addFormDataPart(part.name(), part.fileName(), RequestBody.create(part.content(),
                        MediaType.get(part.mediaType())));
            } else {
                form.addFormDataPart(part.name(), part.value());
            }
        }
        return send(request(path, headers).post(form.build()).build(), control, (source, partial) -> parse(source));
    }

    @Override
    public JsonNode getJson(String path, Map<String, String> headers, CallControl control) throws AiException {
        return send(request(path, headers).get().build(), control, (source, partial) -> parse(source));
    }

    @Override
    public <T> T postStream(String path, Map<String, String> headers, JsonNode body, CallControl control,
            StreamReader<T> reader) throws AiException {
        return send(request(path, headers).post(jsonBody(body)).build(), control, reader);
    }

    private Request.Builder request(String path, Map<String, String> headers) {
        Request.Builder request = new Request.Builder().url(url(path)).header("Accept", "application/json");
        headers.forEach(request::header);
        return request;
    }

    private static RequestBody jsonBody(JsonNode body) throws AiException {
        try {
            return RequestBody.create(ProviderJson.bytes(body), JSON_TYPE);
        } catch (IOException e) {
            throw new AiException(Kind.BAD_REQUEST, "could not write the request: " + e.getMessage());
        }
    }

    private JsonNode parse(InputStream body) throws AiException {
        try {
            return ProviderJson.parse(body);
        } catch (IOException e) {
            throw new AiException(Kind.BAD_RESPONSE, descriptor.label() + " answered with something that is not"
                    + " JSON (" + redact(e.getMessage()) + "); is " + settings.baseUrl() + " the right address?");
        }
    }

    private <T> T send(Request request, CallControl control, StreamReader<T> reader) throws AiException {
        for (int attempt = 0;; attempt++) {
            checkCancelled(control);
            acquire(control);
            StringBuilder partial = new StringBuilder();
            boolean streaming = false;
            Duration wait;
            Call call = client.newCall(request);
            try (AutoCloseable registration = control.onCancel(call::cancel); Response response = call.execute()) {
                int status = response.code();
                if (status >= 200 && status < 300) {
                    streaming = true;
                    return reader.read(response.body().source().inputStream(), partial);
                }
                String detail = errorDetail(response);
                wait = outOfQuota(status, detail) ? null : retryDelay(response, attempt);
                if (wait == null) {
                    throw failure(status, detail, attempt);
                }
            } catch (AiException e) {
                // a provider's own failure (an error event in a stream) may quote the server, partial text included
                throw new AiException(e.kind(), redact(e.getMessage()), redact(e.partialText()), e.getCause());
            } catch (IOException e) {
                throw ioFailure(e, control, streaming, partial);
            } catch (Exception e) {
                throw new AiException(Kind.BAD_RESPONSE, descriptor.label() + ": " + redact(e.toString()), null, null);
            } finally {
                inFlight.release();
            }
            sleeper.sleep(wait, control);
        }
    }

    private void acquire(CallControl control) throws AiException {
        try {
            while (!inFlight.tryAcquire(50, TimeUnit.MILLISECONDS)) {
                checkCancelled(control);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw cancelled();
        }
    }

    private void checkCancelled(CallControl control) throws AiException {
        if (control.isCanceled()) {
            throw cancelled();
        }
    }

    private static AiException cancelled() {
        return new AiException(Kind.CANCELLED, "cancelled");
    }

    /** The wait before the next attempt, or null when the status is final or the retries are used up. */
    private Duration retryDelay(Response response, int attempt) {
        int status = response.code();
        boolean retryable = status == 429 || status == 408 || status >= 500;
        if (!retryable || attempt >= settings.maxRetries()) {
            return null;
        }
        Duration asked = retryAfter(response);
        if (asked != null) {
            return asked.compareTo(RETRY_AFTER_LIMIT) > 0 ? null : asked;
        }
        long ceiling = Math.min(BACKOFF_CAP.toMillis(), BACKOFF_BASE.toMillis() << Math.min(attempt, 16));
        // "Equal jitter": at least half the exponential step, so clients that failed together spread out.
        long millis = ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
        return Duration.ofMillis(millis);
    }

    /** Retry-After in seconds or as an HTTP date, or the retry-after-ms some APIs send; null if absent. */
    static Duration retryAfter(Response response) {
        String millis = response.header("retry-after-ms");
        if (millis != null) {
            try {
                return Duration.ofMillis(Math.max(0, (long) Double.parseDouble(millis.trim())));
            } catch (NumberFormatException e) {
                // fall back to Retry-After
            }
        }
        String value = response.header("Retry-After");
        if (value == null) {
            return null;
        }
        try {
            return Duration.ofMillis(Math.max(0, Math.round(Double.parseDouble(value.trim()) * 1000)));
        } catch (NumberFormatException e) {
            try {
                Instant at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(Instant.now(), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    private String errorDetail(Response response) {
        String text;
        try {
            BufferedSource source = response.body().source();
            source.request(ERROR_BODY_LIMIT);
            text = source.getBuffer().readUtf8(Math.min(ERROR_BODY_LIMIT, source.getBuffer().size()));
        } catch (IOException e) {
            text = "";
        }
        String message = text;
        try {
            JsonNode json = ProviderJson.parse(text);
            JsonNode error = json.path("error");
            if (error.isTextual()) {
                message = error.asText();
            } else if (error.path("message").isTextual()) {
                message = error.path("message").asText();
            } else if (json.path("message").isTextual()) {
                message = json.path("message").asText();
            } else if (json.isArray() && json.path(0).path("error").path("message").isTextual()) {
                message = json.path(0).path("error").path("message").asText(); // Gemini's streaming errors
            }
        } catch (IOException | RuntimeException notJson) {
            // keep the text as it came
        }
        message = redact(message).replaceAll("\\s+", " ").strip();
        return message.length() > 300 ? message.substring(0, 300) + "…" : message;
    }

    private AiException failure(int status, String detail, int attempt) {
        String label = descriptor.label();
        String said = detail.isEmpty() ? "HTTP " + status : "HTTP " + status + ": " + detail;
        String retried = attempt > 0 ? " after " + attempt + (attempt == 1 ? " retry" : " retries") : "";
        String lower = detail.toLowerCase(Locale.ROOT);
        if (status == 401 || status == 403 || lower.contains("api key not valid") || lower.contains("api_key_invalid")) {
            return new AiException(Kind.AUTHENTICATION, label + " refused the key" + keyDescription() + " (" + said
                    + "). " + keyAdvice());
        }
        if (status == 404 || lower.contains("model_not_found") || (lower.contains("model") && lower.contains("not found"))) {
            return new AiException(Kind.UNKNOWN_MODEL, label + " does not know that model or address (" + said
                    + "). Check the model name" + (descriptor.can(com.pexper.ai.Capability.MODEL_LISTING)
                            ? " (./pexper providers models " + descriptor.id() + " lists them)" : "")
                    + " and the base URL " + settings.baseUrl() + ".");
        }
        if (outOfQuota(status, detail)) {
            return new AiException(Kind.QUOTA, label + " says the account is out of quota or credit (" + said
                    + "). Check the plan and billing in your " + label + " account, or use another key.");
        }
        if (status == 429) {
            return new AiException(Kind.RATE_LIMITED, label + " is still limiting the request rate" + retried + " ("
                    + said + "). Wait a minute, or lower maxConcurrentRequests for " + descriptor.id()
                    + " in PEXPER_HOME/settings/providers.json.");
        }
        if (status >= 500 || status == 408) {
            return new AiException(Kind.SERVER, label + " had a server error" + retried + " (" + said
                    + "). The service may be down or overloaded; try again later.");
        }
        return new AiException(Kind.BAD_REQUEST, label + " refused the request (" + said
                + "). Check the node's settings (model, sizes, options) against what " + label + " accepts.");
    }

    /** A 429 or 402 that waiting will not fix: the account has no quota or credit left. */
    private static boolean outOfQuota(int status, String detail) {
        if (status != 429 && status != 402 && status != 403 && status != 400) {
            return false;
        }
        String lower = detail.toLowerCase(Locale.ROOT);
        return status == 402 || lower.contains("insufficient_quota") || lower.contains("exceeded your current quota")
                || lower.contains("billing") || lower.contains("credit balance");
    }

    private String keyDescription() {
        return keyName == null ? "" : " '" + keyName + "'";
    }

    private String keyAdvice() {
        String variable = descriptor.credential().environmentVariable();
        String store = keyName == null ? "Set one with ./pexper keys set " + descriptor.credential().defaultName()
                : "Store a valid one with ./pexper keys set " + keyName;
        return store + (variable != null ? " (or unset " + variable + " if it holds an old key)" : "")
                + "; check that the key has access to this model.";
    }

    private AiException ioFailure(IOException e, CallControl control, boolean streaming, StringBuilder partial) {
        if (control.isCanceled()) {
            return new AiException(Kind.CANCELLED, "cancelled", partial.isEmpty() ? null : redact(partial.toString()), null);
        }
        String label = descriptor.label();
        if (e instanceof NetworkRefusedException) {
            return new AiException(Kind.REFUSED, redact(e.getMessage()), null, null);
        }
        if (streaming) {
            return new AiException(Kind.STREAM_CUT, label + " stopped sending in the middle of the answer ("
                    + describe(e) + ") after " + partial.length() + " characters; the partial text is kept. Run the node"
                    + " again.", redact(partial.toString()), null);
        }
        if (e instanceof SocketTimeoutException || (e instanceof InterruptedIOException && "timeout".equals(e.getMessage()))) {
            return new AiException(Kind.TIMEOUT, label + " did not answer within "
                    + java.math.BigDecimal.valueOf(settings.readTimeout().toMillis(), 3).stripTrailingZeros().toPlainString()
                    + " s. Try again, use a smaller model, or raise readTimeoutSeconds"
                    + " for " + descriptor.id() + " in PEXPER_HOME/settings/providers.json.");
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException || e instanceof UnknownHostException) {
            String where = base.host() + ":" + base.port();
            if (descriptor.kind() == ProviderKind.LOCAL) {
                return new AiException(Kind.UNREACHABLE, "nothing answers at " + where + ": is " + label
                        + " running on " + where + "?" + (descriptor.startHint() != null ? " Start it with '"
                                + descriptor.startHint() + "'" : " Start the server")
                        + ", or change baseUrl for " + descriptor.id() + " in PEXPER_HOME/settings/providers.json.");
            }
            return new AiException(Kind.UNREACHABLE, "cannot reach " + label + " at " + base.host() + " ("
                    + describe(e) + "). Check the internet connection, proxy settings (https_proxy) and firewall.");
        }
        return new AiException(Kind.UNREACHABLE, label + ": the connection failed (" + describe(e)
                + "). Check the connection and try again.");
    }

    private String describe(IOException e) {
        return redact(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }

    @Override
    public String redact(String text) {
        return redactor.redact(text);
    }
}
