package com.pexper.ai.keys;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import com.pexper.ai.Secret;

/**
 * Where API keys live, by name. Workflows hold only the name; the value never leaves the store
 * except into the request that needs it.
 */
public interface CredentialStore {

    /** A stored key's name and the provider it is for ("" when not said); never its value. */
    record StoredKey(String name, String provider) {
        public StoredKey {
            provider = provider == null ? "" : provider;
        }
    }

    Optional<Secret> get(String name) throws IOException;

    void put(String name, String provider, Secret key) throws IOException;

    /** @return false when there was no key by that name */
    boolean remove(String name) throws IOException;

    List<StoredKey> list() throws IOException;

    /** Checks a key name: letters, digits, '.', '-' and '_', at most 64 characters. */
    static String checkName(String name) {
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            throw new IllegalArgumentException("'" + name + "' is not a key name: use letters, digits, '.', '-' and"
                    + " '_', starting with a letter or digit, at most 64 characters (for example openai or work-openai)");
        }
        return name;
    }
}
