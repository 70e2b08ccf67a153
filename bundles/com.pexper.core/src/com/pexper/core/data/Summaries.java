package com.pexper.core.data;

import com.pexper.model.text.Quote;

/** Keeps value summaries to one readable line. */
final class Summaries {

    private Summaries() {
    }

    /** The text in quotes, shortened, with line breaks, tabs, quotes and backslashes escaped. */
    static String quote(String text) {
        return Quote.of(text);
    }

    static String shorten(String text) {
        return Quote.shorten(text);
    }
}
