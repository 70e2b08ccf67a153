package com.pexper.ai.keys;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.pexper.ai.Secret;

/** Keys held only for the life of the process: for tests and for embedding without secure storage. */
public final class InMemoryCredentialStore implements CredentialStore {

    private record Entry(String provider, Secret key) {
    }

    private final Map<String, Entry> keys = new TreeMap<>();

    @Override
    public synchronized Optional<Secret> get(String name) {
        Entry entry = keys.get(name);
        return entry == null ? Optional.empty() : Optional.of(entry.key());
    }

    @Override
    public synchronized void put(String name, String provider, Secret key) {
        keys.put(CredentialStore.checkName(name), new Entry(provider, key));
    }

    @Override
    public synchronized boolean remove(String name) {
        return keys.remove(name) != null;
    }

    @Override
    public synchronized List<StoredKey> list() {
        List<StoredKey> result = new ArrayList<>();
        keys.forEach((name, entry) -> result.add(new StoredKey(name, entry.provider())));
        return result;
    }
}
