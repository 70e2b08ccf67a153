package com.pexper.diagnostics.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import com.pexper.core.engine.EngineDiagnostics;
import com.pexper.core.engine.Redactor;
import com.pexper.core.home.PexperHome;
import com.pexper.diagnostics.Consent;
import com.pexper.diagnostics.Diagnostics;
import com.pexper.diagnostics.PendingReport;
import com.pexper.diagnostics.Scrubber;
import com.pexper.net.NetworkGate;

import io.sentry.Hint;
import io.sentry.SentryClient;
import io.sentry.SentryEvent;
import io.sentry.SentryLevel;
import io.sentry.SentryOptions;
import io.sentry.Session;
import io.sentry.protocol.Message;
import okhttp3.HttpUrl;

/**
 * {@link Diagnostics} on Sentry's Java SDK, used as a library and never as a global: one
 * {@link SentryClient}, made only once the user consented, with no external configuration, no
 * uncaught-exception handler or shutdown hook of its own, no host name, no session tracking of its
 * own, {@link ReportScrubbing} as {@code beforeSend} and {@link OutboxTransport} as its transport.
 * The endpoint is a Sentry DSN that whoever distributes the build puts in {@code pexper.ini}
 * ({@code -Dpexper.diagnostics.endpoint=https://KEY@HOST/PROJECT}); with none, reports wait in the
 * outbox and nothing is sent.
 *
 * <p>Sessions and usage counts exist only with consent to usage analytics; one session envelope is
 * written when the session ends ({@code exited} or {@code crashed}, with its length and error count),
 * which is what a crash-free session rate is made of.
 */
@Component(service = { Diagnostics.class, EngineDiagnostics.class })
public final class SentryDiagnostics implements Diagnostics, EngineDiagnostics {

    public static final String ENDPOINT_PROPERTY = "pexper.diagnostics.endpoint";
    /** How long the end of a session waits for reports to leave. */
    static final Duration SEND_AT_END = Duration.ofSeconds(2);
    /** The SDK builds envelopes only with a DSN; this one is never contacted (no sender is made without an endpoint). */
    private static final String NO_ENDPOINT = "http://none@127.0.0.1:9/0";
    private static final String ENVIRONMENT = "production";

    private final ConsentSettings settings;
    private final Outbox outbox;
    private final NetworkGate gate;
    private final String endpoint;
    private final Redactor keysInUse;
    private final DeviceContexts device;
    private final String release;
    private final Clock clock;
    private final Map<String, String> facts = new ConcurrentHashMap<>();

    private SentryClient client;
    private Session session;
    private String application;
    private Instant sessionStart;
    private final Map<String, Map<String, Integer>> usage = new TreeMap<>();

    @Activate
    public SentryDiagnostics(@Reference NetworkGate gate, @Reference Redactor keysInUse, BundleContext context) {
        this(PexperHome.fromEnvironment(), gate, keysInUse, System.getProperty(ENDPOINT_PROPERTY),
                context.getBundle().getVersion().toString(), pexperBundles(context), Clock.systemUTC());
    }

    /**
     * @param endpoint a Sentry DSN, or null or blank for none
     * @param bundles Pexper's bundles and their versions, for crash reports
     */
    public SentryDiagnostics(PexperHome home, NetworkGate gate, Redactor keysInUse, String endpoint, String version,
            Map<String, String> bundles, Clock clock) {
        this.settings = new ConsentSettings(home.settings());
        this.outbox = new Outbox(home.root().resolve("diagnostics"));
        this.gate = gate;
        this.endpoint = endpoint == null || endpoint.isBlank() ? null : endpoint.trim();
        this.keysInUse = keysInUse;
        this.device = new DeviceContexts(version, bundles);
        this.release = "pexper@" + version;
        this.clock = clock;
    }

