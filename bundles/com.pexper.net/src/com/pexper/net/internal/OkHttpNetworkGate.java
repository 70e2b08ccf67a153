package com.pexper.net.internal;

import java.net.ProxySelector;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import com.pexper.core.home.SettingsProblems;
import com.pexper.core.home.PexperHome;
import com.pexper.net.NetworkChoices;
import com.pexper.net.NetworkGate;
import com.pexper.net.PrivacyLedger;
import com.pexper.net.SystemProxies;

import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The {@link NetworkGate} on OkHttp: one base client, made on first use, whose pool and dispatcher
 * every provider's client shares; each provider's client gets a {@link GateInterceptor} first.
 *
 * <p>As a Declarative Services component it is the installed application's gate: the ledger in
 * PEXPER_HOME/ledger, local-only mode as {@link NetworkSettings} reads it. Tests make their own with
 * the plain constructor (or {@link NetworkGate#builder()}).
 */
@Component(service = { NetworkGate.class, SettingsProblems.class })
public final class OkHttpNetworkGate implements NetworkGate {

    private final PrivacyLedger ledger;
    private final BooleanSupplier localOnly;
    private final ProxySelector proxies;
    private final OkHttpClient configured;
    private final Clock clock;
    private final List<String> settingsProblems;
    private volatile OkHttpClient base;

    /** The installed application's gate (PEXPER_HOME from the environment, as every part of Pexper finds it). */
    @Activate
    public OkHttpNetworkGate() {
        this(PexperHome.fromEnvironment(), System.getenv());
    }

    /** The gate of the application whose data is in {@code home}: its ledger, and local-only mode and proxy as network.json says at each request. */
    public OkHttpNetworkGate(PexperHome home, Map<String, String> environment) {
        this(NetworkSettings.read(home, environment), new LiveNetworkChoices(home.settings().resolve("network.json"),
                NetworkChoices.localOnlyByEnvironment(environment)));
    }

    /** The settings at start say what was wrong with them; the live choices follow the file from then on. */
    private OkHttpNetworkGate(NetworkSettings atStart, LiveNetworkChoices live) {
        this(new PrivacyLedger(atStart.ledger()), live::localOnly, live.proxies(), null, Clock.systemUTC(),
                atStart.problems());
    }

    /**
     * @param localOnly asked on every request, so that switching local-only mode takes effect at once
     * @param proxies null for {@link SystemProxies#current()}
     * @param base a client whose timeouts, pool and dispatcher the gate's clients share; null for OkHttp's defaults
     * @param settingsProblems what was wrong with the settings the caller read, for {@link #settingsProblems()}
     */
    public OkHttpNetworkGate(PrivacyLedger ledger, BooleanSupplier localOnly, ProxySelector proxies, OkHttpClient base,
            Clock clock, List<String> settingsProblems) {
        this.ledger = Objects.requireNonNull(ledger, "a ledger");
        this.localOnly = Objects.requireNonNull(localOnly);
        this.proxies = proxies;
        this.configured = base;
        this.clock = Objects.requireNonNull(clock);
        this.settingsProblems = List.copyOf(settingsProblems);
    }

    /** The shared client, made on first use: a command that sends nothing does not pay for loading OkHttp. */
    private OkHttpClient base() {
        OkHttpClient client = base;
        if (client == null) {
            synchronized (this) {
                client = base;
                if (client == null) {
                    client = (configured != null ? configured.newBuilder() : new OkHttpClient.Builder())
                            .followRedirects(false).followSslRedirects(false)
                            .proxySelector(proxies != null ? proxies : SystemProxies.current()).build();
                    base = client;
                }
            }
        }
        return client;
    }

    @Override
    public OkHttpClient clientFor(String provider, HttpUrl origin) {
        if (!origin.isHttps() && !NetworkGate.isLoopback(origin.host())) {
            throw new IllegalArgumentException(provider + ": " + origin.scheme() + "://" + origin.host()
                    + " is not a loopback address, so it must use https://; change the base URL to https://"
                    + origin.host() + (origin.port() == 80 ? "" : ":" + origin.port()));
        }
        return base().newBuilder().addInterceptor(new GateInterceptor(provider, origin, localOnly, ledger, clock, null))
                .build();
    }

    @Override
    public OkHttpClient refusingClientFor(String provider, HttpUrl origin, String reason) {
        return base().newBuilder()
                .addInterceptor(new GateInterceptor(provider, origin, localOnly, ledger, clock, Objects.requireNonNull(reason)))
                .build();
    }

    @Override
    public PrivacyLedger ledger() {
        return ledger;
    }

    @Override
    public boolean localOnly() {
        return localOnly.getAsBoolean();
    }

    @Override
    public List<String> settingsProblems() {
        return settingsProblems;
    }
}
