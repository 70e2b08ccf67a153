package com.pexper.ai.keys;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.pexper.ai.Secret;

/** Keys held only for the life of the process: for tests and for embedding without secure storage. */
public final class InMemoryCredentialStore implements CredentialStore {

    private record Entry(String provider, Secret key, List<String> origins) {
    }

    private final Map<String, Entry> keys = new TreeMap<>();

    @Override
    public synchronized Optional<Secret> get(String name) {
        Entry entry = keys.get(name);
        return entry == null ? Optional.empty() : Optional.of(entry.key());
    }

    @Override
    public synchronized Optional<StoredKey> describe(String name) {
        Entry entry = keys.get(name);
        return entry == null ? Optional.empty() : Optional.of(new StoredKey(name, entry.provider(), entry.origins()));
    }

    @Override
    public synchronized void put(String name, String provider, Secret key, String origin) {
        keys.put(CredentialStore.checkName(name), new Entry(provider, key, origin == null ? List.of()
                : List.of(KeyOrigin.of(origin))));
    }

    @Override
    public synchronized boolean allow(String name, String origin) {
        Entry entry = keys.get(name);
        if (entry == null) {
            return false;
        }
        List<String> origins = new ArrayList<>(entry.origins());
        String added = KeyOrigin.of(origin);
        if (!origins.contains(added)) {
            origins.add(added);
        }
        keys.put(name, new Entry(entry.provider(), entry.key(), List.copyOf(origins)));
        return true;
    }

    @Override
    public synchronized boolean remove(String name) {
        return keys.remove(name) != null;
    }

    @Override
    public synchronized List<StoredKey> list() {
        List<StoredKey> result = new ArrayList<>();
        keys.forEach((name, entry) -> result.add(new StoredKey(name, entry.provider(), entry.origins())));
        return result;
    }
}
