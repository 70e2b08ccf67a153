package com.pexper.ui.editor.internal;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;

/**
 * Merges changes that come from other threads (a run's events, thousands a second) into at most one
 * update of the UI every {@link #INTERVAL_MILLIS}, or less often when an update takes long (ten
 * thousand nodes on screen), so that updates and their paints never take more than a tenth of the
 * UI thread: the run needs the cores more than the eye needs a tenth frame a second. One request
 * waits on the UI thread at a time, and the engine never waits on the UI.
 */
public final class RepaintThrottle implements Runnable {

    /** 30 updates a second: as smooth as the eye needs, and most of the UI thread stays free. */
    static final int INTERVAL_MILLIS = 33;

    private final Control control;
    private final Display display;
    private final Runnable update;
    private final LongSupplier paintNanos;
    private final AtomicBoolean pending = new AtomicBoolean();
    private long last;
    /** How long the last update took, with the latest paint. */
    private long took;

    /**
     * @param update run on the UI thread, while the control is not disposed; the control is painted after it
     * @param paintNanos how long the control's latest paint took: GTK paints when its frame clock
     *        says, not in {@link Control#update()}, so only the control can tell
     */
    public RepaintThrottle(Control control, Runnable update, LongSupplier paintNanos) {
        this.control = control;
        this.display = control.getDisplay();
        this.update = update;
        this.paintNanos = paintNanos;
    }

    /** Asks for an update; from any thread, returns at once. */
    @Override
    public void run() {
        // read first: while an update is pending, as for most of a run's events, asking costs no write
        if (!pending.get() && pending.compareAndSet(false, true) && !display.isDisposed()) {
            display.asyncExec(this::flush);
        }
    }

    private void flush() {
        if (control.isDisposed()) {
            return;
        }
        long now = System.nanoTime();
        long interval = Math.max(INTERVAL_MILLIS * 1_000_000L, 9 * took);
        long wait = (last + interval - now) / 1_000_000L;
        if (wait > 0) {
            display.timerExec((int) wait, this::flush);
            return;
        }
        // cleared before the update reads the state: a change that comes meanwhile asks again
        pending.set(false);
        last = now;
        update.run();
        control.update(); // paints now where the platform does
        took = System.nanoTime() - now + paintNanos.getAsLong();
    }
}
