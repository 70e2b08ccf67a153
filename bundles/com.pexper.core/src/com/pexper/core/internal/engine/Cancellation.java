package com.pexper.core.internal.engine;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether a run has been cancelled, and what to do when it is: run the actions nodes registered
 * (aborting an HTTP call, say) and interrupt the tasks that are running.
 */
final class Cancellation {

    private static final System.Logger LOG = System.getLogger(Cancellation.class.getName());

    private volatile boolean cancelled;
    private final Set<Runnable> actions = ConcurrentHashMap.newKeySet();
    private final Set<NodeTask> running = ConcurrentHashMap.newKeySet();

    boolean isCancelled() {
        return cancelled;
    }

    /** Cancels once: later calls do nothing. */
    void cancel() {
        if (cancelled) {
            return;
        }
        cancelled = true;
        for (Runnable action : actions) {
            run(action);
        }
        interruptRunning();
    }

    /** For a failure of the coordinator itself: everything stops. */
    void abort() {
        cancelled = true;
        interruptRunning();
    }

    AutoCloseable onCancel(Runnable action) {
        actions.add(action);
        if (cancelled && actions.remove(action)) {
            run(action);
        }
        return () -> actions.remove(action);
    }

    void started(NodeTask task) {
        running.add(task);
    }

    void ended(NodeTask task) {
        running.remove(task);
    }

    private void interruptRunning() {
        for (NodeTask task : running) {
            task.interrupt();
        }
    }

    private static void run(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "a node's cancel action failed", e);
        }
    }
}
