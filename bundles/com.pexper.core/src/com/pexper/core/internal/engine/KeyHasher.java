package com.pexper.core.internal.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.ThreadLocalRandom;

import com.pexper.core.cache.CacheKey;
import com.pexper.core.data.BooleanValue;
import com.pexper.core.data.FileStamp;
import com.pexper.core.data.FileValue;
import com.pexper.core.data.NumberValue;
import com.pexper.core.data.TextValue;
import com.pexper.core.data.Value;

/** Builds SHA-256 cache keys. One instance per thread; not thread-safe. */
final class KeyHasher {

    private static final MessageDigest PROTOTYPE;

    static {
        try {
            PROTOTYPE = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final MessageDigest digest;
    private final byte[] scratch = new byte[33];

    KeyHasher() {
        try {
            digest = (MessageDigest) PROTOTYPE.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    KeyHasher begin(byte[] tag) {
        digest.reset();
        digest.update(tag);
        return this;
    }

    KeyHasher add(CacheKey key) {
        if (key == null) {
            digest.update((byte) 0);
            return this;
        }
        scratch[0] = 1;
        putLong(key.h0(), 1);
        putLong(key.h1(), 9);
        putLong(key.h2(), 17);
        putLong(key.h3(), 25);
        digest.update(scratch, 0, 33);
        return this;
    }

    private void putLong(long value, int at) {
        for (int i = 0; i < 8; i++) {
            scratch[at + i] = (byte) (value >>> (56 - 8 * i));
        }
    }

    KeyHasher add(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        add(bytes.length);
        digest.update(bytes);
        return this;
    }

    KeyHasher add(byte[] bytes) {
        add(bytes.length);
        digest.update(bytes);
        return this;
    }

    KeyHasher add(int value) {
        scratch[0] = (byte) (value >>> 24);
        scratch[1] = (byte) (value >>> 16);
        scratch[2] = (byte) (value >>> 8);
        scratch[3] = (byte) value;
        digest.update(scratch, 0, 4);
        return this;
    }

    CacheKey finish() {
        return CacheKey.of(digest.digest());
    }

    /**
     * Adds the content of a value when it can be described cheaply, so that list items are keyed by
     * what they are rather than where they are (adding a file to a folder leaves the other items'
     * keys alone). Returns false for values it cannot describe.
     */
    boolean addContent(Value value) {
        switch (value) {
            case TextValue t -> add("text").add(t.text());
            case NumberValue n -> add("number").add(Double.toString(n.value()));
            case BooleanValue b -> add("boolean").add(Boolean.toString(b.value()));
            case FileValue f -> add("file").add(FileStamp.describe(f.path()));
            default -> {
                return false;
            }
        }
        return true;
    }

    /** A key that matches nothing: for nodes whose results must never be reused. */
    static CacheKey unique() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new CacheKey(random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong());
    }
}
