package com.pexper.core.engine;

public enum RunStatus {
    /** Every node finished (items of a mapped node may have failed; see their outcomes). */
    SUCCEEDED,
    /** At least one node failed; the independent branches finished. */
    FAILED,
    /** The run was cancelled. */
    CANCELLED
}
