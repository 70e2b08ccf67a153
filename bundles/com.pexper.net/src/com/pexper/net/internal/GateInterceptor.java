package com.pexper.net.internal;

import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import com.pexper.net.LedgerEntry;
import com.pexper.net.NetworkGate;
import com.pexper.net.NetworkRefusedException;
import com.pexper.net.PrivacyLedger;

import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSink;
import okio.BufferedSource;
import okio.ForwardingSink;
import okio.ForwardingSource;
import okio.Okio;

/**
 * The gate's checks and the ledger's record, as the first application interceptor of a provider's
 * client: it runs before any connection is made, so a refused request never leaves the machine.
 */
public final class GateInterceptor implements Interceptor {

    private final String provider;
    private final HttpUrl origin;
    private final BooleanSupplier localOnly;
    private final PrivacyLedger ledger;
    private final Clock clock;
    private final String refuseAll;

    /** @param refuseAll a reason to refuse every request with, or null to apply the gate's rules */
    public GateInterceptor(String provider, HttpUrl origin, BooleanSupplier localOnly, PrivacyLedger ledger, Clock clock,
            String refuseAll) {
        this.provider = provider;
        this.origin = origin;
        this.localOnly = localOnly;
        this.ledger = ledger;
        this.clock = clock;
        this.refuseAll = refuseAll;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        HttpUrl url = request.url();
        String refusal = refusal(url);
        long started = System.nanoTime();
        if (refusal != null) {
            record(request, 0, "refused: " + refusal, 0, 0, started);
            throw new NetworkRefusedException(refusal);
        }
        AtomicLong bytesOut = new AtomicLong();
        if (request.body() != null) {
            request = request.newBuilder().method(request.method(), new CountingRequestBody(request.body(), bytesOut)).build();
        }
        Response response;
        try {
            response = chain.proceed(request);
        } catch (IOException | RuntimeException e) {
            record(request, 0, "failed: " + e.getClass().getSimpleName(), bytesOut.get(), 0, started);
            throw e;
        }
        Request sent = request;
        ResponseBody body = response.body();
        return response.newBuilder().body(new CountingResponseBody(body, (bytesIn, failure) -> record(sent,
                response.code(), failure == null ? "ok" : "failed: " + failure, bytesOut.get(), bytesIn, started))).build();
    }

    private String refusal(HttpUrl url) {
        if (refuseAll != null) {
            return refuseAll;
        }
        if (!url.scheme().equals(origin.scheme()) || !url.host().equalsIgnoreCase(origin.host()) || url.port() != origin.port()) {
            return provider + " may only reach " + describe(origin) + "; a request to " + describe(url)
                    + " was refused. Check the provider's base URL in its settings.";
        }
        boolean loopback = NetworkGate.isLoopback(url.host());
        if (!loopback && !url.isHttps()) {
            return provider + ": plain HTTP to " + url.host() + " was refused; only loopback addresses may use http://."
                    + " Use https://" + url.host();
        }
        if (!loopback && localOnly.getAsBoolean()) {
            return "local-only mode is on, so the request from " + provider + " to " + url.host()
                    + " was refused. Use a provider on this machine (Ollama, LM Studio) or turn local-only mode off.";
        }
        return null;
    }

    private static String describe(HttpUrl url) {
        return url.scheme() + "://" + url.host() + ":" + url.port();
    }

    private void record(Request request, int status, String outcome, long bytesOut, long bytesIn, long started) {
        ledger.record(new LedgerEntry(clock.instant(), provider, request.url().host(), request.url().port(), request.method(),
                request.url().encodedPath(), status, outcome, bytesOut, bytesIn, (System.nanoTime() - started) / 1_000_000));
    }

    interface Done {
        void done(long bytesIn, String failure);
    }

    private static final class CountingRequestBody extends RequestBody {
        private final RequestBody delegate;
        private final AtomicLong count;

        CountingRequestBody(RequestBody delegate, AtomicLong count) {
            this.delegate = delegate;
            this.count = count;
        }

        @Override
        public MediaType contentType() {
            return delegate.contentType();
        }

        @Override
        public long contentLength() throws IOException {
            return delegate.contentLength();
        }

        @Override
        public boolean isOneShot() {
            return delegate.isOneShot();
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            BufferedSink counting = Okio.buffer(new ForwardingSink(sink) {
                @Override
                public void write(Buffer source, long byteCount) throws IOException {
                    super.write(source, byteCount);
                    count.addAndGet(byteCount);
                }
            });
            delegate.writeTo(counting);
            counting.emit();
        }
    }

    /** Records the exchange once, when its body is read to the end, fails or is closed. */
    private static final class CountingResponseBody extends ResponseBody {
        private final ResponseBody delegate;
        private final BufferedSource source;
        private final AtomicBoolean recorded = new AtomicBoolean();
        private final AtomicLong count = new AtomicLong();
        private final Done done;

        CountingResponseBody(ResponseBody delegate, Done done) {
            this.delegate = delegate;
            this.done = done;
            this.source = Okio.buffer(new ForwardingSource(delegate.source()) {
                @Override
                public long read(Buffer sink, long byteCount) throws IOException {
                    long n;
                    try {
                        n = super.read(sink, byteCount);
                    } catch (IOException e) {
                        finish(e.getClass().getSimpleName());
                        throw e;
                    }
                    if (n < 0) {
                        finish(null);
                    } else {
                        count.addAndGet(n);
                    }
                    return n;
                }

                @Override
                public void close() throws IOException {
                    finish(null);
                    super.close();
                }
            });
        }

        private void finish(String failure) {
            if (recorded.compareAndSet(false, true)) {
                done.done(count.get(), failure);
            }
        }

        @Override
        public MediaType contentType() {
            return delegate.contentType();
        }

        @Override
        public long contentLength() {
            return delegate.contentLength();
        }

        @Override
        public BufferedSource source() {
            return source;
        }
    }
}
