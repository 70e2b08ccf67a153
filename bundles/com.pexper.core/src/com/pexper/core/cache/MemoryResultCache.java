package com.pexper.core.cache;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Results in memory, bounded in bytes, least recently used evicted first. One result larger than a
 * quarter of the bound is not kept, so that a single huge value cannot flush everything else.
 */
public final class MemoryResultCache implements ResultCache {

    /** 256 MiB. */
    public static final long DEFAULT_MAX_BYTES = 256L << 20;

    private final long maxBytes;
    private final LinkedHashMap<CacheKey, CachedResult> entries = new LinkedHashMap<>(1024, 0.75f, true);
    private long bytes;

    public MemoryResultCache(long maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("the cache bound must be positive");
        }
        this.maxBytes = maxBytes;
    }

    public MemoryResultCache() {
        this(DEFAULT_MAX_BYTES);
    }

    @Override
    public synchronized CachedResult get(CacheKey key) {
        CachedResult result = entries.get(key);
        if (result != null && !result.isFresh()) {
            remove(key);
            return null;
        }
        return result;
    }

    @Override
    public synchronized void put(CacheKey key, CachedResult result) {
        if (result.sizeBytes() > maxBytes / 4) {
            return;
        }
        CachedResult previous = entries.put(key, result);
        if (previous != null) {
            bytes -= previous.sizeBytes();
        }
        bytes += result.sizeBytes();
        Iterator<Map.Entry<CacheKey, CachedResult>> eldest = entries.entrySet().iterator();
        while (bytes > maxBytes && eldest.hasNext()) {
            bytes -= eldest.next().getValue().sizeBytes();
            eldest.remove();
        }
    }

    private void remove(CacheKey key) {
        CachedResult removed = entries.remove(key);
        if (removed != null) {
            bytes -= removed.sizeBytes();
        }
    }

    @Override
    public synchronized int size() {
        return entries.size();
    }

    @Override
    public synchronized long sizeBytes() {
        return bytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    @Override
    public synchronized void clear() {
        entries.clear();
        bytes = 0;
    }

    /** A snapshot of the entries, least recently used first: the order that restores recency when put back. */
    synchronized List<Map.Entry<CacheKey, CachedResult>> eldestFirst() {
        return new ArrayList<>(entries.entrySet());
    }
}
