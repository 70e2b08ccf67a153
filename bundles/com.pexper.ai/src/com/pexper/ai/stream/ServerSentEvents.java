package com.pexper.ai.stream;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

import okio.BufferedSource;
import okio.Okio;
import okio.ByteString;

/**
 * A reader of {@code text/event-stream} as the HTML standard defines it, the wire format of
 * streaming from OpenAI, Anthropic and Gemini: lines end with CRLF, LF or CR; a leading BOM is
 * dropped; {@code event}, {@code data} (joined with newlines), {@code id} and {@code retry} fields;
 * comments; an event is dispatched at a blank line, and one cut off by the end of the stream is
 * dropped. Reads straight from the socket's buffer, one event at a time.
 */
public final class ServerSentEvents implements Closeable {

    /** One dispatched event; {@code type} is {@code message} unless the stream named it. */
    public record Event(String type, String data, String id) {
    }

    private static final ByteString LINE_ENDS = ByteString.encodeUtf8("\r\n");
    private static final ByteString BOM = ByteString.decodeHex("efbbbf");

    private final BufferedSource source;
    private final StringBuilder data = new StringBuilder();
    private String type;
    private String lastEventId = "";
    private long retryMillis = -1;
    private boolean started;
    private boolean afterCr;

    /** Reads {@code in}, a response body as it arrives; closing this closes it. */
    public ServerSentEvents(InputStream in) {
        this.source = Okio.buffer(Okio.source(in));
    }

    /** The next event, or null at the end of the stream. */
    public Event next() throws IOException {
        if (!started) {
            started = true;
            if (source.rangeEquals(0, BOM)) {
                source.skip(BOM.size());
            }
        }
        while (true) {
            if (afterCr) {
                // a CR ended the last line: an LF right after it belongs to it (checked only now, so
                // that a stream ending its lines with bare CRs is not held up waiting for one)
                afterCr = false;
                if (source.request(1) && source.getBuffer().getByte(0) == '\n') {
                    source.skip(1);
                }
            }
            long end = source.indexOfElement(LINE_ENDS);
            if (end < 0) {
                return null; // end of stream: an unfinished event is dropped
            }
            String line = source.readUtf8(end);
            afterCr = source.readByte() == '\r';
            if (line.isEmpty()) {
                if (data.isEmpty()) {
                    type = null;
                    continue;
                }
                data.setLength(data.length() - 1); // the last data line's newline
                Event event = new Event(type == null ? "message" : type, data.toString(), lastEventId);
                data.setLength(0);
                type = null;
                return event;
            }
            field(line);
        }
    }

    private void field(String line) {
        if (line.charAt(0) == ':') {
            return; // a comment, often a keep-alive
        }
        int colon = line.indexOf(':');
        String name = colon < 0 ? line : line.substring(0, colon);
        int from = colon < 0 ? line.length() : colon + 1;
        if (from < line.length() && line.charAt(from) == ' ') {
            from++;
        }
        String value = line.substring(from);
        switch (name) {
            case "data" -> data.append(value).append('\n');
            case "event" -> type = value;
            case "id" -> {
                if (value.indexOf('\0') < 0) {
                    lastEventId = value;
                }
            }
            case "retry" -> {
                if (!value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    retryMillis = Long.parseLong(value);
                }
            }
            default -> {
                // unknown fields are ignored, as the standard says
            }
        }
    }

    /** The last {@code id} the stream set ("" if none), for resuming. */
    public String lastEventId() {
        return lastEventId;
    }

    /** The reconnection time the stream asked for, or -1. */
    public long retryMillis() {
        return retryMillis;
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
