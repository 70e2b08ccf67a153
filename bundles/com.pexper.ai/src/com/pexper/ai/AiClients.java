package com.pexper.ai;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.pexper.ai.AiException.Kind;
import com.pexper.ai.http.ProviderHttp;
import com.pexper.ai.keys.CredentialStore;
import com.pexper.net.NetworkGate;

import okhttp3.HttpUrl;

/**
 * The AI providers as nodes use them: each configured with the user's settings, its key looked up by
 * name (or taken from the provider's environment variable), and an HTTP client from the one
 * network gate. The application makes one and gives it to the engine as a service.
 */
public final class AiClients {

    /** Where a provider's key comes from, for listings; never the key itself. */
    public enum KeySource {
        ENVIRONMENT, STORED, MISSING, NOT_NEEDED
    }

    private final ProviderRegistry registry;
    private final CredentialStore credentials;
    private final NetworkGate gate;
    private final Map<String, Map<String, String>> settings;
    private final Map<String, String> environment;
    private final ProviderHttp.Sleeper sleeper;
    private final Map<String, Configured> providers = new ConcurrentHashMap<>();

    private record Configured(AiProvider provider, String keyValue) {
    }

    private AiClients(Builder builder) {
        this.registry = Objects.requireNonNull(builder.registry, "registry");
        this.credentials = Objects.requireNonNull(builder.credentials, "credentials");
        this.gate = Objects.requireNonNull(builder.gate, "gate");
        this.settings = Map.copyOf(builder.settings);
        this.environment = Map.copyOf(builder.environment);
        this.sleeper = builder.sleeper;
    }

    public static Builder builder() {
        return new Builder();
    }

    public ProviderRegistry registry() {
        return registry;
    }

    /** The gate these clients send through: the one door out, which other senders (model downloads) share. */
    public NetworkGate gate() {
        return gate;
    }

    public CredentialStore credentials() {
        return credentials;
    }

    /** A provider's settings: its defaults with the user's changes. */
    public ProviderSettings settings(ProviderDescriptor descriptor) throws AiException {
        Map<String, String> changes = settings.getOrDefault(descriptor.id(), Map.of());
        try {
            return descriptor.settings().with(changes);
        } catch (IllegalArgumentException e) {
            throw new AiException(Kind.BAD_REQUEST, "settings of " + descriptor.id()
                    + " in PEXPER_HOME/settings/providers.json: " + e.getMessage());
        }
    }

    public ProviderDescriptor descriptor(String providerId) throws AiException {
        return registry.find(providerId).orElseThrow(() -> new AiException(Kind.UNSUPPORTED, "there is no AI provider '"
                + providerId + "'; ./pexper providers lists the installed ones ("
                + String.join(", ", registry.all().stream().map(ProviderDescriptor::id).toList()) + ")"));
    }

    /** The key name a node uses when it names none. */
    public static String keyName(ProviderDescriptor descriptor, String named) {
        return named != null && !named.isBlank() ? named.strip() : descriptor.credential().defaultName();
    }

    public KeySource keySource(ProviderDescriptor descriptor, String keyName) throws IOException {
        String variable = descriptor.credential().environmentVariable();
        if (variable != null && environment.get(variable) != null && !environment.get(variable).isBlank()) {
            return KeySource.ENVIRONMENT;
        }
        String name = keyName(descriptor, keyName);
        if (name != null && credentials.get(name).isPresent()) {
            return KeySource.STORED;
        }
        return descriptor.credential().required() ? KeySource.MISSING : KeySource.NOT_NEEDED;
    }

    /**
     * The provider with its key and settings, made once and then reused.
     *
     * @param keyName the stored key to use, or null for the provider's default name
     * @throws AiException when the provider is not installed, needs a key that is not set, or is misconfigured
     */
    public AiProvider provider(String providerId, String keyName) throws AiException {
        ProviderDescriptor descriptor = descriptor(providerId);
        String name = keyName(descriptor, keyName);
        Secret key = key(descriptor, name);
        String cacheKey = providerId + '\u0000' + (name == null ? "" : name);
        String keyValue = key == null ? "" : key.reveal();
        Configured configured = providers.get(cacheKey);
        if (configured == null || !configured.keyValue().equals(keyValue)) {
            configured = new Configured(create(descriptor, key, name), keyValue);
            providers.put(cacheKey, configured);
        }
        return configured.provider();
    }

