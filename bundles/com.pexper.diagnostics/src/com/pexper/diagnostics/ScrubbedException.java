package com.pexper.diagnostics;

import java.util.List;

/**
 * An exception as a crash report may carry it, made by {@link Scrubber#scrub(Throwable)}.
 *
 * @param type the exception's class name
 * @param message its message, scrubbed; null when it had none
 * @param frames the frames kept, innermost first, as {@code class.method(File.java:line)}
 * @param cause the cause, scrubbed the same way, or null
 */
public record ScrubbedException(String type, String message, List<String> frames, ScrubbedException cause) {

    /** Where one or more frames of other code were. */
    public static final String OTHER_FRAMES = "[other frames]";

    public ScrubbedException {
        frames = List.copyOf(frames);
    }
}
