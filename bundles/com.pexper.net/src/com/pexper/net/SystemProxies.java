package com.pexper.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The system's proxy settings, as command-line tools on Linux and macOS honour them: the JVM's
 * {@code https.proxyHost} / {@code http.proxyHost} properties when set (through the JVM's own
 * selector), otherwise the {@code https_proxy} / {@code http_proxy} environment variables (either
 * case) with {@code no_proxy}. Loopback addresses never go through a proxy.
 */
public final class SystemProxies extends ProxySelector {

    private final Map<String, String> environment;
    private final ProxySelector jvm;
    private final boolean jvmConfigured;

    SystemProxies(Map<String, String> environment, ProxySelector jvm, boolean jvmConfigured) {
        this.environment = environment;
        this.jvm = jvm;
        this.jvmConfigured = jvmConfigured;
    }

    /** The selector for this process: JVM properties, then the environment. */
    public static SystemProxies current() {
        boolean configured = System.getProperty("https.proxyHost") != null || System.getProperty("http.proxyHost") != null
                || Boolean.getBoolean("java.net.useSystemProxies");
        return new SystemProxies(System.getenv(), ProxySelector.getDefault(), configured);
    }

    /** For tests: only the given environment, no JVM settings. */
    public static SystemProxies fromEnvironment(Map<String, String> environment) {
        return new SystemProxies(environment, null, false);
    }

    @Override
    public List<Proxy> select(URI uri) {
        String host = uri.getHost();
        if (host == null || NetworkGate.isLoopback(host)) {
            return List.of(Proxy.NO_PROXY);
        }
        if (jvmConfigured && jvm != null) {
            return jvm.select(uri);
        }
        if (bypassed(host.toLowerCase(Locale.ROOT))) {
            return List.of(Proxy.NO_PROXY);
        }
        String setting = variable("https".equalsIgnoreCase(uri.getScheme()) ? "https_proxy" : "http_proxy");
        if (setting == null) {
            return List.of(Proxy.NO_PROXY);
        }
        URI proxy = URI.create(setting.contains("://") ? setting : "http://" + setting);
        if (proxy.getHost() == null) {
            return List.of(Proxy.NO_PROXY);
        }
        int port = proxy.getPort() > 0 ? proxy.getPort() : "https".equalsIgnoreCase(proxy.getScheme()) ? 443 : 80;
        return List.of(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(proxy.getHost(), port)));
    }

    private boolean bypassed(String host) {
        String noProxy = variable("no_proxy");
        if (noProxy == null) {
            return false;
        }
        for (String entry : noProxy.split(",")) {
            String suffix = entry.trim().toLowerCase(Locale.ROOT);
            if (suffix.equals("*")) {
                return true;
            }
            if (suffix.startsWith("*")) {
                suffix = suffix.substring(1);
            }
            if (!suffix.isEmpty() && (host.equals(suffix.startsWith(".") ? suffix.substring(1) : suffix)
                    || host.endsWith(suffix.startsWith(".") ? suffix : "." + suffix))) {
                return true;
            }
        }
        return false;
    }

    private String variable(String name) {
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            value = environment.get(name.toUpperCase(Locale.ROOT));
        }
        return value == null || value.isBlank() ? null : value.trim();
    }

    @Override
    public void connectFailed(URI uri, SocketAddress address, IOException e) {
        if (jvmConfigured && jvm != null) {
            jvm.connectFailed(uri, address, e);
        }
    }
}
