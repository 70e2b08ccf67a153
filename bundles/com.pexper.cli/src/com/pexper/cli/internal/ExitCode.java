package com.pexper.cli.internal;

/** What `pexper` exits with; documented in `pexper help` and README.md. */
final class ExitCode {

    static final int OK = 0;
    /** Invalid arguments, or a workflow with problems (all of them are listed). */
    static final int INVALID = 2;
    /** A file cannot be read or parsed. */
    static final int UNREADABLE = 3;
    /** A node, or an item of a batch, failed. */
    static final int NODE_FAILED = 4;
    /**
     * Pexper itself failed (an unexpected exception: a bug, not a problem of the workflow): one line
     * on stderr says where the stack trace was logged. 70 is EX_SOFTWARE of sysexits.h.
     */
    static final int INTERNAL_ERROR = 70;
    /** Interrupted (Ctrl-C); the run was cancelled cleanly. */
    static final int INTERRUPTED = 130;

    private ExitCode() {
    }
}
