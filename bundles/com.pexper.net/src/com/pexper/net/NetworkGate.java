package com.pexper.net;

import java.net.InetAddress;
import java.net.ProxySelector;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BooleanSupplier;

import com.pexper.net.internal.GateInterceptor;

import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The one door out: every request Pexper sends to the network goes through an HTTP client made
 * here, and every such client enforces the same rules before anything leaves the machine.
 * <ul>
 * <li>A client serves one provider and reaches only that provider's configured origin (scheme,
 * host and port); redirects are not followed, so a response cannot send it elsewhere.</li>
 * <li>Plain HTTP is allowed only to loopback addresses; any other host needs HTTPS.</li>
 * <li>In local-only mode every non-loopback request is refused.</li>
 * <li>The system's proxy settings are honoured ({@link SystemProxies}).</li>
 * <li>Each request, sent or refused, is written to the {@link PrivacyLedger} (never its content).</li>
 * </ul>
 * Refusals are {@link NetworkRefusedException}s whose message says what to change. All clients
 * share one connection pool and dispatcher.
 */
public final class NetworkGate {

    private final Builder settings;
    private volatile OkHttpClient base;
    private final PrivacyLedger ledger;
    private final BooleanSupplier localOnly;
    private final Clock clock;

    private NetworkGate(Builder builder) {
        this.ledger = Objects.requireNonNull(builder.ledger, "a ledger");
        this.localOnly = builder.localOnly;
        this.clock = builder.clock;
        this.settings = builder;
    }

    /** The shared client, made on first use: a command that sends nothing does not pay for loading OkHttp. */
    private OkHttpClient base() {
        OkHttpClient client = base;
        if (client == null) {
            synchronized (this) {
                client = base;
                if (client == null) {
                    client = (settings.base != null ? settings.base.newBuilder() : new OkHttpClient.Builder())
                            .followRedirects(false).followSslRedirects(false)
                            .proxySelector(settings.proxies != null ? settings.proxies : SystemProxies.current()).build();
                    base = client;
                }
            }
        }
        return client;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * An HTTP client for one provider that may reach only {@code origin}'s scheme, host and port.
     *
     * @throws IllegalArgumentException if the origin itself breaks the rules (plain HTTP to a
     *         non-loopback host), with a message that says what to configure instead
     */
    public OkHttpClient clientFor(String provider, HttpUrl origin) {
        if (!origin.isHttps() && !isLoopback(origin.host())) {
            throw new IllegalArgumentException(provider + ": " + origin.scheme() + "://" + origin.host()
                    + " is not a loopback address, so it must use https://; change the base URL to https://"
                    + origin.host() + (origin.port() == 80 ? "" : ":" + origin.port()));
        }
        return base().newBuilder().addInterceptor(new GateInterceptor(provider, origin, localOnly, ledger, clock, null))
                .build();
    }

    /**
     * A client for one provider that sends nothing: each request is refused before a connection is
     * made, with {@code reason} as the exception's message and in the ledger ({@code refused:
     * reason}). For a request that the gate's own rules would let through but its caller must not
     * send, such as a key bound to another origin.
     */
    public OkHttpClient refusingClientFor(String provider, HttpUrl origin, String reason) {
        return base().newBuilder()
                .addInterceptor(new GateInterceptor(provider, origin, localOnly, ledger, clock, Objects.requireNonNull(reason)))
                .build();
    }

    public PrivacyLedger ledger() {
        return ledger;
    }

    public boolean localOnly() {
        return localOnly.getAsBoolean();
    }

    /**
     * Whether a host is this machine: {@code localhost} or a loopback IP literal (127.0.0.0/8,
     * ::1). Names are not resolved: a name that DNS maps to 127.0.0.1 still counts as remote.
     */
    public static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.equals("localhost") || h.endsWith(".localhost")) {
            return true;
        }
        // only IP literals go on: getByName must never see a name (a name like "cafe" would be looked up)
        boolean ipv6 = h.contains(":") && h.matches("[0-9a-f:.]+");
        boolean ipv4 = h.matches("\\d{1,3}(\\.\\d{1,3}){3}")
                && java.util.Arrays.stream(h.split("\\.")).allMatch(octet -> Integer.parseInt(octet) <= 255);
        if (!ipv6 && !ipv4) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    public static final class Builder {
        private PrivacyLedger ledger;
        private BooleanSupplier localOnly = () -> false;
        private ProxySelector proxies;
        private OkHttpClient base;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        public Builder ledger(PrivacyLedger value) {
            ledger = value;
            return this;
        }

        /** Asked on every request, so that switching local-only mode takes effect at once. */
        public Builder localOnly(BooleanSupplier value) {
            localOnly = Objects.requireNonNull(value);
            return this;
        }

        /** Default: {@link SystemProxies#current()}. */
        public Builder proxies(ProxySelector value) {
            proxies = value;
            return this;
        }

        /** A client whose timeouts, pool and dispatcher the gate's clients share. */
        public Builder base(OkHttpClient value) {
            base = value;
            return this;
        }

        public Builder clock(Clock value) {
            clock = Objects.requireNonNull(value);
            return this;
        }

        public NetworkGate build() {
            return new NetworkGate(this);
        }
    }
}
