package com.pexper.cli.internal;

import java.util.List;

/** A command cannot go on: each message is printed after {@code pexper: }, and it exits with the code. */
final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    private final int exitCode;
    private final List<String> messages;

    Refused(int exitCode, List<String> messages) {
        super(String.join("; ", messages));
        this.exitCode = exitCode;
        this.messages = List.copyOf(messages);
    }

    int exitCode() {
        return exitCode;
    }

    List<String> messages() {
        return messages;
    }
}
