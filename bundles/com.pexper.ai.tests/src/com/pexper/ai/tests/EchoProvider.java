package com.pexper.ai.tests;

import com.pexper.ai.AiProvider;
import com.pexper.ai.CallControl;
import com.pexper.ai.ChatRequest;
import com.pexper.ai.ChatResult;
import com.pexper.ai.ProviderDescriptor;
import com.pexper.ai.ProviderFactory;
import com.pexper.ai.ProviderSetup;
import com.pexper.ai.TokenSink;

/** A provider contributed from another bundle, as a third party would: it answers with the prompt. */
public final class EchoProvider implements AiProvider {

    public static final class Factory implements ProviderFactory {
        @Override
        public AiProvider create(ProviderSetup setup) {
            return new EchoProvider(setup.descriptor());
        }
    }

    private final ProviderDescriptor descriptor;

    EchoProvider(ProviderDescriptor descriptor) {
        this.descriptor = descriptor;
    }

    @Override
    public ProviderDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public ChatResult chat(ChatRequest request, TokenSink sink, CallControl control) {
        sink.token(request.prompt());
        return new ChatResult(request.prompt(), request.model(), "stop", -1, -1);
    }
}
