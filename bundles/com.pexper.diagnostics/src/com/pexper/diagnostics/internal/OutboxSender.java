package com.pexper.diagnostics.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.ExecutionException;

import com.pexper.net.NetworkGate;

import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Sends the outbox, oldest first, through the network gate to the Sentry envelope endpoint (so the
 * privacy ledger lists every report that left). A report the server took, or refused for good (a
 * 4xx other than 429), is deleted; at a failure (no connection, the gate refusing in local-only
 * mode, 429, 5xx) the report and those after it stay for the next attempt, which comes with the next
 * report or the next session. One send at a time, on its own daemon thread.
 */
final class OutboxSender {

    /** The provider name the ledger shows for reports. */
    static final String PROVIDER = "diagnostics";
    private static final MediaType ENVELOPE = MediaType.get("application/x-sentry-envelope");
    private static final System.Logger LOG = System.getLogger(OutboxSender.class.getName());

    /** What one attempt did. */
    record Outcome(int sent, int rejected, int kept, String failure) {
    }

    private final Outbox outbox;
    private final OkHttpClient client;
    private final HttpUrl url;
    private final Map<String, String> headers;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "Pexper diagnostics sender");
        t.setDaemon(true);
        return t;
    });
    private Future<Outcome> pending;
    /** A report came while an attempt was under way: the attempt goes round once more. */
    private boolean again;

    /** @param headers the Sentry authentication and user agent headers (a public key, no secret) */
    OutboxSender(Outbox outbox, NetworkGate gate, HttpUrl url, Map<String, String> headers) {
        this.outbox = outbox;
        this.url = url;
        this.headers = Map.copyOf(headers);
        this.client = gate.clientFor(PROVIDER, url);
    }

    /** Starts an attempt, or has the one under way look at the outbox again when it is done. */
    synchronized Future<Outcome> wake() {
        again = true;
        if (pending == null || pending.isDone()) {
            pending = thread.submit(this::untilNothingNew);
        }
        return pending;
    }

    private Outcome untilNothingNew() throws IOException {
        Outcome outcome;
        do {
            synchronized (this) {
                again = false;
            }
            outcome = sendAll();
        } while (outcome.failure() == null && again());
        return outcome;
    }

    private synchronized boolean again() {
        return again;
    }

    /** Waits for the attempt under way, at most {@code millis}. */
    void awaitIdle(long millis) {
        Future<Outcome> current;
        synchronized (this) {
            current = pending;
        }
        if (current == null) {
            return;
        }
        try {
            current.get(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // the reports stay in the outbox
        }
    }

    void close() {
        thread.shutdownNow();
    }

    Outcome sendAll() throws IOException {
        int sent = 0;
        int rejected = 0;
        var files = outbox.files();
        for (int i = 0; i < files.size(); i++) {
            Path report = files.get(i);
            byte[] body;
            try {
                body = Files.readAllBytes(report);
            } catch (NoSuchFileException e) {
                continue; // deleted meanwhile
            }
            Request.Builder request = new Request.Builder().url(url).post(RequestBody.create(body, ENVELOPE));
            headers.forEach(request::header);
            try (Response response = client.newCall(request.build()).execute()) {
                int status = response.code();
                if (response.isSuccessful()) {
                    sent++;
                    outbox.delete(report);
                } else if (status == 429 || status >= 500) {
                    return new Outcome(sent, rejected, files.size() - i, "the server answered " + status);
                } else {
                    rejected++;
                    LOG.log(System.Logger.Level.WARNING, "the diagnostics server refused a report (" + status
                            + "); it is deleted, as sending it again would not help");
                    outbox.delete(report);
                }
            } catch (IOException e) {
                return new Outcome(sent, rejected, files.size() - i, e.getMessage());
            }
        }
        return new Outcome(sent, rejected, 0, null);
    }
}
