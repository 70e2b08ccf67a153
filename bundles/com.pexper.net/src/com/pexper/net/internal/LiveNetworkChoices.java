package com.pexper.net.internal;

import java.io.IOException;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.Proxy;
import java.nio.file.Path;
import java.util.List;

import com.pexper.core.home.FollowedFile;
import com.pexper.net.NetworkChoices;

/**
 * The installed gate's view of network.json: read again whenever the file's time or size changes
 * (the preference page, or the user with an editor, changed it), so that local-only mode and the
 * proxy take effect at the next request. A file that cannot be read turns local-only mode on, as at
 * start. The environment's {@code PEXPER_LOCAL_ONLY} always wins.
 */
final class LiveNetworkChoices {

    private final FollowedFile file;
    private final boolean localOnlyByEnvironment;
    private NetworkChoices choices = NetworkChoices.DEFAULT;
    private boolean unreadable;

    LiveNetworkChoices(Path file, boolean localOnlyByEnvironment) {
        this.file = new FollowedFile(file);
        this.localOnlyByEnvironment = localOnlyByEnvironment;
    }

    boolean localOnly() {
        return localOnlyByEnvironment || current().localOnly() || unreadable;
    }

    /** A selector that asks for the current choice at each connection. */
    ProxySelector proxies() {
        return new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                return current().proxies().select(uri);
            }

            @Override
            public void connectFailed(URI uri, SocketAddress address, IOException e) {
                current().proxies().connectFailed(uri, address, e);
            }
        };
    }

    private synchronized NetworkChoices current() {
        if (file.changed()) {
            try {
                choices = NetworkChoices.read(file.path());
                unreadable = false;
            } catch (IOException e) {
                choices = NetworkChoices.DEFAULT;
                unreadable = true;
            }
        }
        return choices;
    }
}
