package com.pexper.core.internal.engine;

import com.pexper.core.engine.Redactor;
import com.pexper.core.engine.RunEvent;
import com.pexper.core.engine.RunListener;

/**
 * Where a run's events go: to its listeners, with the keys in use redacted from every text. Called
 * from the coordinator and from workers; a listener that throws is logged, never propagated.
 */
final class RunEvents {

    private static final System.Logger LOG = System.getLogger(RunEvents.class.getName());

    private final String runId;
    private final RunListener[] listeners;
    private final Redactor redactor;

    RunEvents(String runId, RunListener[] listeners, Redactor redactor) {
        this.runId = runId;
        this.listeners = listeners;
        this.redactor = redactor;
    }

    String runId() {
        return runId;
    }

    boolean isHeard() {
        return listeners.length > 0;
    }

    String redact(String text) {
        return redactor.redact(text);
    }

    /** A stream's redaction, for the streamed text of one node (or item) run. */
    Redactor.Stream textRedaction() {
        return new Redactor.Stream(redactor);
    }

    void emit(RunEvent event) {
        for (RunListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "a run listener failed on " + event, e);
            }
        }
    }

    /** @param delta already redacted (see {@link #textRedaction()}) */
    void text(NodeRun run, int item, String delta) {
        if (isHeard() && delta != null && !delta.isEmpty()) {
            emit(new RunEvent.NodeText(runId, run.step.id(), item, delta, System.nanoTime()));
        }
    }

    void progress(NodeRun run, int item, int itemCount, double fraction, String message) {
        if (!isHeard()) {
            return;
        }
        double clamped = Math.max(0, Math.min(1, fraction));
        if (item < 0) {
            emit(new RunEvent.NodeProgress(runId, run.step.id(), clamped, redactor.redact(message), -1, -1));
        } else {
            int done = run.resolvedItemsSeen;
            emit(new RunEvent.NodeProgress(runId, run.step.id(), (done + clamped) / Math.max(1, itemCount),
                    redactor.redact(message), done, itemCount));
        }
    }

    void log(NodeRun run, int item, String text) {
        String message = redactor.redact(text);
        emit(new RunEvent.NodeLog(runId, run.step.id(), item < 0 ? message : "item " + (item + 1) + ": " + message));
    }
}
