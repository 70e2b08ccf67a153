package com.pexper.ai.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.pexper.core.home.SettingsProblems;
import com.pexper.core.contribution.Contributions;
import com.pexper.ai.AiClients;
import com.pexper.ai.AiException;
import com.pexper.ai.AiException.Kind;
import com.pexper.ai.AiProvider;
import com.pexper.ai.CredentialSpec;
import com.pexper.ai.ProviderDescriptor;
import com.pexper.ai.ProviderRegistry;
import com.pexper.ai.ProviderSettings;
import com.pexper.ai.ProviderSetup;
import com.pexper.ai.Secret;
import com.pexper.ai.http.ProviderHttp;
import com.pexper.ai.internal.http.GatedProviderHttp;
import com.pexper.ai.keys.CredentialStore;
import com.pexper.ai.keys.KeyOrigin;
import com.pexper.ai.keys.KeyRedactor;
import com.pexper.core.home.PexperHome;
import com.pexper.net.NetworkGate;

import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The {@link AiClients} of the application: as a Declarative Services component, the providers of
 * the extension registry with the user's settings from PEXPER_HOME/settings/providers.json, keys
 * from the credential store service (or the providers' environment variables), and HTTP clients
 * from the network gate service. Tests make their own with the plain constructor (or
 * {@link AiClients#builder()}).
 */
@Component(service = { AiClients.class, SettingsProblems.class })
public final class ConfiguredAiClients implements AiClients {

    private final ProviderRegistry registry;
    private final CredentialStore credentials;
    private final NetworkGate gate;
    /** Replaced whole when the user changes a provider's settings while Pexper runs. */
    private volatile Map<String, Map<String, String>> settings;
    /** PEXPER_HOME/settings/providers.json for the installed application; null for clients a test made. */
    private final Path settingsFile;
    private final Map<String, String> environment;
    private final ProviderHttp.Sleeper sleeper;
    private final Map<String, Configured> providers = new ConcurrentHashMap<>();
    private final KeyRedactor redactor = new KeyRedactor();
    private final List<String> settingsProblems;

    /** @param refusal why the key may not go to the provider's address, or null */
    private record Configured(AiProvider provider, String keyValue, String refusal, ProviderSettings settings) {
    }

    /**
     * A provider's key and where it may be sent.
     *
     * @param origins the origins it may go to ({@link KeyOrigin})
     * @param unbound how to describe a key without a binding of its own, for messages; null when bound
     */
    private record Key(Secret secret, String name, String variable, List<String> origins, String unbound) {
    }

    /** The installed application's clients (PEXPER_HOME from the environment, as every part of Pexper finds it). */
    @Activate
    public ConfiguredAiClients(@Reference NetworkGate gate, @Reference CredentialStore credentials,
            @Reference Contributions contributions) {
        this(ProviderRegistry.following(contributions), credentials, gate, PexperHome.fromEnvironment(), System.getenv());
    }

    private ConfiguredAiClients(ProviderRegistry registry, CredentialStore credentials, NetworkGate gate, PexperHome home,
            Map<String, String> environment) {
        this(registry, credentials, gate, ProviderSettingsFile.readInstalled(home), environment,
                home.settings().resolve("providers.json"));
    }

    private ConfiguredAiClients(ProviderRegistry registry, CredentialStore credentials, NetworkGate gate,
            ProviderSettingsFile.Read settings, Map<String, String> environment, Path settingsFile) {
        this(registry, credentials, gate, settings.changes(), environment, ProviderHttp.Sleeper.REAL, settings.problems(),
                settingsFile);
    }

    /**
     * @param settings the user's changes by provider id (see {@link AiClients#readSettings})
     * @param environment where the providers' key variables (OPENAI_API_KEY ...) are looked up
     * @param settingsProblems what was wrong with the settings the caller read, for {@link #settingsProblems()}
     */
    public ConfiguredAiClients(ProviderRegistry registry, CredentialStore credentials, NetworkGate gate,
            Map<String, Map<String, String>> settings, Map<String, String> environment, ProviderHttp.Sleeper sleeper,
            List<String> settingsProblems) {
        this(registry, credentials, gate, settings, environment, sleeper, settingsProblems, null);
    }

    /** @param settingsFile where {@link #changeSettings} writes, or null to change these clients only */
    public ConfiguredAiClients(ProviderRegistry registry, CredentialStore credentials, NetworkGate gate,
            Map<String, Map<String, String>> settings, Map<String, String> environment, ProviderHttp.Sleeper sleeper,
            List<String> settingsProblems, Path settingsFile) {
        this.settingsFile = settingsFile;
        this.registry = Objects.requireNonNull(registry, "registry");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.gate = Objects.requireNonNull(gate, "gate");
        this.settings = Map.copyOf(settings);
        this.environment = Map.copyOf(environment);
        this.sleeper = sleeper;
        this.settingsProblems = List.copyOf(settingsProblems);
    }

    @Override
    public ProviderRegistry registry() {
        return registry;
    }

    /** As a component: providers installed or removed while Pexper runs are followed until then. */
    @Deactivate
    void deactivate() {
        registry.close();
    }

    @Override
    public NetworkGate gate() {
        return gate;
    }

    @Override
    public CredentialStore credentials() {
        return credentials;
    }

    @Override
    public KeyRedactor redactor() {
        return redactor;
    }

    @Override
    public ProviderSettings settings(ProviderDescriptor descriptor) throws AiException {
        Map<String, String> changes = settings.getOrDefault(descriptor.id(), Map.of());
        try {
            return descriptor.settings().with(changes);
        } catch (IllegalArgumentException e) {
            throw new AiException(Kind.BAD_REQUEST, "settings of " + descriptor.id()
                    + " in PEXPER_HOME/settings/providers.json: " + e.getMessage());
        }
    }

    @Override
    public synchronized void changeSettings(String providerId, Map<String, String> changes) throws IOException {
        ProviderDescriptor descriptor = registry.find(providerId).orElseThrow(
                () -> new IllegalArgumentException("there is no AI provider '" + providerId + "'"));
        AiClients.checkedSettings(descriptor, changes);
        if (settingsFile != null) {
            ProviderSettingsFile.write(settingsFile, providerId, changes);
        }
        Map<String, Map<String, String>> next = new java.util.HashMap<>(settings);
        if (changes.isEmpty()) {
            next.remove(providerId);
        } else {
            next.put(providerId, Map.copyOf(changes));
        }
        settings = Map.copyOf(next);
    }

    @Override
    public ProviderDescriptor descriptor(String providerId) throws AiException {
        return registry.find(providerId).orElseThrow(() -> new AiException(Kind.UNSUPPORTED, "there is no AI provider '"
                + providerId + "'; ./pexper providers lists the installed ones ("
                + String.join(", ", registry.all().stream().map(ProviderDescriptor::id).toList()) + ")"));
    }

    @Override
    public KeySource keySource(ProviderDescriptor descriptor, String keyName) throws IOException {
        String variable = descriptor.credential().environmentVariable();
        if (variable != null && environment.get(variable) != null && !environment.get(variable).isBlank()) {
            return KeySource.ENVIRONMENT;
        }
        String name = AiClients.keyName(descriptor, keyName);
        if (name != null && credentials.get(name).isPresent()) {
            return KeySource.STORED;
        }
        return descriptor.credential().required() ? KeySource.MISSING : KeySource.NOT_NEEDED;
    }

    @Override
    public AiProvider provider(String providerId, String keyName) throws AiException {
        ProviderDescriptor descriptor = descriptor(providerId);
        String name = AiClients.keyName(descriptor, keyName);
        Key key = key(descriptor, name);
        ProviderSettings configured = settings(descriptor);
        String refusal = key == null ? null : refusal(descriptor, configured, key);
        String cacheKey = providerId + '\u0000' + (name == null ? "" : name);
        String keyValue = key == null ? "" : key.secret().reveal();
        Configured made = providers.get(cacheKey);
        if (made == null || !made.keyValue().equals(keyValue) || !Objects.equals(made.refusal(), refusal)
                || !made.settings().equals(configured)) {
            made = new Configured(create(descriptor, configured, key == null ? null : key.secret(), name, refusal),
                    keyValue, refusal, configured);
            providers.put(cacheKey, made);
        }
        return made.provider();
    }

    @Override
    public Optional<OriginChange> originChange(String providerId, String keyName) {
        try {
            ProviderDescriptor descriptor = descriptor(providerId);
            String name = AiClients.keyName(descriptor, keyName);
            Key key = key(descriptor, name);
            if (key == null || key.variable() != null) {
                return Optional.empty();
            }
            String origin = KeyOrigin.of(settings(descriptor).baseUrl());
            return key.origins().contains(origin) ? Optional.empty()
                    : Optional.of(new OriginChange(descriptor.id(), name, key.origins(), origin));
        } catch (AiException | IllegalArgumentException e) {
            return Optional.empty(); // the node says what is wrong when it runs
        }
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
                List<String> origins = new ArrayList<>(List.of(AiClients.builtInOrigin(descriptor)));
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
        return new Key(stored.get(), name, null, List.of(AiClients.builtInOrigin(storedFor)), "was stored without an address"
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
        String address = descriptor.id() + "'s address is now " + origin + (origin.equals(AiClients.builtInOrigin(descriptor))
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

    @Override
    public List<String> settingsProblems() {
        return settingsProblems;
    }
}
