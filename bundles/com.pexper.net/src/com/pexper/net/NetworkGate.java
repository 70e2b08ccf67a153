package com.pexper.net;

import java.net.InetAddress;
import java.net.ProxySelector;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BooleanSupplier;

import com.pexper.core.home.SettingsProblems;
import com.pexper.net.internal.OkHttpNetworkGate;

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
 *
 * <p>The application gets the gate as a service (a Declarative Services component of this bundle,
 * made from PEXPER_HOME); there is one, and every sender shares it.
 */
public interface NetworkGate extends SettingsProblems {

    /** A gate made from what the caller gives it; the installed application's is a service. */
    static Builder builder() {
        return new Builder();
    }

    /**
     * An HTTP client for one provider that may reach only {@code origin}'s scheme, host and port.
     *
     * @throws IllegalArgumentException if the origin itself breaks the rules (plain HTTP to a
     *         non-loopback host), with a message that says what to configure instead
     */
    OkHttpClient clientFor(String provider, HttpUrl origin);

    /**
     * A client for one provider that sends nothing: each request is refused before a connection is
     * made, with {@code reason} as the exception's message and in the ledger ({@code refused:
     * reason}). For a request that the gate's own rules would let through but its caller must not
     * send, such as a key bound to another origin.
     */
    OkHttpClient refusingClientFor(String provider, HttpUrl origin, String reason);

    PrivacyLedger ledger();

    boolean localOnly();

    /**
     * What was wrong with the settings this gate was made from (a network.json that cannot be read
     * turns local-only mode on), for the application to show; empty when nothing was.
     */
    @Override
    List<String> settingsProblems();

    /**
     * Whether a host is this machine: {@code localhost} or a loopback IP literal (127.0.0.0/8,
     * ::1). Names are not resolved: a name that DNS maps to 127.0.0.1 still counts as remote.
     */
    static boolean isLoopback(String host) {
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

    final class Builder {
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
            return new OkHttpNetworkGate(ledger, localOnly, proxies, base, clock, List.of());
        }
    }
}
