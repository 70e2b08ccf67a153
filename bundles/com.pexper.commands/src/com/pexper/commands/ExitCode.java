package com.pexper.commands;

/** What {@code pexper} exits with; documented in {@code pexper help} and README.md. */
public final class ExitCode {

    public static final int OK = 0;
    /** Invalid arguments, or a workflow with problems (all of them are listed). */
    public static final int INVALID = 2;
    /** A file cannot be read or parsed. */
    public static final int UNREADABLE = 3;
    /** A node, or an item of a batch, failed; or a server said no. */
    public static final int NODE_FAILED = 4;
    /**
     * Pexper itself failed (an unexpected exception: a bug, not a problem of the workflow): one line
     * on stderr says where the stack trace was logged. 70 is EX_SOFTWARE of sysexits.h.
     */
    public static final int INTERNAL_ERROR = 70;
    /** Interrupted (Ctrl-C); the work was cancelled cleanly. */
    public static final int INTERRUPTED = 130;

    private ExitCode() {
    }
}
