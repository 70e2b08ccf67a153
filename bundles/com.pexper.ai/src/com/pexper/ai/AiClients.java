package com.pexper.ai;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.pexper.core.home.SettingsProblems;
import com.pexper.ai.http.ProviderHttp;
import com.pexper.ai.internal.ConfiguredAiClients;
import com.pexper.ai.internal.ProviderSettingsFile;
import com.pexper.ai.keys.CredentialStore;
import com.pexper.ai.keys.KeyOrigin;
import com.pexper.ai.keys.KeyRedactor;
import com.pexper.net.NetworkGate;

/**
 * The AI providers as nodes use them: each configured with the user's settings, its key looked up by
 * name (or taken from the provider's environment variable), and an HTTP client from the one
 * network gate. The application gets them as a service (a Declarative Services component of this
 * bundle) and gives them to the engine; tests make their own with {@link #builder()}.
 */
public interface AiClients extends SettingsProblems {

    /** Beside a provider's key variable: another origin its key may be sent to (OPENAI_API_KEY_ORIGIN). */
    String ORIGIN_SUFFIX = "_ORIGIN";

    /** Where a provider's key comes from, for listings; never the key itself. */
    enum KeySource {
        ENVIRONMENT, STORED, MISSING, NOT_NEEDED
    }

    static Builder builder() {
        return new Builder();
    }

    ProviderRegistry registry();

    /** The gate these clients send through: the one door out, which other senders (model downloads) share. */
    NetworkGate gate();

    CredentialStore credentials();

    /**
     * Every key these clients have handed to a provider, to take out of whatever is shown, logged
     * or stored; the application gives it to the engine as its {@code Redactor} service.
     */
    KeyRedactor redactor();

    /** A provider's settings: its defaults with the user's changes. */
    ProviderSettings settings(ProviderDescriptor descriptor) throws AiException;

    ProviderDescriptor descriptor(String providerId) throws AiException;

    KeySource keySource(ProviderDescriptor descriptor, String keyName) throws IOException;

    /**
     * The provider with its key and settings, made once and then reused. A key goes only to the
     * origins it is bound to: when the provider's address is another, the provider is made with a
     * client that refuses every request (the ledger records each refusal) and says how to allow it.
     *
     * @param keyName the stored key to use, or null for the provider's default name
     * @throws AiException when the provider is not installed, needs a key that is not set, or is misconfigured
     */
    AiProvider provider(String providerId, String keyName) throws AiException;

    /**
     * Changes a provider's settings (the keys of {@link ProviderSettings#with}) for these clients at
     * once and, for the installed application, in PEXPER_HOME/settings/providers.json, every other
     * provider's entry kept: what the Providers preference page saves. No changes put the provider
     * back to its defaults.
     *
     * @throws IllegalArgumentException naming a setting that cannot be used (not a number, an
     *         address that is not https:// to a host other than this computer); nothing is changed
     * @throws IOException when providers.json cannot be read (it is not overwritten) or written
     */
    void changeSettings(String providerId, Map<String, String> changes) throws IOException;

    /**
     * What was wrong with the settings these clients were made from (a providers.json that cannot
     * be read is ignored), for the application to show; empty when nothing was.
     */
    @Override
    List<String> settingsProblems();

    /**
     * Stores a key under a name in these clients' store, bound to the origin of the provider's
     * address as configured now: the only place it will be sent (as {@code pexper keys set} does).
     *
     * @param providerId the provider it is for, or null for none (then only a provider's built-in address takes it)
     * @return the origin it is bound to, or null without a provider
     * @throws IllegalArgumentException when the name is not a key name (the message never repeats a pasted key)
     * @throws AiException when the provider is not installed or its address cannot be used
     */
    default String storeKey(String name, String providerId, Secret key) throws AiException, IOException {
        CredentialStore.checkName(name);
        String origin = null;
        if (providerId != null) {
            ProviderDescriptor descriptor = descriptor(providerId);
            try {
                origin = KeyOrigin.of(settings(descriptor).baseUrl());
            } catch (IllegalArgumentException e) {
                throw new AiException(AiException.Kind.BAD_REQUEST, providerId + "'s address cannot be used ("
                        + e.getMessage() + "); fix its baseUrl in PEXPER_HOME/settings/providers.json", null, e);
            }
        }
        credentials().put(name, providerId, key, origin);
        return origin;
    }

