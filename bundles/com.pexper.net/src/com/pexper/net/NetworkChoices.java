package com.pexper.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pexper.model.io.AtomicFile;
import com.pexper.model.text.Quote;

/**
 * What the user chose for the network, in {@code PEXPER_HOME/settings/network.json}:
 * {@code {"localOnly": true, "proxy": {"mode": "manual", "host": "proxy.example.org", "port": 3128}}}.
 * Local-only mode refuses every request that is not to this machine; the proxy is the system's
 * ({@link SystemProxies}), none, or one HTTP proxy given here. Loopback addresses never go through
 * a proxy. The installed gate reads the file again when it changes, so a choice takes effect at the
 * next request.
 *
 * @param proxyHost the manual proxy's host, or null unless {@code proxy} is {@link ProxyMode#MANUAL}
 * @param proxyPort the manual proxy's port, or 0
 */
public record NetworkChoices(boolean localOnly, ProxyMode proxy, String proxyHost, int proxyPort) {

    public enum ProxyMode {
        SYSTEM, NONE, MANUAL;

        String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static final NetworkChoices DEFAULT = new NetworkChoices(false, ProxyMode.SYSTEM, null, 0);
    /** Set to {@code 1} or {@code true}, local-only mode is on whatever the file says. */
    public static final String LOCAL_ONLY_VARIABLE = "PEXPER_LOCAL_ONLY";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** @throws IllegalArgumentException for a manual proxy without a usable host and port, saying what to fix */
    public NetworkChoices {
        if (proxy == ProxyMode.MANUAL) {
            if (proxyHost == null || proxyHost.isBlank() || !proxyHost.strip().matches("[A-Za-z0-9.:\\[\\]-]+")) {
                throw new IllegalArgumentException("a manual proxy needs a host name or address, such as proxy.example.org");
            }
            if (proxyPort < 1 || proxyPort > 65535) {
                throw new IllegalArgumentException("a manual proxy needs a port from 1 to 65535, such as 3128");
            }
            proxyHost = proxyHost.strip();
        } else {
            proxyHost = null;
            proxyPort = 0;
        }
    }

    /**
     * The choices in {@code file}; {@link #DEFAULT} when there is none.
     *
     * @throws IOException naming the file and what is wrong in it
     */
    public static NetworkChoices read(Path file) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return DEFAULT;
        } catch (JsonProcessingException e) {
            throw new IOException(file + " is not valid JSON" + Quote.jsonLocation(e) + " (" + Quote.jsonProblem(e) + ")", e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return DEFAULT;
        }
        JsonNode localOnly = root.get("localOnly");
        if (localOnly != null && !localOnly.isBoolean()) {
            throw new IOException(file + ": localOnly must be true or false");
        }
        JsonNode proxy = root.path("proxy");
        ProxyMode mode = ProxyMode.SYSTEM;
        if (!proxy.isMissingNode()) {
            String word = proxy.path("mode").asText("system");
            try {
                mode = ProxyMode.valueOf(word.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ": proxy.mode must be system, none or manual, not '" + word + "'");
            }
        }
        try {
            return new NetworkChoices(localOnly != null && localOnly.asBoolean(), mode,
                    proxy.path("host").asText(null), proxy.path("port").asInt(0));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage());
        }
    }

    /** Writes these choices to {@code file} whole ({@link AtomicFile}), keeping other settings in it. */
    public void write(Path file) throws IOException {
        ObjectNode root;
        try {
            JsonNode old = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
            root = old instanceof ObjectNode o ? o : JSON.createObjectNode();
        } catch (NoSuchFileException | JsonProcessingException e) {
            root = JSON.createObjectNode();
        }
        root.put("localOnly", localOnly);
        ObjectNode p = root.putObject("proxy");
        p.put("mode", proxy.word());
        if (proxy == ProxyMode.MANUAL) {
            p.put("host", proxyHost);
            p.put("port", proxyPort);
        }
        AtomicFile.write(file, (JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n")
                .getBytes(StandardCharsets.UTF_8), AtomicFile.Existing.REPLACE);
    }

    /** Whether {@link #LOCAL_ONLY_VARIABLE} turns local-only mode on in this environment. */
    public static boolean localOnlyByEnvironment(java.util.Map<String, String> environment) {
        String variable = environment.get(LOCAL_ONLY_VARIABLE);
        return "1".equals(variable) || "true".equals(variable);
    }

    /** The proxies these choices send requests through. */
    public ProxySelector proxies() {
        return switch (proxy) {
            case SYSTEM -> SystemProxies.current();
            case NONE -> fixed(Proxy.NO_PROXY);
            case MANUAL -> fixed(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(proxyHost, proxyPort)));
        };
    }

    private static ProxySelector fixed(Proxy proxy) {
        return new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                return uri.getHost() == null || NetworkGate.isLoopback(uri.getHost()) ? List.of(Proxy.NO_PROXY)
                        : List.of(proxy);
            }

            @Override
            public void connectFailed(URI uri, SocketAddress address, IOException e) {
                // OkHttp tries the next route itself
            }
        };
    }
}
