package com.pexper.cli.internal;

import java.util.concurrent.atomic.AtomicInteger;

import com.pexper.core.process.ProcessSignals;

/**
 * Ctrl-C without shutting the JVM down: the first SIGINT runs the action (cancel the run, which
 * then ends normally with exit code 130), a second one quits at once.
 */
final class SignalInterrupts implements Cli.Interrupts {

    private static final int INTERRUPTED = 130;

    @Override
    public AutoCloseable onInterrupt(Runnable action) {
        AtomicInteger count = new AtomicInteger();
        return ProcessSignals.handle("INT", () -> {
            if (count.getAndIncrement() == 0) {
                action.run();
            } else {
                Runtime.getRuntime().halt(INTERRUPTED);
            }
        });
    }
}
