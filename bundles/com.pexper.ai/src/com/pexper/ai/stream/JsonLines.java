package com.pexper.ai.stream;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

import okio.BufferedSource;
import okio.Okio;

/**
 * A reader of newline-delimited JSON (NDJSON), Ollama's streaming format: one JSON document per
 * line, LF or CRLF, blank lines skipped, a last line without a newline still returned. The lines
 * are handed over as text for the caller's JSON parser.
 */
public final class JsonLines implements Closeable {

    private final BufferedSource source;

    /** Reads {@code in}, a response body as it arrives; closing this closes it. */
    public JsonLines(InputStream in) {
        this.source = Okio.buffer(Okio.source(in));
    }

    /** The next non-blank line, without its line end, or null at the end of the stream. */
    public String next() throws IOException {
        String line;
        while ((line = source.readUtf8Line()) != null) {
            if (!line.isBlank()) {
                return line;
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
