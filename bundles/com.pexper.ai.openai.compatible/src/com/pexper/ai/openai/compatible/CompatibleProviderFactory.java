package com.pexper.ai.openai.compatible;

import com.pexper.ai.AiProvider;
import com.pexper.ai.ProviderFactory;
import com.pexper.ai.ProviderSetup;
import com.pexper.ai.openai.OpenAiWire;

/**
 * Servers that speak OpenAI's API at another address: LM Studio, the llama.cpp server, vLLM. The
 * wire format is OpenAI's, in the subset those servers accept (max_tokens, no stream_options).
 */
public final class CompatibleProviderFactory implements ProviderFactory {

    @Override
    public AiProvider create(ProviderSetup setup) {
        return new OpenAiWire(setup, OpenAiWire.Dialect.COMPATIBLE);
    }
}
