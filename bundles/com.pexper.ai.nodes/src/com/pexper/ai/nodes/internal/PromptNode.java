package com.pexper.ai.nodes.internal;

import java.util.List;

import com.pexper.ai.AiClients;
import com.pexper.ai.AiException;
import com.pexper.ai.AiProvider;
import com.pexper.ai.Capability;
import com.pexper.ai.ProviderSettings;
import com.pexper.ai.ChatResult;
import com.pexper.core.data.DataType;
import com.pexper.core.data.TextValue;
import com.pexper.core.node.ExecutionContext;
import com.pexper.core.node.InvalidConfigurationException;
import com.pexper.core.node.NodeExecutionException;
import com.pexper.core.node.NodeExecutor;
import com.pexper.core.node.NodeFactory;
import com.pexper.core.node.NodeSignature;
import com.pexper.core.node.Outputs;
import com.pexper.core.node.Parameters;
import com.pexper.core.node.PortSpec;

/** Asks a chat model; the answer streams into the run's events as it is written. */
public final class PromptNode implements NodeFactory {

    private static final NodeSignature BASE = base();

    private static NodeSignature base() {
        NodeSignature.Builder signature = NodeSignature.builder()
                .output(PortSpec.output("text", DataType.TEXT, "The model's answer."));
        ProviderChoice.parameters(signature, "ollama", "The chat model; empty for the provider's default.")
                .parameter(ChatSettings.systemParameter())
                .parameter(ChatSettings.promptParameter(null, "What to ask."));
        ProviderChoice.samplingParameters(null).forEach(signature::parameter);
        return signature.dynamicInputs("one Text input per {{placeholder}} in 'prompt' and 'system'").waitsOnIo().build();
    }

    @Override
    public NodeSignature signature() {
        return BASE;
    }

    @Override
    public NodeSignature signature(Parameters parameters) throws InvalidConfigurationException {
        return ChatSettings.signature(BASE, parameters);
    }

    @Override
    public NodeExecutor configure(Parameters parameters) throws InvalidConfigurationException {
        ProviderChoice choice = ProviderChoice.of(parameters);
        ChatSettings chat = ChatSettings.of(parameters);
        return (inputs, context) -> {
            ProviderChoice.Opened opened = choice.open(context, Capability.CHAT);
            AiProvider ai = opened.ai();
            String model = choice.modelFor(opened, ProviderSettings::defaultModel, "chat");
            return Outputs.of("text", TextValue.of(ask(choice, ai, chat, model, inputs::text, context).text()));
        };
    }

    /** Asks and streams the answer into the run's events; a cut stream's text goes to the node's log. */
    static ChatResult ask(ProviderChoice choice, AiProvider ai, ChatSettings chat, String model,
            java.util.function.Function<String, String> values, ExecutionContext context) throws NodeExecutionException {
        return ask(choice, ai, chat.request(model, values, List.of(), null), context);
    }

    static ChatResult ask(ProviderChoice choice, AiProvider ai, com.pexper.ai.ChatRequest request,
            ExecutionContext context) throws NodeExecutionException {
        context.progress(0, "asking " + ai.descriptor().label() + " (" + request.model() + ")");
        try {
            ChatResult answer = ai.chat(request, context::text, ProviderChoice.control(context));
            // A key the server echoes is not an answer: the result is shown, stored and passed on without it.
            String text = context.service(AiClients.class).map(clients -> clients.redactor().redact(answer.text()))
                    .orElse(answer.text());
            return new ChatResult(text, answer.model(), answer.finishReason(), answer.inputTokens(), answer.outputTokens());
        } catch (AiException e) {
            if (e.kind() == AiException.Kind.CANCELLED) {
                context.checkCanceled();
            }
            if (e.partialText() != null && !e.partialText().isEmpty()) {
                context.log("partial answer before the error: " + e.partialText());
            }
            throw choice.failure(e);
        }
    }
}
