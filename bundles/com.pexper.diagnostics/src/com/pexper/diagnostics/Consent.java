package com.pexper.diagnostics;

import java.util.Locale;

/**
 * What the user allows Pexper to collect about itself. Off until the user chooses otherwise; the
 * headless runner never asks.
 */
public enum Consent {

    /** Nothing is collected, kept or sent. */
    OFF("off", "Nothing is collected and nothing is sent."),

    /** A report when Pexper fails unexpectedly. */
    CRASHES("crashes", """
            When Pexper fails unexpectedly: the exception's types and messages, with file paths, \
            user names, e-mail and IP addresses, URLs' queries, keys and tokens, your prompts and \
            your labels taken out; the frames of the stack trace that are Pexper's, the platform's \
            or Java's; and the device: operating system, architecture, Java version, cores, memory, \
            screen scale, Pexper's version and its bundles'. No identifier links two reports."""),

    /** Crash reports, and what a session used. */
    ALL("all", """
            Crash reports as above, and at the end of each session: which commands and node types \
            (by their id) it used and how often, never parameters, names or content; how long it \
            lasted and whether it ended in a crash (the crash-free session rate)."""),
    ;

    private final String word;
    private final String sends;

    Consent(String word, String sends) {
        this.word = word;
        this.sends = sends;
    }

    /** How settings and the command line name it: {@code off}, {@code crashes}, {@code all}. */
    public String word() {
        return word;
    }

    /** What this level sends, in words, for the preference page and {@code pexper diagnostics status}. */
    public String sends() {
        return sends;
    }

    public boolean crashReports() {
        return this != OFF;
    }

    public boolean usage() {
        return this == ALL;
    }

    /** @throws IllegalArgumentException naming the words there are */
    public static Consent of(String word) {
        String w = word == null ? "" : word.trim().toLowerCase(Locale.ROOT);
        for (Consent c : values()) {
            if (c.word.equals(w)) {
                return c;
            }
        }
        throw new IllegalArgumentException("'" + word + "' is not a diagnostics level; say off, crashes or all");
    }
}
