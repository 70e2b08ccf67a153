package com.pexper.core.node;

/** Thrown by {@link ExecutionContext#checkCanceled()} once the run has been cancelled. */
public final class CancelledException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CancelledException() {
        super("cancelled", null, false, false);
    }
}
