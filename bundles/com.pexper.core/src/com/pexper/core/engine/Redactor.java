package com.pexper.core.engine;

import java.util.Objects;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Takes secrets out of text before the engine shows or keeps it: node errors, item failures, log
 * and progress messages, streamed text and the output summaries of run records. The core knows no
 * secrets; the engine finds one among the application's services ({@link ServiceDirectory}; in
 * Pexper the AI bundle registers it) and uses {@link #NONE} without one.
 */
@ProviderType
public interface Redactor {

    Redactor NONE = text -> text;

    /** The text with every secret this redactor knows taken out; null stays null. */
    String redact(String text);

    /**
     * For text that arrives in pieces: how many characters at the end of {@code text} (as it came,
     * not redacted) could begin a secret that the next piece completes, and so must wait for it.
     * Zero by default: a redactor that says nothing here is only sound for whole texts.
     */
    default int undecided(String text) {
        return 0;
    }

    /**
     * Redacts one stream of pieces (a node's streamed answer): a piece's end that could begin a
     * secret is held back until the next piece decides it, or until {@link #flush()}.
     */
    final class Stream {
        private final Redactor redactor;
        /** The undecided end, as it came: kept in memory only. */
        private String pending = "";

        public Stream(Redactor redactor) {
            this.redactor = Objects.requireNonNull(redactor, "redactor");
        }

        /** @return what may be shown now, redacted: the text up to any undecided end ("" when all of it waits) */
        public synchronized String push(String piece) {
            String text = pending + piece;
            int hold = Math.max(0, Math.min(text.length(), redactor.undecided(text)));
            pending = text.substring(text.length() - hold);
            return redactor.redact(text.substring(0, text.length() - hold));
        }

        /** @return the text still held back, redacted, at the end of the stream */
        public synchronized String flush() {
            String rest = pending;
            pending = "";
            return redactor.redact(rest);
        }
    }
}
