package com.example.pexper.wordcount.internal;

/**
 * Counts words, lines and characters. A word is a run of letters or digits at least
 * {@code minimumLength} long; characters are Unicode code points, so an emoji counts once.
 */
final class WordCounter {

    record Counts(long words, long lines, long characters) {
        Counts plus(Counts other) {
            return new Counts(words + other.words, lines + other.lines, characters + other.characters);
        }
    }

    private WordCounter() {
    }

    static Counts count(String text, long minimumLength) {
        long words = 0;
        long run = 0;
        for (int i = 0; i < text.length();) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isLetterOrDigit(c)) {
                run++;
            } else {
                words += run >= minimumLength ? 1 : 0;
                run = 0;
            }
        }
        words += run >= minimumLength ? 1 : 0;
        long lines = text.isEmpty() ? 0 : text.lines().count();
        return new Counts(words, lines, text.codePointCount(0, text.length()));
    }
}
