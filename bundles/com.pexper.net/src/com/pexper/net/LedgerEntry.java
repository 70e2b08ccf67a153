package com.pexper.net;

import java.time.Instant;

/**
 * One request as the privacy ledger keeps it: who asked, where it went and how much moved. Never
 * the content, the query string or any header: the path is as sent, without {@code ?...}.
 *
 * @param port the port the request went to (the scheme's default when none was given)
 * @param status the HTTP status; 0 when no response came (refused by the gate, or failed)
 * @param outcome {@code ok}, {@code refused: why} or {@code failed: what}
 * @param bytesOut the request body's bytes
 * @param bytesIn the response body's bytes read
 */
public record LedgerEntry(Instant time, String provider, String host, int port, String method, String path, int status,
        String outcome, long bytesOut, long bytesIn, long durationMillis) {
}
