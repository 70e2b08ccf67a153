package com.pexper.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pexper.model.text.Quote;

class QuoteTest {

    @Test
    void userTextIsQuotedWithAtMostEightyCharactersAndAnEllipsis() {
        assertEquals("\"short\"", Quote.of("short"));
        String quoted = Quote.of("x".repeat(30_000));
        assertEquals(Quote.MAX + 2, quoted.length(), quoted);
        assertTrue(quoted.endsWith("...\""), quoted);
        assertEquals("\"" + "y".repeat(Quote.MAX) + "\"", Quote.of("y".repeat(Quote.MAX)), "exactly MAX is not cut");
        assertEquals(Quote.MAX, Quote.shorten("z".repeat(500)).length());
        assertEquals("null", Quote.of(null));
    }

    @Test
    void quotedTextStaysOnOneLineWithControlCharactersVisible() {
        assertEquals("\"a\\nb\\t\\\"c\\\" \\\\ \\u0000\"", Quote.of("a\nb\t\"c\" \\ \u0000"));
        assertEquals("it's \"as is\" \\u0007", Quote.shorten("it's \"as is\" \u0007"));
        String emoji = "\uD83D\uDE00".repeat(100);
        String cut = Quote.shorten(emoji);
        assertFalse(Character.isHighSurrogate(cut.charAt(cut.length() - 4)), "no half of a character before ...");
    }

    @Test
    void aJsonParsersComplaintLosesItsSourceDescriptionClassNamesAndLongTokens() {
        ObjectMapper json = new ObjectMapper();
        JsonProcessingException token = assertThrows(JsonProcessingException.class,
                () -> json.readTree("{\"a\": " + "b".repeat(30_000) + "}"));
        assertTrue(token.getMessage().contains("[Source:"), "what Jackson says by itself: " + token.getMessage());
        String problem = Quote.jsonProblem(token);
        assertTrue(problem.startsWith("Unrecognized token 'bbb"), problem);
        assertTrue(problem.length() < 3 * Quote.MAX, problem);
        assertFalse(problem.contains("Source") || problem.contains("line:"), problem);
        assertEquals(" (line 1, column 7)", Quote.jsonLocation(token), "where the token starts");

        JsonProcessingException unclosed = assertThrows(JsonProcessingException.class,
                () -> json.readTree("{\"a\": [1, 2"));
        String end = Quote.jsonProblem(unclosed);
        assertFalse(end.contains("Source") || end.contains("start marker"), end);
        assertTrue(end.startsWith("Unexpected end-of-input"), end);

        JsonProcessingException typed = assertThrows(JsonProcessingException.class,
                () -> json.readValue("{\"a\": 1}", java.util.List.class));
        String mismatch = Quote.jsonProblem(typed);
        assertFalse(mismatch.contains("java.util") || mismatch.contains("JsonToken") || mismatch.contains("`"),
                mismatch);
    }
}
