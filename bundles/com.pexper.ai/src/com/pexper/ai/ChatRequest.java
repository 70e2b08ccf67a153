package com.pexper.ai;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One question to a chat model: a system text, the user's prompt and any images.
 *
 * @param temperature null for the provider's default
 * @param maxTokens null for the provider's default (Anthropic requires one: its provider picks 4096)
 * @param seed null for none; only some providers honour it
 * @param schema a JSON Schema the answer must follow, or null for free text
 */
public record ChatRequest(String model, String system, String prompt, List<ImageInput> images, Double temperature,
        Integer maxTokens, Long seed, JsonNode schema) {

    public ChatRequest {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(prompt, "prompt");
        images = images == null ? List.of() : List.copyOf(images);
    }

    public static ChatRequest of(String model, String prompt) {
        return new ChatRequest(model, null, prompt, List.of(), null, null, null, null);
    }

    public ChatRequest withPrompt(String newPrompt) {
        return new ChatRequest(model, system, newPrompt, images, temperature, maxTokens, seed, schema);
    }
}
