package com.pexper.ai.gemini;

import java.io.EOFException;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pexper.ai.AiException;
import com.pexper.ai.AiException.Kind;
import com.pexper.ai.AiProvider;
import com.pexper.ai.CallControl;
import com.pexper.ai.ChatRequest;
import com.pexper.ai.ChatResult;
import com.pexper.ai.GeneratedImage;
import com.pexper.ai.ImageEdit;
import com.pexper.ai.ImageInput;
import com.pexper.ai.ProviderDescriptor;
import com.pexper.ai.ProviderFactory;
import com.pexper.ai.ProviderSetup;
import com.pexper.ai.TokenSink;
import com.pexper.ai.http.ProviderHttp;
import com.pexper.ai.http.ProviderJson;
import com.pexper.ai.stream.ServerSentEvents;

/** Google's Gemini API: generateContent, and streamGenerateContent as server-sent events. */
public final class GeminiProvider implements AiProvider {

    /** The extension's factory. */
    public static final class Factory implements ProviderFactory {
        @Override
        public AiProvider create(ProviderSetup setup) {
            return new GeminiProvider(setup);
        }
    }

    private final ProviderSetup setup;
    private final ProviderHttp http;
    private final Map<String, String> headers;

    public GeminiProvider(ProviderSetup setup) {
        this.setup = setup;
        this.http = setup.http();
        // The key goes in a header, never in the URL's ?key= where it would end up in logs and the ledger.
        this.headers = setup.key() == null ? Map.of() : Map.of("x-goog-api-key", setup.key().reveal());
    }

    @Override
    public ProviderDescriptor descriptor() {
        return setup.descriptor();
    }

    ObjectNode body(ChatRequest request) {
        ObjectNode body = ProviderJson.object();
        if (request.system() != null && !request.system().isEmpty()) {
            body.putObject("systemInstruction").putArray("parts").addObject().put("text", request.system());
        }
        ObjectNode user = body.putArray("contents").addObject().put("role", "user");
        ArrayNode parts = user.putArray("parts");
        for (ImageInput image : request.images()) {
            parts.addObject().putObject("inline_data").put("mime_type", image.mediaType()).put("data", image.base64());
        }
        parts.addObject().put("text", request.prompt());
        ObjectNode config = ProviderJson.object();
        if (request.temperature() != null) {
            config.put("temperature", request.temperature());
        }
        if (request.maxTokens() != null) {
            config.put("maxOutputTokens", request.maxTokens());
        }
        if (request.seed() != null) {
            config.put("seed", request.seed());
        }
        if (request.schema() != null) {
            config.put("responseMimeType", "application/json");
            config.set("responseJsonSchema", request.schema());
        }
        if (!config.isEmpty()) {
            body.set("generationConfig", config);
        }
        return body;
    }

    private static String path(String model, String method) {
        String name = model.startsWith("models/") ? model : "models/" + model;
        return name + ":" + method;
    }

    @Override
    public ChatResult chat(ChatRequest request, TokenSink sink, CallControl control) throws AiException {
        if (sink == TokenSink.IGNORE) {
            JsonNode answer = http.postJson(path(request.model(), "generateContent"), headers, body(request), control);
            StringBuilder text = new StringBuilder();
            String finish = appendText(answer, text);
            return result(answer, text.toString(), request.model(), finish);
        }
        return http.postStream(path(request.model(), "streamGenerateContent?alt=sse"), headers, body(request), control,
                (body, partial) -> {
                    ServerSentEvents events = new ServerSentEvents(body);
                    ServerSentEvents.Event event;
                    JsonNode last = null;
                    String finish = null;
                    while ((event = events.next()) != null) {
                        JsonNode chunk = ProviderJson.parse(event.data());
                        if (chunk.has("error")) {
                            throw new AiException(Kind.SERVER, descriptor().label() + " reported an error in the"
                                    + " middle of the answer: " + http.redact(chunk.path("error").path("message").asText())
                                    + ". Try again.", partial.toString(), null);
                        }
                        int before = partial.length();
                        String reason = appendText(chunk, partial);
                        if (partial.length() > before) {
                            sink.token(partial.substring(before));
                        }
                        finish = reason != null ? reason : finish;
                        last = chunk;
                    }
                    // Gemini ends its stream by closing it; the last chunk carries the finish reason.
                    if (finish == null) {
                        throw new EOFException("the stream ended without a finishReason");
                    }
                    return result(last, partial.toString(), request.model(), finish);
                });
    }

