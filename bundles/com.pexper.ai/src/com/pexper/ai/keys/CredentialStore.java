package com.pexper.ai.keys;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import com.pexper.ai.Secret;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Where API keys live, by name. Workflows hold only the name; the value never leaves the store
 * except into the request that needs it. Each key is bound to the origins it may be sent to
 * ({@link KeyOrigin}): the one of the provider it was stored for, and those the user allowed
 * since. A store keeps the binding where a workflow that rewrites the settings files cannot
 * change it.
 */
@ProviderType
public interface CredentialStore {

    /**
     * A stored key's name, the provider it is for ("" when not said) and the origins it may be sent
     * to; never its value.
     *
     * @param origins empty when the key was stored without one (before keys were bound, or without a provider)
     * @param problem why the binding cannot be trusted (the store was altered), else null; then origins is empty
     */
    record StoredKey(String name, String provider, List<String> origins, String problem) {
        public StoredKey {
            provider = provider == null ? "" : provider;
            origins = List.copyOf(origins);
        }

        public StoredKey(String name, String provider, List<String> origins) {
            this(name, provider, origins, null);
        }
    }

    Optional<Secret> get(String name) throws IOException;

    /** The key's provider and binding, without its value; empty when there is no such key. */
    Optional<StoredKey> describe(String name) throws IOException;

    /**
     * Stores a key, replacing any by that name, bound to {@code origin} only.
     *
     * @param origin where it may be sent ({@link KeyOrigin#of}), or null for no binding
     */
    void put(String name, String provider, Secret key, String origin) throws IOException;

    /**
     * Lets a stored key also be sent to {@code origin}.
     *
     * @return false when there is no key by that name
     */
    boolean allow(String name, String origin) throws IOException;

    /** @return false when there was no key by that name */
    boolean remove(String name) throws IOException;

    List<StoredKey> list() throws IOException;

    /**
     * Checks a key name: letters, digits, '.', '-' and '_', at most 64 characters. A value that
     * looks like a key itself ({@link Secret#looksLikeAKey}) is refused without being repeated.
     */
    static String checkName(String name) {
        if (Secret.looksLikeAKey(name)) {
            throw new IllegalArgumentException(PASTED_KEY);
        }
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            throw new IllegalArgumentException("'" + name + "' is not a key name: use letters, digits, '.', '-' and"
                    + " '_', starting with a letter or digit, at most 64 characters (for example openai or work-openai)");
        }
        return name;
    }

    /** What to say when a key was given where its name belongs; it does not repeat the value. */
    String PASTED_KEY = "that looks like an API key itself, not the name of one (it is not repeated here, so that it"
            + " stays off the screen and out of logs). Store the key under a name, reading it from a file or the"
            + " hidden prompt: ./pexper keys set NAME < key.txt, then refer to it by NAME (for example openai or"
            + " work-openai). If the key was shared along with a workflow, revoke it at the provider.";
}