    private static Map<String, String> pexperBundles(BundleContext context) {
        Map<String, String> bundles = new TreeMap<>();
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getSymbolicName() != null && bundle.getSymbolicName().startsWith("com.pexper.")) {
                bundles.put(bundle.getSymbolicName(), bundle.getVersion().toString());
            }
        }
        return bundles;
    }

    @Deactivate
    public synchronized void close() {
        if (client != null) {
            client.close();
            client = null;
        }
    }

    /** The choice now: followed from the file, so that another Pexper turning it off stops this one too. */
    @Override
    public Consent consent() {
        Consent now = settings.current();
        if (!now.usage()) {
            synchronized (this) {
                usage.clear();
                session = null;
            }
        }
        return now;
    }

    @Override
    public boolean asked() {
        return settings.read().isPresent();
    }

    @Override
    public synchronized void setConsent(Consent chosen) throws IOException {
        settings.write(chosen);
        if (!chosen.usage()) {
            usage.clear();
            session = null;
        }
        if (chosen == Consent.OFF) {
            close();
            outbox.clear();
        }
    }

    @Override
    public boolean endpointConfigured() {
        return endpoint != null;
    }

    @Override
    public synchronized void sessionStarted(String app) {
        if (!consent().crashReports()) {
            return;
        }
        if (consent().usage()) {
            application = app;
            sessionStart = clock.instant();
            session = new Session(null, null, ENVIRONMENT, release);
        }
        sendWaiting();
    }

    @Override
    public synchronized void sessionEnded() {
        if (!consent().crashReports()) {
            return;
        }
        if (consent().usage() && session != null) {
            if (!usage.isEmpty()) {
                SentryEvent event = new SentryEvent();
                event.setLevel(SentryLevel.INFO);
                Message message = new Message();
                message.setFormatted("usage");
                event.setMessage(message);
                Map<String, Object> counts = new TreeMap<>(usage);
                counts.put("application", application);
                counts.put("seconds", Duration.between(sessionStart, clock.instant()).toSeconds());
                event.getContexts().put("usage", counts);
                client().captureEvent(event, null, hint("usage", List.of()));
            }
            if (session.getStatus() == Session.State.Ok) {
                session.update(Session.State.Exited, null, false);
            }
            session.end();
            session.setInitAsTrue(); // the one envelope of the session is its first too (updates clear the flag)
            client().captureSession(session, hint("session", List.of()));
            session = null;
            usage.clear();
        }
        if (client != null) {
            client.flush(SEND_AT_END.toMillis());
        }
    }

    @Override
    public void used(String kind, String id) {
        if (!consent().usage() || id == null) {
            return; // before the lock: a run's workers ask this for every node
        }
        synchronized (this) {
            if (session != null) {
                usage.computeIfAbsent(kind + "s", k -> new TreeMap<>()).merge(id, 1, Integer::sum);
            }
        }
    }

    @Override
    public void nodeRan(String nodeTypeId) {
        used("node", nodeTypeId);
    }

    @Override
    public void nodeCrashed(String nodeTypeId, Throwable thrown, Collection<String> userTexts) {
        crashed(thrown, "node", userTexts);
    }

    @Override
    public void crashed(Throwable thrown, String where, Collection<String> userTexts) {
        if (!consent().crashReports() || thrown == null) {
            return;
        }
        synchronized (this) {
            report(thrown, where, userTexts);
        }
    }

    private void report(Throwable thrown, String where, Collection<String> userTexts) {
        SentryEvent event = new SentryEvent(thrown);
        event.setLevel(SentryLevel.ERROR);
        event.setTag("where", where);
        device.addTo(event.getContexts(), facts);
        client().captureEvent(event, null, hint("crash", userTexts));
        if (session != null) {
            session.update(where.equals("cli") ? Session.State.Crashed : null, null, true);
        }
    }

    @Override
    public void deviceFact(String name, String value) {
        facts.put(name, value);
    }

    @Override
    public List<PendingReport> pending() throws IOException {
        outbox.trim(clock.instant());
        return outbox.read();
    }

    @Override
    public int deleteCollected() throws IOException {
        return outbox.clear();
    }

    /** Sends what waits, now (for the command line): an attempt's outcome in words. */
    public synchronized String sendNow() throws IOException {
        if (endpoint == null) {
            return "this build names no diagnostics endpoint, so nothing is sent";
        }
        OutboxSender.Outcome outcome = sender().sendAll();
        return outcome.sent() + " sent, " + outcome.rejected() + " refused by the server and deleted, " + outcome.kept()
                + " kept" + (outcome.failure() == null ? "" : " (" + outcome.failure() + ")");
    }

    private void sendWaiting() {
        if (endpoint == null) {
            return;
        }
        try {
            if (!outbox.files().isEmpty()) {
                sender().wake();
            }
        } catch (IOException e) {
            // the outbox cannot be listed: the next attempt tries again
        }
    }

    private OutboxSender sender;

    private OutboxSender sender() {
        client();
        return sender;
    }

    /** What is being captured now: every capture happens inside this object's lock. */
    private String capturing;

    private Hint hint(String kind, Collection<String> userTexts) {
        capturing = kind;
        Hint hint = new Hint();
        hint.set(ReportScrubbing.USER_TEXTS, List.copyOf(userTexts));
        return hint;
    }

    private Scrubber scrubber(Collection<String> userTexts) {
        return Scrubber.builder().keysInUse(keysInUse).labels(userTexts).build();
    }

    private SentryClient client() {
        if (client == null) {
            SentryOptions options = new SentryOptions();
            options.setDsn(endpoint != null ? endpoint : NO_ENDPOINT);
            options.setEnableExternalConfiguration(false);
            options.setAttachServerName(false);
            options.setAttachStacktrace(false);
            options.setAttachThreads(false);
            options.setEnableUncaughtExceptionHandler(false);
            options.setEnableShutdownHook(false);
            options.setEnableAutoSessionTracking(false);
            options.setSendModules(false);
            options.setSendClientReports(false);
            options.setEnableBackpressureHandling(false);
            options.setRelease(release);
            options.setEnvironment(ENVIRONMENT);
            ReportScrubbing scrubbing = new ReportScrubbing(this::scrubber);
            options.setBeforeSend(scrubbing);
            options.setBeforeBreadcrumb(scrubbing);
            options.setTransportFactory((opts, request) -> {
                sender = endpoint == null ? null
                        : new OutboxSender(outbox, gate, HttpUrl.get(request.getUrl().toString()), request.getHeaders());
                return new OutboxTransport(opts.getSerializer(), outbox, sender, clock, () -> capturing);
            });
            client = new SentryClient(options);
        }
        return client;
    }
}