    private Secret key(ProviderDescriptor descriptor, String name) throws AiException {
        CredentialSpec spec = descriptor.credential();
        String variable = spec.environmentVariable();
        if (variable != null) {
            String value = environment.get(variable);
            if (value != null && !value.isBlank()) {
                try {
                    return Secret.of(value);
                } catch (IllegalArgumentException e) {
                    throw new AiException(Kind.NO_KEY, "the environment variable " + variable + " does not hold a"
                            + " usable key: " + e.getMessage());
                }
            }
        }
        Optional<Secret> stored;
        try {
            stored = name == null ? Optional.empty() : credentials.get(name);
        } catch (IOException e) {
            throw new AiException(Kind.NO_KEY, e.getMessage());
        }
        if (stored.isEmpty() && spec.required()) {
            throw new AiException(Kind.NO_KEY, descriptor.label() + " needs an API key and none is stored as '" + name
                    + "'. Store it with: ./pexper keys set " + name + " --provider " + descriptor.id()
                    + " (it reads the key from standard input)" + (variable != null ? ", or set " + variable : "")
                    + (spec.help() != null ? ". " + spec.help() : "."));
        }
        return stored.orElse(null);
    }

    private AiProvider create(ProviderDescriptor descriptor, Secret key, String name) throws AiException {
        ProviderSettings configured = settings(descriptor);
        HttpUrl origin = HttpUrl.parse(configured.baseUrl());
        if (origin == null) {
            throw new AiException(Kind.BAD_REQUEST, descriptor.label() + ": the base URL '" + configured.baseUrl()
                    + "' is not an http(s) address; fix baseUrl for " + descriptor.id()
                    + " in PEXPER_HOME/settings/providers.json.");
        }
        try {
            ProviderHttp http = new ProviderHttp(gate.clientFor(descriptor.id(), origin), descriptor, configured, key,
                    key == null ? null : name, sleeper);
            return descriptor.factory().get().create(new ProviderSetup(descriptor, configured, key,
                    key == null ? null : name, http));
        } catch (IllegalArgumentException e) {
            throw new AiException(Kind.REFUSED, e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            throw new AiException(Kind.UNSUPPORTED, "the provider '" + descriptor.id() + "' (from "
                    + descriptor.contributor() + ") could not be loaded: " + e
                    + ". Update or reinstall the plug-in that provides it.");
        }
    }

    /**
     * Reads PEXPER_HOME/settings/providers.json: {@code {"ollama": {"baseUrl": "http://127.0.0.1:11434"}}}.
     * A missing file means no changes.
     *
     * @throws IOException naming the file when it is not such an object
     */
    public static Map<String, Map<String, String>> readSettings(Path file) throws IOException {
        if (!Files.exists(file)) {
            return Map.of();
        }
        JsonNode root;
        try {
            // Not ProviderHttp.JSON: loading ProviderHttp loads OkHttp, which a command that sends nothing must not pay for.
            root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException(file + " is not valid JSON: " + e.getMessage() + "; fix or remove it", e);
        }
        if (root == null || !root.isObject()) {
            throw new IOException(file + " must hold an object of provider ids, each with its settings");
        }
        Map<String, Map<String, String>> result = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> provider : root.properties()) {
            Map<String, String> values = new HashMap<>();
            for (Map.Entry<String, JsonNode> setting : provider.getValue().properties()) {
                values.put(setting.getKey(), setting.getValue().asText());
            }
            result.put(provider.getKey(), values);
        }
        return result;
    }

    public static final class Builder {
        private ProviderRegistry registry;
        private CredentialStore credentials;
        private NetworkGate gate;
        private Map<String, Map<String, String>> settings = Map.of();
        private Map<String, String> environment = Map.of();
        private ProviderHttp.Sleeper sleeper = ProviderHttp.Sleeper.REAL;

        public Builder registry(ProviderRegistry value) {
            registry = value;
            return this;
        }

        public Builder credentials(CredentialStore value) {
            credentials = value;
            return this;
        }

        public Builder gate(NetworkGate value) {
            gate = value;
            return this;
        }

        /** The user's changes by provider id (see {@link AiClients#readSettings}). */
        public Builder settings(Map<String, Map<String, String>> value) {
            settings = value;
            return this;
        }

        /** Where the providers' key variables (OPENAI_API_KEY ...) are looked up; System.getenv() in the application. */
        public Builder environment(Map<String, String> value) {
            environment = value;
            return this;
        }

        public Builder sleeper(ProviderHttp.Sleeper value) {
            sleeper = value;
            return this;
        }

        public AiClients build() {
            return new AiClients(this);
        }
    }
}