    /** Appends the first candidate's text; returns its finishReason or null. */
    private String appendText(JsonNode answer, StringBuilder text) throws AiException {
        JsonNode candidate = answer.path("candidates").path(0);
        if (candidate.isMissingNode()) {
            String blocked = answer.path("promptFeedback").path("blockReason").asText(null);
            if (blocked != null) {
                throw new AiException(Kind.BAD_REQUEST, descriptor().label() + " refused the prompt (" + blocked
                        + "); rephrase it.");
            }
            return null;
        }
        for (JsonNode part : candidate.path("content").path("parts")) {
            if (part.path("text").isTextual() && !part.path("thought").asBoolean(false)) {
                text.append(part.path("text").asText());
            }
        }
        return candidate.path("finishReason").asText(null);
    }

    private static ChatResult result(JsonNode answer, String text, String model, String finish) {
        JsonNode usage = answer == null ? null : answer.path("usageMetadata");
        return new ChatResult(text, answer == null ? model : answer.path("modelVersion").asText(model), finish,
                usage == null ? -1 : usage.path("promptTokenCount").asLong(-1),
                usage == null ? -1 : usage.path("candidatesTokenCount").asLong(-1));
    }

    /**
     * Gemini's image output from an image and a prompt (generateContent, asked for an image back).
     * Gemini takes no mask: what to change is said in the prompt.
     */
    @Override
    public GeneratedImage editImage(ImageEdit edit, CallControl control) throws AiException {
        if (edit.mask() != null) {
            throw new AiException(Kind.BAD_REQUEST, descriptor().label() + " takes no mask: say in the prompt what to"
                    + " change, and leave Edit image's mask input unconnected (or choose OpenAI, which takes one).");
        }
        ObjectNode body = ProviderJson.object();
        ArrayNode parts = body.putArray("contents").addObject().put("role", "user").putArray("parts");
        parts.addObject().putObject("inline_data").put("mime_type", edit.image().mediaType())
                .put("data", edit.image().base64());
        parts.addObject().put("text", edit.prompt());
        body.putObject("generationConfig").putArray("responseModalities").add("TEXT").add("IMAGE");
        JsonNode answer = http.postJson(path(edit.model(), "generateContent"), headers, body, control);
        StringBuilder said = new StringBuilder();
        appendText(answer, said);
        for (JsonNode part : answer.path("candidates").path(0).path("content").path("parts")) {
            JsonNode inline = part.has("inlineData") ? part.path("inlineData") : part.path("inline_data");
            String data = inline.path("data").asText(null);
            if (data != null) {
                String type = inline.has("mimeType") ? inline.path("mimeType").asText() : inline.path("mime_type")
                        .asText("image/png");
                try {
                    return new GeneratedImage(Base64.getDecoder().decode(data), type, said.isEmpty() ? null
                            : said.toString());
                } catch (IllegalArgumentException e) {
                    break;
                }
            }
        }
        throw new AiException(Kind.BAD_RESPONSE, descriptor().label() + " answered without an image"
                + (said.isEmpty() ? "" : " (it said: " + http.redact(said.length() > 200 ? said.substring(0, 199)
                        + "\u2026" : said.toString()) + ")")
                + "; is " + edit.model() + " a model that makes images (such as gemini-2.5-flash-image)?");
    }

    @Override
    public List<String> listModels(CallControl control) throws AiException {
        return ProviderJson.texts(http.getJson("models", headers, control).path("models"), "name").stream()
                .map(name -> name.startsWith("models/") ? name.substring("models/".length()) : name).toList();
    }
}
