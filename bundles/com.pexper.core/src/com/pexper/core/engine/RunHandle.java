package com.pexper.core.engine;

import java.time.Duration;

import org.osgi.annotation.versioning.ProviderType;

/** A run in progress. */
@ProviderType
public interface RunHandle {

    String runId();

    /**
     * Asks the run to stop: nothing new starts, running nodes stop at their next cancellation check
     * (threads blocked in I/O are interrupted), partial output files are removed.
     */
    void cancel();

    /** Waits for the run to end, after cancelling or not. */
    RunResult await() throws InterruptedException;

    /** Waits at most this long; null if the run has not ended by then. */
    RunResult await(Duration timeout) throws InterruptedException;

    boolean isDone();
}
