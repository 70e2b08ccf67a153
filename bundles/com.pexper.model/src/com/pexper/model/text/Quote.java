package com.pexper.model.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * The one place where user text goes into a message: bounded, on one line, and free of the JSON
 * parser's internals. A message quotes at most {@link #MAX} characters of what the user wrote, so
 * that a 30 KB parameter or document does not become a 30 KB error.
 */
public final class Quote {

    /** The most characters of user text a message quotes. */
    public static final int MAX = 80;
    private static final String ELLIPSIS = "...";
    /** Jackson's description of where it read from: "[Source: (String)"..."; line: 1, column: 5]". */
    private static final Pattern SOURCE = Pattern.compile(
            "\\s*\\(?(?:start marker )?at \\[Source: .*?; line: \\d+, column: \\d+\\]\\)?", Pattern.DOTALL);
    /** Jackson's "(for input source: ...)" and ", from `StreamReadConstraints.getMaxNumberLength()`" remarks. */
    private static final Pattern REMARK = Pattern.compile("\\s*\\(for input source[^)]*\\)|,?\\s*from `[^`]*`");
    /** A Java class or method name in backticks: `java.util.ArrayList<java.lang.Object>`, `JsonToken.START_OBJECT`. */
    private static final Pattern CODE = Pattern.compile("`[^`]*[.$][^`]*`");
    /** A token Jackson quotes: 'abc...'. */
    private static final Pattern TOKEN = Pattern.compile("'([^'\\n]*)'");

    private Quote() {
    }

    /**
     * The text in double quotes, with line breaks, tabs, quotes and backslashes escaped, cut to
     * {@link #MAX} characters with "..." when it is longer. "null" for null.
     */
    public static String of(String text) {
        return text == null ? "null" : '"' + escaped(text, MAX, true) + '"';
    }

    /** The text as it is (no quotes), on one line, cut to {@link #MAX} characters with "...". */
    public static String shorten(String text) {
        return shorten(text, MAX);
    }

    /** Like {@link #shorten(String)} with a bound of one's own. */
    public static String shorten(String text, int max) {
        return text == null ? "null" : escaped(text, max, false);
    }

    /** The longest path a message shows whole; real ones are far shorter. */
    public static final int MAX_PATH = 240;

    /**
     * A file path for a message, on one line: whole up to {@link #MAX_PATH} characters, else its
     * start and its end around "...", so that the file's name still shows.
     */
    public static String path(Object path) {
        if (path == null) {
            return "null";
        }
        String text = escaped(path.toString(), Integer.MAX_VALUE - 8, false);
        if (text.length() <= MAX_PATH) {
            return text;
        }
        int head = MAX_PATH / 2 - 2;
        int tail = MAX_PATH - head - ELLIPSIS.length();
        return text.substring(0, head) + ELLIPSIS + text.substring(text.length() - tail);
    }

    private static String escaped(String text, int max, boolean quoted) {
        StringBuilder result = new StringBuilder(Math.min(text.length(), max) + 8);
        for (int i = 0; i < text.length(); i++) {
            if (result.length() >= max) {
                return cut(result, max);
            }
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> result.append("\\n");
                case '\r' -> result.append("\\r");
                case '\t' -> result.append("\\t");
                case '"' -> result.append(quoted ? "\\\"" : "\"");
                case '\\' -> result.append(quoted ? "\\\\" : "\\");
                default -> result.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return result.length() > max ? cut(result, max) : result.toString();
    }

    private static String cut(StringBuilder text, int max) {
        text.setLength(Math.max(0, max - ELLIPSIS.length()));
        if (!text.isEmpty() && Character.isHighSurrogate(text.charAt(text.length() - 1))) {
            text.setLength(text.length() - 1);
        }
        return text.append(ELLIPSIS).toString();
    }

    /**
     * What a JSON parser found wrong, for people: without the source description ("[Source: ...]"),
     * Java class names or configuration hints, tokens it quotes cut to {@link #MAX} characters.
     * The location is not included; see {@link #jsonLocation(JsonProcessingException)}.
     */
    public static String jsonProblem(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        if (message == null || message.isBlank()) {
            return "malformed JSON";
        }
        message = SOURCE.matcher(message).replaceAll("");
        message = REMARK.matcher(message).replaceAll("");
        message = CODE.matcher(message).replaceAll("a value");
        Matcher token = TOKEN.matcher(message);
        StringBuilder bounded = new StringBuilder();
        while (token.find()) {
            token.appendReplacement(bounded, Matcher.quoteReplacement("'" + shorten(token.group(1)) + "'"));
        }
        token.appendTail(bounded);
        return shorten(bounded.toString().strip(), 3 * MAX);
    }

    /** " (line L, column C)" where the parser was, or "" when it does not say. */
    public static String jsonLocation(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        return at == null || at.getLineNr() < 1 ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }
}
