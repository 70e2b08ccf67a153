package com.pexper.diagnostics.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.function.Supplier;

import io.sentry.Hint;
import io.sentry.ISerializer;
import io.sentry.SentryEnvelope;
import io.sentry.transport.ITransport;
import io.sentry.transport.RateLimiter;

/**
 * Sentry's transport replaced: an envelope is not sent but written to the {@link Outbox}, and the
 * sender (when this build has an endpoint) is woken to send it through the gate. The SDK's own disk
 * cache, retries and rate limits are not used: the outbox is all of them.
 */
final class OutboxTransport implements ITransport {

    private final ISerializer serializer;
    private final Outbox outbox;
    private final OutboxSender sender;
    private final Clock clock;
    private final Supplier<String> kind;

    /**
     * @param sender null when this build names no endpoint
     * @param kind what the report being captured is, for the outbox's file name (the SDK does not
     *        hand its hint on to the transport)
     */
    OutboxTransport(ISerializer serializer, Outbox outbox, OutboxSender sender, Clock clock, Supplier<String> kind) {
        this.serializer = serializer;
        this.kind = kind;
        this.outbox = outbox;
        this.sender = sender;
        this.clock = clock;
    }

    @Override
    public void send(SentryEnvelope envelope, Hint hint) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            serializer.serialize(envelope, bytes);
        } catch (Exception e) {
            throw new IOException("cannot write a diagnostics report: " + e.getMessage(), e);
        }
        String what = kind.get();
        outbox.add(what != null ? what : "report", bytes.toByteArray(), clock.instant());
        if (sender != null) {
            sender.wake();
        }
    }

    @Override
    public void flush(long timeoutMillis) {
        if (sender != null) {
            sender.awaitIdle(timeoutMillis);
        }
    }

    @Override
    public RateLimiter getRateLimiter() {
        return null;
    }

    @Override
    public void close(boolean isRestarting) {
        if (sender != null) {
            sender.close();
        }
    }

    @Override
    public void close() {
        close(false);
    }
}
