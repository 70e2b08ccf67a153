package com.pexper.ai.openai;

import java.io.EOFException;
import java.util.ArrayList;
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
import com.pexper.ai.Capability;
import com.pexper.ai.ChatRequest;
import com.pexper.ai.ChatResult;
import com.pexper.ai.GeneratedImage;
import com.pexper.ai.ImageEdit;
import com.pexper.ai.ImageInput;
import com.pexper.ai.ProviderDescriptor;
import com.pexper.ai.ProviderSetup;
import com.pexper.ai.TokenSink;
import com.pexper.ai.http.ProviderHttp;
import com.pexper.ai.http.ProviderJson;
import com.pexper.ai.stream.ServerSentEvents;

/**
 * The OpenAI REST API (chat completions, embeddings, images, models), also spoken by LM Studio,
 * the llama.cpp server, vLLM and others. {@link Dialect#OPENAI} uses OpenAI's newer fields;
 * {@link Dialect#COMPATIBLE} the common subset those servers accept.
 */
public final class OpenAiWire implements AiProvider {

    public enum Dialect {
        OPENAI, COMPATIBLE
    }

    private final ProviderSetup setup;
    private final ProviderHttp http;
    private final Dialect dialect;
    private final Map<String, String> headers;

    public OpenAiWire(ProviderSetup setup, Dialect dialect) {
        this.setup = setup;
        this.http = setup.http();
        this.dialect = dialect;
        this.headers = setup.key() == null ? Map.of() : Map.of("Authorization", "Bearer " + setup.key().reveal());
    }

    @Override
    public ProviderDescriptor descriptor() {
        return setup.descriptor();
    }

    /** The JSON body of a chat completion request. */
    public ObjectNode chatBody(ChatRequest request, boolean stream) {
        ObjectNode body = ProviderJson.object().put("model", request.model());
        ArrayNode messages = body.putArray("messages");
        if (request.system() != null && !request.system().isEmpty()) {
            messages.addObject().put("role", "system").put("content", request.system());
        }
        ObjectNode user = messages.addObject().put("role", "user");
        if (request.images().isEmpty()) {
            user.put("content", request.prompt());
        } else {
            ArrayNode parts = user.putArray("content");
            parts.addObject().put("type", "text").put("text", request.prompt());
            for (ImageInput image : request.images()) {
                parts.addObject().put("type", "image_url").putObject("image_url").put("url", image.dataUrl());
            }
        }
        if (request.temperature() != null) {
            body.put("temperature", request.temperature());
        }
        if (request.maxTokens() != null) {
            body.put(dialect == Dialect.OPENAI ? "max_completion_tokens" : "max_tokens", request.maxTokens());
        }
        if (request.seed() != null) {
            body.put("seed", request.seed());
        }
        if (request.schema() != null) {
            ObjectNode format = body.putObject("response_format").put("type", "json_schema");
            format.putObject("json_schema").put("name", "answer").set("schema", request.schema());
        }
        if (stream) {
            body.put("stream", true);
            if (dialect == Dialect.OPENAI) {
                body.putObject("stream_options").put("include_usage", true);
            }
        }
        return body;
    }

    @Override
    public ChatResult chat(ChatRequest request, TokenSink sink, CallControl control) throws AiException {
        boolean stream = sink != TokenSink.IGNORE && descriptor().can(Capability.STREAMING);
        if (!stream) {
            JsonNode answer = http.postJson("chat/completions", headers, chatBody(request, false), control);
            JsonNode choice = answer.path("choices").path(0);
            JsonNode content = choice.path("message").path("content");
            if (!content.isTextual() && !content.isNull()) {
                throw badResponse("no choices[0].message.content");
            }
            return new ChatResult(content.asText(""), answer.path("model").asText(request.model()),
                    choice.path("finish_reason").asText(null), answer.path("usage").path("prompt_tokens").asLong(-1),
                    answer.path("usage").path("completion_tokens").asLong(-1));
        }
        return http.postStream("chat/completions", headers, chatBody(request, true), control, (body, partial) -> {
            ServerSentEvents events = new ServerSentEvents(body);
            String model = request.model();
            String finish = null;
            long in = -1;
            long out = -1;
            ServerSentEvents.Event event;
            while ((event = events.next()) != null) {
                String data = event.data();
                if (data.equals("[DONE]")) {
                    return new ChatResult(partial.toString(), model, finish, in, out);
                }
                JsonNode chunk = ProviderJson.parse(data);
                if (chunk.has("error")) {
                    throw new AiException(Kind.SERVER, descriptor().label() + " reported an error in the middle of the"
                            + " answer: " + http.redact(chunk.path("error").path("message").asText(chunk.path("error")
                                    .toString())) + ". Try again.", partial.toString(), null);
                }
                model = chunk.path("model").asText(model);
                JsonNode choice = chunk.path("choices").path(0);
                JsonNode delta = choice.path("delta").path("content");
                if (delta.isTextual() && !delta.asText().isEmpty()) {
                    partial.append(delta.asText());
                    sink.token(delta.asText());
                }
                if (choice.path("finish_reason").isTextual()) {
                    finish = choice.path("finish_reason").asText();
                }
                if (chunk.path("usage").isObject()) {
                    in = chunk.path("usage").path("prompt_tokens").asLong(-1);
                    out = chunk.path("usage").path("completion_tokens").asLong(-1);
                }
            }
            if (finish != null && dialect == Dialect.COMPATIBLE) {
                // some servers close the stream after the last chunk without [DONE]
                return new ChatResult(partial.toString(), model, finish, in, out);
            }
            throw new EOFException("the stream ended before [DONE]");
        });
    }

