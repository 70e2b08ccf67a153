package com.pexper.ai.anthropic;

import java.io.EOFException;
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
import com.pexper.ai.stream.ServerSentEvents;

/** Anthropic's Messages API, streamed as server-sent events. */
public final class AnthropicProvider implements AiProvider {

    /** The API version this code speaks (the anthropic-version header). */
    public static final String API_VERSION = "2023-06-01";
    /** Anthropic requires max_tokens; used when the node leaves it open. */
    public static final int DEFAULT_MAX_TOKENS = 4096;

    /** The extension's factory. */
    public static final class Factory implements ProviderFactory {
        @Override
        public AiProvider create(ProviderSetup setup) {
            return new AnthropicProvider(setup);
        }
    }

    private final ProviderSetup setup;
    private final ProviderHttp http;
    private final Map<String, String> headers;

    public AnthropicProvider(ProviderSetup setup) {
        this.setup = setup;
        this.http = setup.http();
        this.headers = setup.key() == null ? Map.of("anthropic-version", API_VERSION)
                : Map.of("x-api-key", setup.key().reveal(), "anthropic-version", API_VERSION);
    }

    @Override
    public ProviderDescriptor descriptor() {
        return setup.descriptor();
    }

    ObjectNode body(ChatRequest request, boolean stream) {
        ObjectNode body = ProviderJson.object().put("model", request.model())
                .put("max_tokens", request.maxTokens() != null ? request.maxTokens() : DEFAULT_MAX_TOKENS);
        String system = request.system() == null ? "" : request.system();
        if (request.schema() != null) {
            // The Messages API has no schema parameter: the schema goes into the instructions.
            system = (system.isEmpty() ? "" : system + "\n\n") + "Answer with one JSON value and nothing else. It must"
                    + " follow this JSON Schema:\n" + request.schema().toString();
        }
        if (!system.isEmpty()) {
            body.put("system", system);
        }
        ObjectNode user = body.putArray("messages").addObject().put("role", "user");
        ArrayNode content = user.putArray("content");
        for (ImageInput image : request.images()) {
            content.addObject().put("type", "image").putObject("source").put("type", "base64")
                    .put("media_type", image.mediaType()).put("data", image.base64());
        }
        content.addObject().put("type", "text").put("text", request.prompt());
        if (request.temperature() != null) {
            body.put("temperature", request.temperature());
        }
        if (stream) {
            body.put("stream", true);
        }
        return body;
    }

    @Override
    public ChatResult chat(ChatRequest request, TokenSink sink, CallControl control) throws AiException {
        if (sink == TokenSink.IGNORE) {
            JsonNode answer = http.postJson("messages", headers, body(request, false), control);
            StringBuilder text = new StringBuilder();
            for (JsonNode block : answer.path("content")) {
                if ("text".equals(block.path("type").asText())) {
                    text.append(block.path("text").asText());
                }
            }
            return new ChatResult(text.toString(), answer.path("model").asText(request.model()),
                    answer.path("stop_reason").asText(null), answer.path("usage").path("input_tokens").asLong(-1),
                    answer.path("usage").path("output_tokens").asLong(-1));
        }
        return http.postStream("messages", headers, body(request, true), control, (body, partial) -> {
            ServerSentEvents events = new ServerSentEvents(body);
            String model = request.model();
            String stop = null;
            long in = -1;
            long out = -1;
            ServerSentEvents.Event event;
            while ((event = events.next()) != null) {
                JsonNode data = ProviderJson.parse(event.data());
                switch (data.path("type").asText(event.type())) {
                    case "message_start" -> {
                        model = data.path("message").path("model").asText(model);
                        in = data.path("message").path("usage").path("input_tokens").asLong(-1);
                    }
                    case "content_block_delta" -> {
                        JsonNode delta = data.path("delta");
                        if ("text_delta".equals(delta.path("type").asText())) {
                            String text = delta.path("text").asText();
                            partial.append(text);
                            sink.token(text);
                        }
                    }
                    case "message_delta" -> {
                        stop = data.path("delta").path("stop_reason").asText(stop);
                        out = data.path("usage").path("output_tokens").asLong(out);
                    }
                    case "message_stop" -> {
                        return new ChatResult(partial.toString(), model, stop, in, out);
                    }
                    case "error" -> throw new AiException(
                            "overloaded_error".equals(data.path("error").path("type").asText()) ? Kind.SERVER
                                    : Kind.BAD_RESPONSE,
                            descriptor().label() + " reported an error in the middle of the answer: "
                                    + http.redact(data.path("error").path("message").asText()) + ". Try again.",
                            partial.toString(), null);
                    default -> {
                        // ping, content_block_start/stop
                    }
                }
            }
            throw new EOFException("the stream ended before message_stop");
        });
    }

    @Override
    public List<String> listModels(CallControl control) throws AiException {
        return ProviderJson.texts(http.getJson("models", headers, control).path("data"), "id");
    }
}
