package com.pexper.ai;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.pexper.model.text.Quote;
import com.pexper.ai.AiException.Kind;
import com.pexper.ai.http.ProviderHttp;
import com.pexper.ai.http.ProviderJson;
import com.pexper.ai.internal.http.GatedProviderHttp;
import com.pexper.ai.keys.CredentialStore;
import com.pexper.ai.keys.KeyOrigin;
import com.pexper.ai.keys.KeyRedactor;
import com.pexper.net.NetworkGate;

import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The AI providers as nodes use them: each configured with the user's settings, its key looked up by
 * name (or taken from the provider's environment variable), and an HTTP client from the one
 * network gate. The application makes one and gives it to the engine as a service.
 */
public final class AiClients {

    /** Beside a provider's key variable: another origin its key may be sent to (OPENAI_API_KEY_ORIGIN). */
    public static final String ORIGIN_SUFFIX = "_ORIGIN";

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
    private final KeyRedactor redactor = new KeyRedactor();

    /** @param refusal why the key may not go to the provider's address, or null */
    private record Configured(AiProvider provider, String keyValue, String refusal) {
    }

    /**
     * A provider's key and where it may be sent.
     *
     * @param origins the origins it may go to ({@link KeyOrigin})
     * @param unbound how to describe a key without a binding of its own, for messages; null when bound
     */
    private record Key(Secret secret, String name, String variable, List<String> origins, String unbound) {
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

    /**
     * Every key these clients have handed to a provider, to take out of whatever is shown, logged
     * or stored; the application gives it to the engine as its {@code Redactor} service.
     */
    public KeyRedactor redactor() {
        return redactor;
    }

    /** The origin of a provider's built-in address (its extension's, whatever the settings say). */
    public static String builtInOrigin(ProviderDescriptor descriptor) {
        return KeyOrigin.of(descriptor.settings().baseUrl());
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
     * The provider with its key and settings, made once and then reused. A key goes only to the
     * origins it is bound to: when the provider's address is another, the provider is made with a
     * client that refuses every request (the ledger records each refusal) and says how to allow it.
     *
     * @param keyName the stored key to use, or null for the provider's default name
     * @throws AiException when the provider is not installed, needs a key that is not set, or is misconfigured
     */
    public AiProvider provider(String providerId, String keyName) throws AiException {
        ProviderDescriptor descriptor = descriptor(providerId);
        String name = keyName(descriptor, keyName);
        Key key = key(descriptor, name);
        ProviderSettings configured = settings(descriptor);
        String refusal = key == null ? null : refusal(descriptor, configured, key);
        String cacheKey = providerId + '\u0000' + (name == null ? "" : name);
        String keyValue = key == null ? "" : key.secret().reveal();
        Configured made = providers.get(cacheKey);
        if (made == null || !made.keyValue().equals(keyValue) || !java.util.Objects.equals(made.refusal(), refusal)) {
            made = new Configured(create(descriptor, configured, key == null ? null : key.secret(), name, refusal),
                    keyValue, refusal);
            providers.put(cacheKey, made);
        }
        return made.provider();
    }

    private Key key(ProviderDescriptor descriptor, String name) throws AiException {
        if (name != null && Secret.looksLikeAKey(name)) {
            throw new AiException(Kind.NO_KEY, descriptor.label() + ": the key name given is a value "
                    + CredentialStore.PASTED_KEY);
        }
        CredentialSpec spec = descriptor.credential();
        String variable = spec.environmentVariable();
        if (variable != null) {
            String value = environment.get(variable);
            if (value != null && !value.isBlank()) {
                Secret secret;
                try {
                    secret = Secret.of(value);
                } catch (IllegalArgumentException e) {
                    throw new AiException(Kind.NO_KEY, "the environment variable " + variable + " does not hold a"
                            + " usable key: " + e.getMessage());
                }
                redactor.add(secret);
                List<String> origins = new ArrayList<>(List.of(builtInOrigin(descriptor)));
                String also = environment.get(variable + ORIGIN_SUFFIX);
                if (also != null && !also.isBlank()) {
                    try {
                        origins.add(KeyOrigin.of(also));
                    } catch (IllegalArgumentException e) {
                        throw new AiException(Kind.BAD_REQUEST, variable + ORIGIN_SUFFIX + ": " + e.getMessage());
                    }
                }
                return new Key(secret, name, variable, origins, null);
            }
        }
        Optional<Secret> stored;
        Optional<CredentialStore.StoredKey> binding;
        try {
            stored = name == null ? Optional.empty() : credentials.get(name);
            binding = stored.isEmpty() ? Optional.empty() : credentials.describe(name);
        } catch (IOException e) {
            throw new AiException(Kind.NO_KEY, e.getMessage());
        }
        if (stored.isEmpty()) {
            if (spec.required()) {
                throw new AiException(Kind.NO_KEY, descriptor.label() + " needs an API key and none is stored as '"
                        + name + "'. Store it with: ./pexper keys set " + name + " --provider " + descriptor.id()
                        + " < key.txt (or type it at the hidden prompt)" + (variable != null ? ", or set " + variable : "")
                        + (spec.help() != null ? ". " + spec.help() : "."));
            }
            return null;
        }
        redactor.add(stored.get());
        CredentialStore.StoredKey about = binding.orElse(new CredentialStore.StoredKey(name, "", List.of()));
        if (about.problem() != null) {
            throw new AiException(Kind.NO_KEY, about.problem());
        }
        if (!about.origins().isEmpty()) {
            return new Key(stored.get(), name, null, about.origins(), null);
        }
        // Stored before keys were bound, or without a provider: only a built-in address, which no file can change.
        ProviderDescriptor storedFor = registry.find(about.provider()).orElse(descriptor);
        return new Key(stored.get(), name, null, List.of(builtInOrigin(storedFor)), "was stored without an address"
                + " (before keys were bound to one, or without --provider), so it goes only to " + storedFor.label()
                + "'s built-in address");
    }

    /** Why {@code key} may not go to the provider's configured address, or null when it may. */
    private static String refusal(ProviderDescriptor descriptor, ProviderSettings configured, Key key) {
        String origin;
        try {
            origin = KeyOrigin.of(configured.baseUrl());
        } catch (IllegalArgumentException notAnAddress) {
            return null; // create() says what is wrong with the address
        }
        if (key.origins().contains(origin)) {
            return null;
        }
        String bound = String.join(" and ", key.origins());
        String address = descriptor.id() + "'s address is now " + origin + (origin.equals(builtInOrigin(descriptor))
                ? "" : " (baseUrl in PEXPER_HOME/settings/providers.json)");
        if (key.variable() != null) {
            return descriptor.label() + ": the key in " + key.variable() + " goes only to " + bound + ", but " + address
                    + ", so the key was not sent. If you trust " + origin + ", set " + key.variable() + ORIGIN_SUFFIX
                    + "=" + origin + " as well.";
        }
        return descriptor.label() + ": the key '" + key.name() + "' " + (key.unbound() != null ? key.unbound() + " ("
                + bound + ")" : "is bound to " + bound) + ", but " + address + ", so the key was not sent. If you trust "
                + origin + ", allow it with: ./pexper keys allow " + key.name() + " " + origin + " (or store the key"
                + " again for the new address: ./pexper keys set " + key.name() + " --provider " + descriptor.id()
                + " < key.txt).";
    }

    private AiProvider create(ProviderDescriptor descriptor, ProviderSettings configured, Secret key, String name,
            String refusal) throws AiException {
        HttpUrl origin = HttpUrl.parse(configured.baseUrl());
        if (origin == null) {
            throw new AiException(Kind.BAD_REQUEST, descriptor.label() + ": the base URL '" + configured.baseUrl()
                    + "' is not an http(s) address; fix baseUrl for " + descriptor.id()
                    + " in PEXPER_HOME/settings/providers.json.");
        }
        try {
            OkHttpClient client = refusal == null ? gate.clientFor(descriptor.id(), origin)
                    : gate.refusingClientFor(descriptor.id(), origin, refusal);
            ProviderHttp http = new GatedProviderHttp(client, descriptor, configured, redactor, key == null ? null : name,
                    sleeper);
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
        try (InputStream in = Files.newInputStream(file)) {
            root = ProviderJson.parse(in);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(file + " is not valid JSON" + Quote.jsonLocation(e) + ": " + Quote.jsonProblem(e)
                    + "; fix or remove it", e);
        } catch (IOException e) {
            throw new IOException(file + " cannot be read: " + Quote.path(e.getMessage()) + "; fix or remove it", e);
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