    @Override
    public List<String> listModels(CallControl control) throws AiException {
        return ProviderJson.texts(http.getJson("models", headers, control).path("data"), "id");
    }

    @Override
    public List<float[]> embed(String model, List<String> texts, CallControl control) throws AiException {
        ObjectNode body = ProviderJson.object().put("model", model);
        ArrayNode input = body.putArray("input");
        texts.forEach(input::add);
        body.put("encoding_format", "float");
        JsonNode answer = http.postJson("embeddings", headers, body, control);
        float[][] vectors = new float[texts.size()][];
        for (JsonNode item : answer.path("data")) {
            int index = item.path("index").asInt(-1);
            if (index < 0 || index >= vectors.length) {
                throw badResponse("an embedding with index " + index + " for " + texts.size() + " texts");
            }
            vectors[index] = ProviderJson.floats(item.path("embedding"));
        }
        for (float[] vector : vectors) {
            if (vector == null) {
                throw badResponse("fewer embeddings than texts");
            }
        }
        return List.of(vectors);
    }


    @Override
    public GeneratedImage generateImage(String model, String prompt, String size, CallControl control)
            throws AiException {
        ObjectNode body = ProviderJson.object().put("model", model).put("prompt", prompt).put("n", 1);
        if (size != null && !size.isBlank()) {
            body.put("size", size);
        }
        if (model.startsWith("dall-e")) {
            body.put("response_format", "b64_json"); // the gpt-image models always answer in base64 and refuse this field
        }
        return image(http.postJson("images/generations", headers, body, control));
    }

    /**
     * OpenAI's image edits: the image and the mask as files of a multipart form, the answer as
     * image generation's.
     */
    @Override
    public GeneratedImage editImage(ImageEdit edit, CallControl control) throws AiException {
        List<ProviderHttp.FormPart> form = new ArrayList<>();
        form.add(ProviderHttp.FormPart.text("model", edit.model()));
        form.add(ProviderHttp.FormPart.text("prompt", edit.prompt()));
        form.add(ProviderHttp.FormPart.text("n", "1"));
        if (edit.size() != null && !edit.size().isBlank()) {
            form.add(ProviderHttp.FormPart.text("size", edit.size()));
        }
        if (edit.model().startsWith("dall-e")) {
            form.add(ProviderHttp.FormPart.text("response_format", "b64_json"));
        }
        form.add(ProviderHttp.FormPart.file("image", "image." + extension(edit.image()), edit.image().mediaType(),
                edit.image().data()));
        if (edit.mask() != null) {
            form.add(ProviderHttp.FormPart.file("mask", "mask.png", edit.mask().mediaType(), edit.mask().data()));
        }
        return image(http.postForm("images/edits", headers, form, control));
    }

    private static String extension(ImageInput image) {
        return switch (image.mediaType()) {
            case "image/jpeg" -> "jpg";
            case "image/webp" -> "webp";
            default -> "png";
        };
    }

    /** The image of an answer to a generation or an edit: data[0], in base64. */
    private GeneratedImage image(JsonNode answer) throws AiException {
        JsonNode image = answer.path("data").path(0);
        if (!image.path("b64_json").isTextual()) {
            throw badResponse("no data[0].b64_json");
        }
        byte[] data;
        try {
            data = Base64.getDecoder().decode(image.path("b64_json").asText());
        } catch (IllegalArgumentException e) {
            throw badResponse("data[0].b64_json is not base64");
        }
        String format = answer.path("output_format").asText("png");
        return new GeneratedImage(data, "image/" + format, image.path("revised_prompt").asText(null));
    }

    private AiException badResponse(String what) {
        return new AiException(Kind.BAD_RESPONSE, descriptor().label() + " answered in an unexpected format (" + what
                + "); is " + http.settings().baseUrl() + " an OpenAI-style API?");
    }

}
