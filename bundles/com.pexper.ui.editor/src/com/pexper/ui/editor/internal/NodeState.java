package com.pexper.ui.editor.internal;

/**
 * How a node stands in its editor's latest run, as the canvas draws it.
 *
 * @param fraction how far a running node is, 0..1
 * @param itemsDone items finished when it runs per item of a list, else -1
 * @param itemCount items in all when it runs per item, else -1
 * @param nanos how long it ran, once done
 * @param message why it failed or was skipped, or which of its items failed; null otherwise
 * @param preview what it produced, or null
 * @param stale whether the node, or one it depends on, was changed since it ran: the preview is out of date
 */
record NodeState(Phase phase, double fraction, int itemsDone, int itemCount, long nanos, String message,
        Preview preview, boolean stale) {

    enum Phase {
        /** Part of a run that has not reached it yet. */
        WAITING("Waiting"),
        QUEUED("Queued"),
        RUNNING("Running"),
        DONE("Done"),
        CACHED("Reused"),
        FAILED("Failed"),
        CANCELLED("Cancelled"),
        SKIPPED("Skipped");

        private final String label;

        Phase(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }

        boolean ended() {
            return ordinal() >= DONE.ordinal();
        }
    }

    static final NodeState NONE = new NodeState(null, 0, -1, -1, 0, null, null, false);

    NodeState in(Phase next) {
        return new NodeState(next, next == Phase.RUNNING ? fraction : 0, itemsDone, itemCount, nanos,
                next.ended() ? message : null, preview, stale);
    }

    NodeState progress(double done, int items, int count) {
        return new NodeState(Phase.RUNNING, done, items, count, nanos, message, preview, stale);
    }

    NodeState ended(Phase end, long took, String why) {
        return new NodeState(end, 1, itemsDone, itemCount, took, why, preview, stale);
    }

    NodeState showing(Preview next) {
        return new NodeState(phase, fraction, itemsDone, itemCount, nanos, message, next, false);
    }

    NodeState outOfDate() {
        return new NodeState(phase, fraction, itemsDone, itemCount, nanos, message, preview, true);
    }

    /** The latest run did not reach the node: it shows what it had before, out of date if it had anything. */
    NodeState notRun() {
        return new NodeState(null, 0, -1, -1, 0, null, preview, preview != null);
    }

    /** A new run is on its way to the node: what it showed stays, dimmed, until the run replaces it. */
    NodeState waiting() {
        return new NodeState(Phase.WAITING, 0, -1, -1, 0, null, preview, preview != null);
    }
}
