package com.pexper.ai;

import java.util.List;

/**
 * One configured provider: a model service reached with one key and one set of settings. Methods
 * block until the answer is complete, may be called from many threads at once, and stop promptly
 * when the {@link CallControl} is cancelled.
 *
 * <p>Capabilities a provider lacks throw {@link AiException} of kind {@link AiException.Kind#UNSUPPORTED}.
 */
public interface AiProvider {

    ProviderDescriptor descriptor();

    /**
     * Asks a chat model. With streaming, pieces of the answer reach {@code sink} as they arrive;
     * the result holds the whole text either way.
     *
     * @throws AiException with what went wrong and what to do; for a stream cut midway it carries the
     *         text received so far ({@link AiException#partialText()})
     */
    ChatResult chat(ChatRequest request, TokenSink sink, CallControl control) throws AiException;

    default List<String> listModels(CallControl control) throws AiException {
        throw AiException.unsupported(descriptor(), Capability.MODEL_LISTING);
    }

    /** @param size such as 1024x1024, or null for the provider's default */
    default GeneratedImage generateImage(String model, String prompt, String size, CallControl control)
            throws AiException {
        throw AiException.unsupported(descriptor(), Capability.IMAGE_GENERATION);
    }

    /** A new image made from {@code edit}'s image as its prompt says. */
    default GeneratedImage editImage(ImageEdit edit, CallControl control) throws AiException {
        throw AiException.unsupported(descriptor(), Capability.IMAGE_EDITING);
    }

    /** One vector per text, in order. */
    default List<float[]> embed(String model, List<String> texts, CallControl control) throws AiException {
        throw AiException.unsupported(descriptor(), Capability.EMBEDDINGS);
    }
}
