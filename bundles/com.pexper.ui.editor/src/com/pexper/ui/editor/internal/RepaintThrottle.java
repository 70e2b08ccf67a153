package com.pexper.ui.editor.internal;

import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;

/**
 * Merges changes that come from other threads (a run's events, thousands a second) into at most one
 * update of the UI every {@link #INTERVAL_MILLIS}, or less often when an update takes long (ten
 * thousand nodes on screen), so that updates never take more than a fifth of the UI thread (nor of
 * the cores the run needs): one request waits on the UI thread at a time, and the engine never
 * waits on the UI.
 */
public final class RepaintThrottle implements Runnable {

    /** 30 updates a second: as smooth as the eye needs, and most of the UI thread stays free. */
    static final int INTERVAL_MILLIS = 33;

    private final Control control;
    private final Display display;
    private final Runnable update;
    private final AtomicBoolean pending = new AtomicBoolean();
    private long last;
    /** How long the last update took, the paint included. */
    private long took;

    /** @param update run on the UI thread, while the control is not disposed; the control is painted after it */
    public RepaintThrottle(Control control, Runnable update) {
        this.control = control;
        this.display = control.getDisplay();
        this.update = update;
    }

    /** Asks for an update; from any thread, returns at once. */
    @Override
    public void run() {
        if (pending.compareAndSet(false, true) && !display.isDisposed()) {
            display.asyncExec(this::flush);
        }
    }

    private void flush() {
        if (control.isDisposed()) {
            return;
        }
        long now = System.nanoTime();
        long interval = Math.max(INTERVAL_MILLIS * 1_000_000L, 5 * took);
        long wait = (last + interval - now) / 1_000_000L;
        if (wait > 0) {
            display.timerExec((int) wait, this::flush);
            return;
        }
        // cleared before the update reads the state: a change that comes meanwhile asks again
        pending.set(false);
        last = now;
        update.run();
        control.update(); // paints now, so that the time it takes is known
        took = System.nanoTime() - now;
    }
}
