package com.pexper.ai.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.pexper.ai.CallControl;

/** A call control a test cancels by hand, as the engine does when the user presses Stop. */
public final class TestCallControl implements CallControl {

    private final List<Runnable> actions = new CopyOnWriteArrayList<>();
    private volatile boolean cancelled;

    public void cancel() {
        cancelled = true;
        actions.forEach(Runnable::run);
    }

    @Override
    public boolean isCanceled() {
        return cancelled;
    }

    @Override
    public AutoCloseable onCancel(Runnable action) {
        actions.add(action);
        if (cancelled) {
            action.run();
        }
        return () -> actions.remove(action);
    }
}
