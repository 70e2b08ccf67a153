package com.pexper.imaging.onnx.internal;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

import com.pexper.commands.CommandContext;
import com.pexper.commands.Durations;
import com.pexper.commands.ExitCode;
import com.pexper.imaging.onnx.ModelDescriptor;
import com.pexper.imaging.onnx.ModelException;
import com.pexper.imaging.onnx.ModelFetcher;
import com.pexper.imaging.onnx.ModelStore;

/**
 * A model download's progress on stderr: on a terminal one line redrawn at most ten times a second
 * (megabytes, percent, speed, time left), otherwise a line per tenth, which reads well in logs.
 */
final class DownloadProgress implements ModelFetcher.Progress {

    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintStream err;
    private final boolean terminal;
    private final String model;
    private final long start = System.nanoTime();
    private long lastDraw;
    private int lastTenth = -1;
    private boolean lineOpen;

    DownloadProgress(PrintStream err, boolean terminal, String model) {
        this.err = err;
        this.terminal = terminal;
        this.model = model;
    }

    @Override
    public void downloaded(long bytes, long total) {
        double seconds = Math.max(1e-3, (System.nanoTime() - start) / 1e9);
        double perSecond = bytes / seconds;
        String text = total > 0
                ? String.format(Locale.ROOT, "downloading %s: %.1f of %.1f MB (%d%%), %.1f MB/s, %s left", model,
                        bytes / 1e6, total / 1e6, bytes * 100 / total, perSecond / 1e6,
                        Durations.format((long) ((total - bytes) / Math.max(1, perSecond) * 1e9)))
                : String.format(Locale.ROOT, "downloading %s: %.1f MB, %.1f MB/s", model, bytes / 1e6, perSecond / 1e6);
        int tenth = total > 0 ? (int) (bytes * 10 / total) : -1;
        if (terminal) {
            long now = System.nanoTime();
            if (now - lastDraw >= REDRAW_NANOS || bytes == total) {
                lastDraw = now;
                err.print("\r\033[Kpexper: " + text);
                lineOpen = true;
            }
        } else if (tenth > lastTenth) {
            lastTenth = tenth;
            err.println("pexper: " + text);
        }
    }

    @Override
    public void assembled(int chunks) {
        if (terminal) {
            err.print("\r\033[Kpexper: " + model + ": " + chunks + " chunk(s) checked and assembled");
            lineOpen = true;
        }
    }

    @Override
    public void verified(long bytes, long total) {
        if (terminal && bytes == total) {
            err.print("\r\033[Kpexper: " + model + ": checksum verified");
            lineOpen = true;
        }
    }

    /** Ends the redrawn line, so that what follows starts on a line of its own. */
    void done() {
        if (lineOpen) {
            err.println();
            lineOpen = false;
        }
    }

    /** Downloads a model with its progress on stderr; Ctrl-C cancels it and nothing is kept. */
    static int fetch(CommandContext context, ModelFetcher fetcher, ModelStore store, String id) {
        AtomicBoolean cancelled = new AtomicBoolean();
        DownloadProgress progress = new DownloadProgress(context.err(), context.terminal(), id);
        try (AutoCloseable interrupt = context.onInterrupt(() -> cancelled.set(true))) {
            ModelDescriptor model = fetcher.fetch(id, store, progress, cancelled::get);
            progress.done();
            context.err().println("pexper: installed " + model.id() + " (" + model.label() + ", license "
                    + model.license() + ") into " + store.folder());
            return ExitCode.OK;
        } catch (InterruptedException e) {
            progress.done();
            context.err().println("pexper: the download of " + id + " was cancelled; nothing was kept");
            return ExitCode.INTERRUPTED;
        } catch (ModelException e) {
            progress.done();
            context.err().println("pexper: " + e.getMessage());
            return e instanceof ModelFetcher.RefusedException ? ExitCode.INVALID : ExitCode.UNREADABLE;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
