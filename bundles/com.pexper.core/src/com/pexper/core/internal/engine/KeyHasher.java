package com.pexper.core.internal.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.ThreadLocalRandom;

import com.pexper.core.cache.CacheKey;
import com.pexper.core.data.BooleanValue;
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
        } else {
            digest.update((byte) 1);
            long[] words = { key.h0(), key.h1(), key.h2(), key.h3() };
            for (long w : words) {
                for (int i = 56; i >= 0; i -= 8) {
                    digest.update((byte) (w >>> i));
                }
            }
        }
        return this;
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
        digest.update((byte) (value >>> 24));
        digest.update((byte) (value >>> 16));
        digest.update((byte) (value >>> 8));
        digest.update((byte) value);
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
            case FileValue f -> {
                add("file").add(f.path().toString());
                try {
                    BasicFileAttributes attributes = Files.readAttributes(f.path(), BasicFileAttributes.class,
                            LinkOption.NOFOLLOW_LINKS);
                    add(Long.toString(attributes.size())).add(Long.toString(attributes.lastModifiedTime().toMillis()));
                } catch (IOException e) {
                    add("missing");
                }
            }
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
