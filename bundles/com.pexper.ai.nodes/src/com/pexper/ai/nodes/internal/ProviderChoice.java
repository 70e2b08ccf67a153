package com.pexper.ai.nodes.internal;

import java.util.List;
import java.util.stream.Stream;

import com.pexper.ai.AiClients;
import com.pexper.ai.AiException;
import com.pexper.ai.AiProvider;
import com.pexper.ai.CallControl;
import com.pexper.ai.Capability;
import com.pexper.ai.ProviderSettings;
import com.pexper.ai.Secret;
import com.pexper.ai.keys.CredentialStore;
import com.pexper.core.node.ExecutionContext;
import com.pexper.core.node.InvalidConfigurationException;
import com.pexper.core.node.NodeExecutionException;
import com.pexper.core.node.NodeSignature;
import com.pexper.core.node.ParameterSpec;
import com.pexper.core.node.ParameterType;
import com.pexper.core.node.Parameters;

/**
 * The provider, model and key name an AI node is set to, and how it reaches them at run time: the
 * application's {@link AiClients} from the engine's services, cancellation wired to the HTTP call,
 * and failures turned into node errors that name the provider.
 */
record ProviderChoice(String provider, String model, String keyName) {

    /** Adds the provider, model and key parameters. */
    static NodeSignature.Builder parameters(NodeSignature.Builder signature, String defaultProvider, String modelHelp) {
        return signature.needs(AiClients.class)
                .parameter(ParameterSpec.of("provider", ParameterType.STRING).label("Provider").defaultValue(defaultProvider)
                        .help("The provider's id: openai, anthropic, gemini, ollama, openai-compatible, or one a plug-in"
                                + " adds (./pexper providers lists them)."))
                .parameter(ParameterSpec.of("model", ParameterType.STRING).label("Model").defaultValue("")
                        .help(modelHelp))
                .parameter(ParameterSpec.of("key", ParameterType.CREDENTIAL).label("Key name").defaultValue("")
                        .help("The name of a stored key (./pexper keys set NAME), never the key itself; empty for the"
                                + " provider's default name (openai, anthropic, gemini)."));
    }

    /**
     * @throws InvalidConfigurationException when 'key' holds what looks like a key itself (the message
     *         does not repeat it), or is not a key name
     */
    static ProviderChoice of(Parameters parameters) throws InvalidConfigurationException {
        String key = blankToNull(parameters.string("key"));
        if (key != null) {
            try {
                CredentialStore.checkName(key);
            } catch (IllegalArgumentException e) {
                throw new InvalidConfigurationException((Secret.looksLikeAKey(key) ? "'key' is set to a value "
                        : "'key': ") + e.getMessage());
            }
        }
        return new ProviderChoice(parameters.string("provider").strip(), blankToNull(parameters.string("model")), key);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A provider ready for a call, with the settings it was configured with (the user's, not only the defaults). */
    record Opened(AiProvider ai, ProviderSettings settings) {
    }

    /** The configured provider, checked to have {@code needed}. */
    Opened open(ExecutionContext context, Capability needed) throws NodeExecutionException {
        AiClients clients = context.service(AiClients.class).orElseThrow(() -> new NodeExecutionException(
                "AI providers are not available in this application (no AiClients service); run the workflow with"
                        + " ./pexper run or in the workbench."));
        try {
            AiProvider ai = clients.provider(provider, keyName);
            if (!ai.descriptor().can(needed)) {
                throw AiException.unsupported(ai.descriptor(), needed);
            }
            return new Opened(ai, clients.settings(ai.descriptor()));
        } catch (AiException e) {
            throw failure(e);
        }
    }

    /** The model to use: the node's, else the provider's default of that kind. */
    String modelFor(Opened opened, java.util.function.Function<ProviderSettings, String> providerDefault, String what)
            throws NodeExecutionException {
        AiProvider ai = opened.ai();
        if (model != null) {
            return model;
        }
        String fallback = providerDefault.apply(opened.settings());
        if (fallback == null || fallback.isBlank()) {
            throw new NodeExecutionException(ai.descriptor().label() + " has no default " + what + " model: set the"
                    + " node's 'model', or a default in PEXPER_HOME/settings/providers.json.");
        }
        return fallback;
    }

    NodeExecutionException failure(AiException e) {
        String message = e.getMessage();
        if (e.partialText() != null && !e.partialText().isEmpty() && e.kind() != AiException.Kind.CANCELLED) {
            message += " (" + e.partialText().length() + " characters had arrived; they are in the node's log)";
        }
        return new NodeExecutionException(message, e);
    }

    /** Cancelling the run aborts the node's HTTP call at once. */
    static CallControl control(ExecutionContext context) {
        return new CallControl() {
            @Override
            public boolean isCanceled() {
                return context.isCanceled();
            }

            @Override
            public AutoCloseable onCancel(Runnable action) {
                return context.onCancel(action);
            }
        };
    }

    /** Whether two runs with these settings may give different answers: sampling without a fixed seed. */
    static boolean samples(Parameters parameters) {
        boolean seeded = parameters.isSet("seed");
        boolean greedy = parameters.isSet("temperature") && parameters.decimal("temperature") == 0.0;
        return !greedy && !seeded;
    }

    /** @param defaultTemperature the node's default, or null to leave it to the provider */
    static List<ParameterSpec> samplingParameters(Double defaultTemperature) {
        return Stream.of(
                ParameterSpec.of("temperature", ParameterType.DECIMAL).label("Temperature").range(0, 2)
                        .defaultValue(defaultTemperature).help("0 gives the same answer each time (and lets Pexper reuse it); empty for the provider's"
                                + " default. Above 0 without a seed the node always runs again."),
                ParameterSpec.of("seed", ParameterType.INTEGER).label("Seed")
                        .help("Fixes sampling where the provider supports it (OpenAI, Gemini, Ollama); with a seed the"
                                + " answer is reused from the cache."),
                ParameterSpec.of("maxTokens", ParameterType.INTEGER).label("Max tokens").min(1)
                        .help("Upper bound on the answer's length; empty for the provider's default."))
                .map(ParameterSpec.Builder::build).toList();
    }
}
