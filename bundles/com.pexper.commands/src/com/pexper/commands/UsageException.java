package com.pexper.commands;

/** The command line is wrong; the message says how. Exits with {@link ExitCode#INVALID}. */
public final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
