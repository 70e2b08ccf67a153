package com.pexper.ai;

/** An image a model made: encoded bytes as the provider returned them. */
public record GeneratedImage(byte[] data, String mediaType, String revisedPrompt) {
}
