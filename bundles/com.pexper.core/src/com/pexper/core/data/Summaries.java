package com.pexper.core.data;

/** Keeps value summaries to one readable line. */
final class Summaries {

    static final int MAX = 80;

    private Summaries() {
    }

    static String quote(String text) {
        return "\"" + shorten(text.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r")
                .replace("\t", "\\t").replace("\"", "\\\"")) + "\"";
    }

    static String shorten(String text) {
        if (text.length() <= MAX) {
            return text;
        }
        return text.substring(0, MAX - 3) + "...";
    }
}
