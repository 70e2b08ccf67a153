package com.pexper.core.engine;

public enum NodeStatus {
    SUCCEEDED,
    FAILED,
    CANCELLED,
    /** Not run because a node it depends on failed or was cancelled. */
    SKIPPED
}
