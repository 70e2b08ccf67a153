package com.pexper.commands;

import java.util.Locale;

/** Durations as progress lines show them. */
public final class Durations {

    private Durations() {
    }

    /** {@code 4.2s} under a minute, {@code 12:07} (minutes and seconds) above. */
    public static String format(long nanos) {
        long seconds = nanos / 1_000_000_000L;
        return seconds < 60 ? String.format(Locale.ROOT, "%.1fs", nanos / 1e9)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }
}
