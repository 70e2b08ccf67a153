package com.pexper.cli.internal;

/** The command line is wrong; the message says how. Exits with {@link ExitCode#INVALID}. */
final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
