package com.pexper.ai.ollama;

import java.io.EOFException;
import java.util.ArrayList;
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
import com.pexper.ai.ImageInput;
import com.pexper.ai.ProviderDescriptor;
import com.pexper.ai.ProviderFactory;
import com.pexper.ai.ProviderSetup;
import com.pexper.ai.TokenSink;
import com.pexper.ai.http.ProviderHttp;
import com.pexper.ai.http.ProviderJson;
import com.pexper.ai.stream.JsonLines;

/** Ollama's native API: /api/chat streamed as JSON lines, /api/tags, /api/embed. */
public final class OllamaProvider implements AiProvider {

    /** The extension's factory. */
    public static final class Factory implements ProviderFactory {
        @Override
        public AiProvider create(ProviderSetup setup) {
            return new OllamaProvider(setup);
        }
    }

    private final ProviderSetup setup;
    private final ProviderHttp http;
    private final Map<String, String> headers;

    public OllamaProvider(ProviderSetup setup) {
        this.setup = setup;
        this.http = setup.http();
        // Ollama itself wants no key; one is sent only when the user put a proxy in front that does.
        this.headers = setup.key() == null ? Map.of() : Map.of("Authorization", "Bearer " + setup.key().reveal());
    }

    @Override
    public ProviderDescriptor descriptor() {
        return setup.descriptor();
    }

    ObjectNode body(ChatRequest request, boolean stream) {
        ObjectNode body = ProviderJson.object().put("model", request.model()).put("stream", stream);
        ArrayNode messages = body.putArray("messages");
        if (request.system() != null && !request.system().isEmpty()) {
            messages.addObject().put("role", "system").put("content", request.system());
        }
        ObjectNode user = messages.addObject().put("role", "user").put("content", request.prompt());
        if (!request.images().isEmpty()) {
            ArrayNode images = user.putArray("images");
            for (ImageInput image : request.images()) {
                images.add(image.base64());
            }
        }
        ObjectNode options = ProviderJson.object();
        if (request.temperature() != null) {
            options.put("temperature", request.temperature());
        }
        if (request.maxTokens() != null) {
            options.put("num_predict", request.maxTokens());
        }
        if (request.seed() != null) {
            options.put("seed", request.seed());
        }
        if (!options.isEmpty()) {
            body.set("options", options);
        }
        if (request.schema() != null) {
            body.set("format", request.schema());
        }
        return body;
    }

    @Override
    public ChatResult chat(ChatRequest request, TokenSink sink, CallControl control) throws AiException {
        boolean stream = sink != TokenSink.IGNORE;
        if (!stream) {
            JsonNode answer = http.postJson("api/chat", headers, body(request, false), control);
            return result(answer, answer.path("message").path("content").asText(""), request.model());
        }
        return http.postStream("api/chat", headers, body(request, true), control, (body, partial) -> {
            JsonLines lines = new JsonLines(body);
            String line;
            while ((line = lines.next()) != null) {
                JsonNode chunk = ProviderJson.parse(line);
                if (chunk.has("error")) {
                    throw new AiException(Kind.SERVER, descriptor().label() + " reported an error in the middle of the"
                            + " answer: " + http.redact(chunk.path("error").asText()) + ".", partial.toString(), null);
                }
                String text = chunk.path("message").path("content").asText("");
                if (!text.isEmpty()) {
                    partial.append(text);
                    sink.token(text);
                }
                if (chunk.path("done").asBoolean(false)) {
                    return result(chunk, partial.toString(), request.model());
                }
            }
            throw new EOFException("the stream ended before \"done\": true");
        });
    }

    private static ChatResult result(JsonNode answer, String text, String model) {
        return new ChatResult(text, answer.path("model").asText(model), answer.path("done_reason").asText(null),
                answer.path("prompt_eval_count").asLong(-1), answer.path("eval_count").asLong(-1));
    }

    @Override
    public List<String> listModels(CallControl control) throws AiException {
        return ProviderJson.texts(http.getJson("api/tags", headers, control).path("models"), "name");
    }

    @Override
    public List<float[]> embed(String model, List<String> texts, CallControl control) throws AiException {
        ObjectNode body = ProviderJson.object().put("model", model);
        ArrayNode input = body.putArray("input");
        texts.forEach(input::add);
        JsonNode answer = http.postJson("api/embed", headers, body, control);
        JsonNode embeddings = answer.path("embeddings");
        if (embeddings.size() != texts.size()) {
            throw new AiException(Kind.BAD_RESPONSE, descriptor().label() + " returned " + embeddings.size()
                    + " embeddings for " + texts.size() + " texts; is the model an embedding model?");
        }
        List<float[]> result = new ArrayList<>();
        for (JsonNode vector : embeddings) {
            result.add(ProviderJson.floats(vector));
        }
        return result;
    }
}
