package com.pexper.ai;

/** Receives a streamed answer piece by piece, on the calling thread, as the server sends it. */
@FunctionalInterface
public interface TokenSink {

    TokenSink IGNORE = text -> {
    };

    void token(String text);
}
