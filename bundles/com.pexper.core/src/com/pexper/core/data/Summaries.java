package com.pexper.core.data;

/** Keeps value summaries to one readable line. */
final class Summaries {

    static final int MAX = 80;

    private Summaries() {
    }

    /** The text in quotes, shortened, with line breaks, tabs, quotes and backslashes escaped. */
    static String quote(String text) {
        int end = Math.min(text.length(), MAX);
        StringBuilder quoted = new StringBuilder(end + 8).append('"');
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                default -> quoted.append(c);
            }
        }
        if (end < text.length() || quoted.length() > MAX + 1) {
            quoted.setLength(Math.min(quoted.length(), MAX - 2));
            quoted.append("...");
        }
        return quoted.append('"').toString();
    }

    static String shorten(String text) {
        if (text.length() <= MAX) {
            return text;
        }
        return text.substring(0, MAX - 3) + "...";
    }
}
