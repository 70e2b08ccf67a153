package com.pexper.core.cache;

import org.osgi.annotation.versioning.ProviderType;

/** Results of earlier node executions, by content hash. Implementations are thread-safe. */
@ProviderType
public interface ResultCache {

    /** The fresh result stored under this key, or null. */
    CachedResult get(CacheKey key);

    void put(CacheKey key, CachedResult result);

    /** Number of results held. */
    int size();

    /** Memory the held results take, as estimated by their values. */
    long sizeBytes();

    void clear();
}