    /**
     * A stored key that would not be sent, because its provider's address is not one the key is
     * bound to: someone changed the address (in providers.json, or a workflow before workflows were
     * confined) and the user decides whether the key may go there.
     *
     * @param allowed the origins the key may go to now
     * @param origin the origin of the provider's address as configured now
     */
    record OriginChange(String providerId, String keyName, List<String> allowed, String origin) {
        public OriginChange {
            allowed = List.copyOf(allowed);
        }
    }

    /**
     * Whether the stored key a node would use (the named one or the provider's default) is kept
     * from the provider's configured address; empty when it may go there, when the key comes from
     * the environment (its variable says where it may go), or when there is no such provider or key
     * (the node says so when it runs).
     */
    Optional<OriginChange> originChange(String providerId, String keyName);

    /**
     * Lets a stored key also go to {@code origin}, as {@code pexper keys allow} does; a key stored
     * without an address keeps its provider's built-in one too.
     *
     * @return the origins it may go to now, or empty when there is no such key
     * @throws IOException when the binding cannot be trusted (the store was altered) or not written
     */
    default List<String> allowKey(String name, String origin) throws IOException {
        Optional<CredentialStore.StoredKey> stored = credentials().describe(name);
        if (stored.isEmpty()) {
            return List.of();
        }
        if (stored.get().problem() != null) {
            throw new IOException(stored.get().problem());
        }
        if (stored.get().origins().isEmpty()) {
            // keep what the key was allowed without a binding: its provider's built-in address
            Optional<ProviderDescriptor> provider = registry().find(stored.get().provider());
            if (provider.isPresent()) {
                credentials().allow(name, builtInOrigin(provider.get()));
            }
        }
        credentials().allow(name, KeyOrigin.of(origin));
        return credentials().describe(name).orElseThrow().origins();
    }

    /**
     * A provider's settings with {@code changes}, if they can be used: numbers where numbers go, an
     * http:// or https:// address, and https:// for any host but this computer (the gate's rule).
     *
     * @throws IllegalArgumentException saying which setting cannot be used and why
     */
    static ProviderSettings checkedSettings(ProviderDescriptor descriptor, Map<String, String> changes) {
        ProviderSettings changed = descriptor.settings().with(changes);
        okhttp3.HttpUrl address = okhttp3.HttpUrl.parse(changed.baseUrl().strip());
        if (address == null) {
            throw new IllegalArgumentException("'" + changed.baseUrl() + "' is not an http:// or https:// address");
        }
        if (!address.isHttps() && !NetworkGate.isLoopback(address.host())) {
            throw new IllegalArgumentException(address.host() + " is not this computer, so its address must start with"
                    + " https://");
        }
        return changed;
    }

    /** The origin of a provider's built-in address (its extension's, whatever the settings say). */
    static String builtInOrigin(ProviderDescriptor descriptor) {
        return KeyOrigin.of(descriptor.settings().baseUrl());
    }

    /** The key name a node uses when it names none. */
    static String keyName(ProviderDescriptor descriptor, String named) {
        return named != null && !named.isBlank() ? named.strip() : descriptor.credential().defaultName();
    }

    /**
     * Reads PEXPER_HOME/settings/providers.json: {@code {"ollama": {"baseUrl": "http://127.0.0.1:11434"}}}.
     * A missing file means no changes.
     *
     * @throws IOException naming the file when it is not such an object
     */
    static Map<String, Map<String, String>> readSettings(Path file) throws IOException {
        return ProviderSettingsFile.read(file);
    }

    final class Builder {
        private ProviderRegistry registry;
        private CredentialStore credentials;
        private NetworkGate gate;
        private Map<String, Map<String, String>> settings = Map.of();
        private Map<String, String> environment = Map.of();
        private ProviderHttp.Sleeper sleeper = ProviderHttp.Sleeper.REAL;

        private Builder() {
        }

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
            return new ConfiguredAiClients(registry, credentials, gate, settings, environment, sleeper, List.of());
        }
    }
}
