package com.pexper.core.cache;

import java.util.HexFormat;

/**
 * A 256-bit content hash identifying a node's result: its type, version, parameters and the keys
 * of its inputs (as ComfyUI does), so equal keys mean equal work.
 */
public record CacheKey(long h0, long h1, long h2, long h3) {

    public static CacheKey of(byte[] sha256) {
        if (sha256.length != 32) {
            throw new IllegalArgumentException("a cache key is 32 bytes");
        }
        return new CacheKey(word(sha256, 0), word(sha256, 8), word(sha256, 16), word(sha256, 24));
    }

    private static long word(byte[] b, int at) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (b[at + i] & 0xFF);
        }
        return v;
    }

    public byte[] bytes() {
        byte[] b = new byte[32];
        long[] words = { h0, h1, h2, h3 };
        for (int w = 0; w < 4; w++) {
            for (int i = 0; i < 8; i++) {
                b[w * 8 + i] = (byte) (words[w] >>> (56 - 8 * i));
            }
        }
        return b;
    }

    public String hex() {
        return HexFormat.of().formatHex(bytes());
    }

    public static CacheKey parse(String hex) {
        return of(HexFormat.of().parseHex(hex));
    }

    @Override
    public String toString() {
        return hex().substring(0, 12);
    }
}
