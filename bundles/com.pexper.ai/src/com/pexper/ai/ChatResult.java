package com.pexper.ai;

/**
 * A chat model's answer.
 *
 * @param finishReason why it stopped, as the provider says (stop, length, end_turn, ...), or null
 * @param inputTokens -1 when the provider did not say
 */
public record ChatResult(String text, String model, String finishReason, long inputTokens, long outputTokens) {
}
