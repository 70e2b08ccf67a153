package com.pexper.ai.openai;

import com.pexper.ai.AiProvider;
import com.pexper.ai.ProviderFactory;
import com.pexper.ai.ProviderSetup;

/** OpenAI's own API. */
public final class OpenAiProviderFactory implements ProviderFactory {

    @Override
    public AiProvider create(ProviderSetup setup) {
        return new OpenAiWire(setup, OpenAiWire.Dialect.OPENAI);
    }
}
