package com.pexper.net.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.pexper.core.home.PexperHome;
import com.pexper.net.internal.NetworkSettings;

/** What the installed application's gate is made from: PEXPER_LOCAL_ONLY and PEXPER_HOME/settings/network.json. */
class NetworkSettingsTest {

    @TempDir
    Path folder;

    private NetworkSettings read(Map<String, String> environment, String networkJson) throws Exception {
        PexperHome home = new PexperHome(folder);
        if (networkJson != null) {
            Files.createDirectories(home.settings());
            Files.writeString(home.settings().resolve("network.json"), networkJson);
        }
        return NetworkSettings.read(home, environment);
    }

    @Test
    void withNothingSetRequestsMayLeaveAndTheLedgerIsInPexperHome() throws Exception {
        NetworkSettings settings = read(Map.of(), null);
        assertFalse(settings.localOnly());
        assertEquals(List.of(), settings.problems());
        assertEquals(folder.resolve("ledger"), settings.ledger());
    }

    @Test
    void theVariableOrTheFileTurnsLocalOnlyModeOn() throws Exception {
        assertTrue(read(Map.of(NetworkSettings.LOCAL_ONLY_VARIABLE, "1"), null).localOnly());
        assertTrue(read(Map.of(NetworkSettings.LOCAL_ONLY_VARIABLE, "true"), "{\"localOnly\": false}").localOnly());
        assertFalse(read(Map.of(NetworkSettings.LOCAL_ONLY_VARIABLE, "0"), "{}").localOnly());
        assertTrue(read(Map.of(), "{\"localOnly\": true}").localOnly());
    }

    @Test
    void aFileThatCannotBeReadTurnsLocalOnlyModeOnAndSaysWhy() throws Exception {
        NetworkSettings broken = read(Map.of(), "{\"localOnly\": tru");
        assertTrue(broken.localOnly());
        assertEquals(1, broken.problems().size());
        String problem = broken.problems().get(0);
        assertTrue(problem.contains("network.json is not valid JSON") && problem.endsWith("local-only mode is ON until it is fixed"),
                problem);

        NetworkSettings notABoolean = read(Map.of(), "{\"localOnly\": \"yes\"}");
        assertTrue(notABoolean.localOnly());
        assertTrue(notABoolean.problems().get(0).contains("localOnly must be true or false"), notABoolean.problems().toString());
    }
}
