package com.pexper.diagnostics;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A report in the outbox, exactly as it would leave: a Sentry envelope, after scrubbing.
 *
 * @param kind {@code crash}, {@code usage} or {@code session}
 * @param envelope the envelope's text (newline-delimited JSON)
 */
public record PendingReport(String name, String kind, Instant created, String envelope) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The report for a person to read: a heading, then each line of the envelope as indented JSON. */
    public String readable() {
        String what = switch (kind) {
            case "crash" -> "Crash report";
            case "usage" -> "Usage report";
            case "session" -> "Session (its length, and whether it ended in a crash)";
            default -> "Report";
        };
        StringBuilder text = new StringBuilder("== ").append(what).append(", written ")
                .append(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC).format(created))
                .append(" (").append(name).append(")\n");
        for (String line : envelope.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode json = JSON.readTree(line);
                text.append(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json));
            } catch (IOException e) {
                text.append(line);
            }
            text.append('\n');
        }
        return text.toString();
    }
}
