package com.pexper.ai.keys;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The origin a key is bound to: {@code scheme://host:port} of the address it may be sent to, with
 * the scheme's default port written out, so that {@code https://api.openai.com/v1} and
 * {@code https://API.openai.com:443} are the same origin.
 */
public final class KeyOrigin {

    private KeyOrigin() {
    }

    /**
     * @param address an http(s) URL or origin
     * @throws IllegalArgumentException naming what is wrong with it
     */
    public static String of(String address) {
        URI uri;
        try {
            uri = new URI(address == null ? "" : address.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + address + "' is not an address such as https://api.example.com");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
            throw new IllegalArgumentException("'" + address + "' is not an http(s) address such as https://api.example.com");
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    }
}
