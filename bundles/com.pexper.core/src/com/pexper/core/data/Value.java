package com.pexper.core.data;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A value produced by a node. Values are immutable and safe to share between threads and runs;
 * the engine caches them.
 */
@ProviderType
public interface Value {

    DataType type();

    /** An estimate of the memory this value holds, for bounding the cache. */
    long sizeBytes();

    /** A short description for progress output and run records: never more than a line. */
    String summary();
}
