package com.pexper.cli.internal;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

import com.pexper.commands.Durations;
import com.pexper.core.engine.RunEvent;
import com.pexper.core.engine.RunListener;

/**
 * Shows a run's progress on stderr: on a terminal a live bar (redrawn at most ten times a second)
 * with the running nodes, items done and an estimate of the time left; otherwise plain lines, one
 * per finished node and per tenth of a batch, that read well in logs. Failures and node messages
 * are always printed as lines of their own.
 */
final class ProgressReporter implements RunListener {

    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintStream err;
    private final boolean terminal;
    private final Map<String, String> names;
    private final long start = System.nanoTime();
    private final Map<String, Running> running = new LinkedHashMap<>();
    private int total;
    private int finished;
    private long lastDraw;
    private boolean barShown;

    private static final class Running {
        final long since = System.nanoTime();
        int done = -1;
        int count = -1;
        int lastReportedTenth = -1;
    }

    /** @param names how to call each node: its label, or type and id */
    ProgressReporter(PrintStream err, boolean terminal, Map<String, String> names) {
        this.err = err;
        this.terminal = terminal;
        this.names = names;
    }

    @Override
    public synchronized void onEvent(RunEvent event) {
        switch (event) {
            case RunEvent.RunStarted e -> total = e.nodeCount();
            case RunEvent.NodeQueued e -> running.putIfAbsent(e.nodeId(), new Running());
            case RunEvent.NodeStarted e -> running.putIfAbsent(e.nodeId(), new Running());
            case RunEvent.NodeProgress e -> progress(e);
            case RunEvent.NodeLog e -> line("note", e.nodeId(), e.message());
            case RunEvent.NodeText e -> {
                // streamed text is for live views; the finished node's output carries all of it
            }
            case RunEvent.ItemFailed e -> line("FAILED", e.nodeId(), e.item() + ": " + e.message());
            case RunEvent.NodeFinished e -> {
                running.remove(e.nodeId());
                finished++;
                if (!terminal) {
                    String items = e.items() >= 0 ? e.items() + " items" + (e.failedItems() > 0 ? ", "
                            + e.failedItems() + " failed" : "") + (e.reusedItems() > 0 && !e.cached() ? ", "
                            + e.reusedItems() + " done already" : "") + ", " : "";
                    line(e.cached() ? "cached" : "done", e.nodeId(), e.cached() && e.items() < 0 ? ""
                            : items + millis(e.durationNanos()));
                }
            }
            case RunEvent.NodeFailed e -> {
                running.remove(e.nodeId());
                finished++;
                line("FAILED", e.nodeId(), e.message());
            }
            case RunEvent.NodeSkipped e -> {
                running.remove(e.nodeId());
                finished++;
                if (!terminal) {
                    line("skipped", e.nodeId(), e.reason());
                }
            }
            case RunEvent.NodeCancelled e -> {
                running.remove(e.nodeId());
                finished++;
            }
            case RunEvent.NodeOutputs e -> {
                // a console shows the outputs' summaries at the end, not the values
            }
            case RunEvent.RunFinished e -> clearBar();
        }
        if (terminal && !(event instanceof RunEvent.RunFinished)) {
            draw(false);
        }
    }

    private void progress(RunEvent.NodeProgress e) {
        Running node = running.computeIfAbsent(e.nodeId(), k -> new Running());
        if (e.itemCount() < 0) {
            return;
        }
        node.done = e.itemsDone();
        node.count = e.itemCount();
        int tenth = node.count == 0 ? 10 : node.done * 10 / node.count;
        if (!terminal && node.count >= 20 && tenth > node.lastReportedTenth && node.done < node.count) {
            node.lastReportedTenth = tenth;
            line("items", e.nodeId(), node.done + "/" + node.count + eta(node));
        }
    }

    private static String eta(Running node) {
        if (node.done <= 0 || node.done >= node.count) {
            return "";
        }
        long elapsed = System.nanoTime() - node.since;
        long left = elapsed / node.done * (node.count - node.done);
        return ", about " + Durations.format(left) + " left";
    }

    private void line(String what, String nodeId, String message) {
        clearBar();
        err.println(String.format("  %-7s %s%s", what, names.getOrDefault(nodeId, nodeId),
                message == null || message.isEmpty() ? "" : ": " + message));
        if (terminal) {
            draw(true);
        }
    }

    private void draw(boolean force) {
        long now = System.nanoTime();
        if (!force && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        int width = 24;
        int filled = total == 0 ? width : finished * width / total;
        StringBuilder bar = new StringBuilder("\r\033[K[");
        bar.append("=".repeat(filled)).append(filled < width ? ">" : "").append(" ".repeat(Math.max(0, width - filled - 1)))
                .append("] ").append(finished).append('/').append(total).append(" nodes  ").append(Durations.format(now - start));
        int shown = 0;
        for (Map.Entry<String, Running> entry : running.entrySet()) {
            if (shown++ == 2) {
                bar.append(" +").append(running.size() - 2);
                break;
            }
            Running node = entry.getValue();
            bar.append("  ").append(names.getOrDefault(entry.getKey(), entry.getKey()));
            if (node.count >= 0) {
                bar.append(' ').append(node.done).append('/').append(node.count).append(eta(node));
            }
        }
        err.print(bar);
        err.flush();
        barShown = true;
    }

    private void clearBar() {
        if (barShown) {
            err.print("\r\033[K");
            err.flush();
            barShown = false;
        }
    }

    static String millis(long nanos) {
        double ms = nanos / 1e6;
        return ms < 10 ? String.format("%.1f ms", ms) : ms < 10_000 ? String.format("%.0f ms", ms)
                : String.format("%.1f s", ms / 1000);
    }
}
