package com.pexper.ai.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.pexper.ai.stream.JsonLines;
import com.pexper.ai.stream.ServerSentEvents;
import com.pexper.ai.stream.ServerSentEvents.Event;

class StreamFormatsTest {

    private static List<Event> events(String text) throws IOException {
        return events(utf8(text));
    }

    private static InputStream utf8(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<Event> events(InputStream source) throws IOException {
        List<Event> events = new ArrayList<>();
        try (ServerSentEvents sse = new ServerSentEvents(source)) {
            for (Event e; (e = sse.next()) != null;) {
                events.add(e);
            }
        }
        return events;
    }

    @ParameterizedTest
    @ValueSource(strings = { "\n", "\r\n", "\r" })
    void anAnthropicStyleStreamParsesWithAnyLineEnding(String eol) throws IOException {
        String stream = String.join(eol, "event: message_start", "data: {\"type\":\"message_start\"}", "",
                ": keep-alive", "", "event: content_block_delta", "data: {\"delta\":{\"text\":\"Hé \\ud83d\\udc13\"}}",
                "", "event: message_stop", "data: {}", "", "");
        assertEquals(List.of(new Event("message_start", "{\"type\":\"message_start\"}", ""),
                new Event("content_block_delta", "{\"delta\":{\"text\":\"Hé \\ud83d\\udc13\"}}", ""),
                new Event("message_stop", "{}", "")), events(stream));
    }

    @Test
    void fieldsFollowTheStandard() throws IOException {
        String stream = "\uFEFFdata: first\ndata:second\ndata\n\n" // BOM dropped; lines joined; "data" alone is ""
                + "id: 7\nretry: 3000\ndata:  two spaces\n\n" // only one leading space is removed
                + "event: ping\n\n" // no data: nothing dispatched, the type is reset
                + "data: [DONE]\n\n"
                + "data: cut off by the end";
        ServerSentEvents sse = new ServerSentEvents(utf8(stream));
        assertEquals(new Event("message", "first\nsecond\n", ""), sse.next());
        assertEquals(new Event("message", " two spaces", "7"), sse.next());
        assertEquals(3000, sse.retryMillis());
        assertEquals(new Event("message", "[DONE]", "7"), sse.next());
        assertNull(sse.next(), "an event without its blank line is dropped at the end");
        assertEquals("7", sse.lastEventId());
    }

    /** A stream arriving a few bytes at a time, splitting CRLFs and UTF-8 sequences, as a socket may. */
    @Test
    void eventsSplitAcrossReadsComeOutWhole() throws IOException {
        String stream = "data: {\"text\":\"ça va \\ud83d\\ude00\"}\r\n\r\ndata: two\r\n\r\n";
        byte[] bytes = stream.getBytes(StandardCharsets.UTF_8);
        InputStream trickle = new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] into, int offset, int length) {
                return super.read(into, offset, Math.min(3, length));
            }
        };
        assertEquals(List.of(new Event("message", "{\"text\":\"ça va \\ud83d\\ude00\"}", ""), new Event("message", "two", "")),
                events(trickle));
    }

    @Test
    void jsonLinesSkipBlankLinesAndKeepALastLineWithoutNewline() throws IOException {
        JsonLines lines = new JsonLines(utf8("{\"a\":1}\r\n\n  \n{\"b\":\"é\"}\n{\"done\":true}"));
        assertEquals("{\"a\":1}", lines.next());
        assertEquals("{\"b\":\"é\"}", lines.next());
        assertEquals("{\"done\":true}", lines.next());
        assertNull(lines.next());
    }
}
