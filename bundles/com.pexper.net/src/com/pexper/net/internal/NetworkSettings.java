package com.pexper.net.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.pexper.core.home.PexperHome;
import com.pexper.net.NetworkChoices;

/**
 * What the installed application's gate is made from: the ledger in PEXPER_HOME/ledger, and
 * local-only mode, which {@code PEXPER_LOCAL_ONLY=1} (or {@code true}) or {@code {"localOnly": true}}
 * in PEXPER_HOME/settings/network.json ({@link NetworkChoices}) turns on. A network.json that cannot be read turns it on as
 * well, and says so: a mistake in the file must not let requests out.
 *
 * @param problems what was wrong with network.json, for the application to show
 */
public record NetworkSettings(Path ledger, boolean localOnly, List<String> problems) {

    public static final String LOCAL_ONLY_VARIABLE = NetworkChoices.LOCAL_ONLY_VARIABLE;

    public static NetworkSettings read(PexperHome home, Map<String, String> environment) {
        boolean localOnly = NetworkChoices.localOnlyByEnvironment(environment);
        try {
            return new NetworkSettings(home.ledger(), localOnly | fileSaysLocalOnly(home.settings().resolve("network.json")),
                    List.of());
        } catch (IOException e) {
            return new NetworkSettings(home.ledger(), true,
                    List.of(e.getMessage() + "; local-only mode is ON until it is fixed"));
        }
    }

    private static boolean fileSaysLocalOnly(Path file) throws IOException {
        return NetworkChoices.read(file).localOnly();
    }
}
