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
    /** Interrupted (Ctrl-C); the run was cancelled cleanly. */
    static final int INTERRUPTED = 130;

    private ExitCode() {
    }
}
