package com.pexper.ai.keys;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.pexper.ai.Secret;
import com.pexper.core.engine.Redactor;

/**
 * Every key this process has used, taken out of any text in every form it can take (see
 * {@link Secret#redact}). One per application: {@code AiClients} adds each key it hands to a
 * provider, server quotes pass through it, and the engine (as its {@link Redactor} service), the
 * command line and its log file apply it to errors, logs, streamed text and run records.
 */
public final class KeyRedactor implements Redactor {

    private final List<Secret> keys = new CopyOnWriteArrayList<>();

    /** Remembers a key, from now on redacted wherever this redactor is applied. */
    public synchronized void add(Secret key) {
        if (key != null && keys.stream().noneMatch(key::sameAs)) {
            keys.add(key);
        }
    }

    @Override
    public String redact(String text) {
        String result = text;
        for (Secret key : keys) {
            result = key.redact(result);
        }
        return result;
    }

    @Override
    public int undecided(String text) {
        int longest = 0;
        for (Secret key : keys) {
            longest = Math.max(longest, key.undecided(text));
        }
        return longest;
    }
}
