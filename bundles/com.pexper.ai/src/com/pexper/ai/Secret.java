package com.pexper.ai;

import java.util.Objects;

/**
 * An API key in memory. It never prints itself: {@link #toString()} is a fixed mask, so a key
 * that slips into a message, log record or exception shows as {@code ****}.
 */
public final class Secret {

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /** @throws IllegalArgumentException for an empty key, or one with line breaks (a pasting accident) */
    public static Secret of(String value) {
        Objects.requireNonNull(value, "value");
        String trimmed = value.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("the key is empty");
        }
        if (trimmed.indexOf('\n') >= 0 || trimmed.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("the key has a line break in it; paste only the key");
        }
        return new Secret(trimmed);
    }

    /** The key itself, for the one place that sends it: the request header or parameter. */
    public String reveal() {
        return value;
    }

    /** Replaces the key, and anything starting with its first 8 characters, in a text that is about to be shown. */
    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text.replace(value, "****");
        if (value.length() >= 12) {
            String prefix = value.substring(0, 8);
            int at;
            while ((at = result.indexOf(prefix)) >= 0) {
                int end = at;
                while (end < result.length() && !Character.isWhitespace(result.charAt(end))
                        && result.charAt(end) != '"' && result.charAt(end) != '\'') {
                    end++;
                }
                result = result.substring(0, at) + "****" + result.substring(end);
            }
        }
        return result;
    }

    @Override
    public String toString() {
        return "****";
    }
}
