package com.pexper.ai.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.pexper.ai.AiClients;
import com.pexper.ai.Capability;
import com.pexper.ai.CredentialSpec;
import com.pexper.ai.ProviderDescriptor;
import com.pexper.ai.ProviderKind;
import com.pexper.ai.ProviderRegistry;
import com.pexper.ai.ProviderSettings;
import com.pexper.ai.http.ProviderHttp;
import com.pexper.ai.internal.ConfiguredAiClients;
import com.pexper.ai.keys.InMemoryCredentialStore;
import com.pexper.net.NetworkGate;
import com.pexper.net.PrivacyLedger;

/** A provider's settings changed while Pexper runs, as the Providers preference page saves them. */
class ProviderSettingsChangeTest {

    @TempDir
    Path folder;

    private static ProviderDescriptor local() {
        return new ProviderDescriptor("test-local", "1.0.0", "Test server", "", ProviderKind.LOCAL, Set.of(Capability.CHAT),
                new ProviderSettings("http://127.0.0.1:1234/v1", "m1", null, null, 4, 0, null, null),
                new CredentialSpec(false, null, null, null), "start it", "test", () -> {
                    throw new IllegalStateException("not called");
                });
    }

    private AiClients clients(Path file) {
        return new ConfiguredAiClients(ProviderRegistry.of(local()), new InMemoryCredentialStore(),
                NetworkGate.builder().ledger(new PrivacyLedger(folder.resolve("ledger"))).build(), Map.of(), Map.of(),
                ProviderHttp.Sleeper.REAL, List.of(), file);
    }

    @Test
    void aChangeAppliesAtOnceIsWrittenBesideTheOtherProvidersAndResetRemovesIt() throws Exception {
        Path file = folder.resolve("settings/providers.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"ollama\": {\"baseUrl\": \"http://127.0.0.1:11500\"}}");
        AiClients ai = clients(file);
        ai.changeSettings("test-local", Map.of("baseUrl", "http://localhost:8080/v1", "readTimeoutSeconds", "30",
                "maxConcurrentRequests", "2"));
        ProviderSettings now = ai.settings(local());
        assertEquals("http://localhost:8080/v1", now.baseUrl());
        assertEquals(Duration.ofSeconds(30), now.readTimeout());
        assertEquals(2, now.maxConcurrentRequests());
        Map<String, Map<String, String>> written = AiClients.readSettings(file);
        assertEquals("http://127.0.0.1:11500", written.get("ollama").get("baseUrl"), "the other provider's entry is kept");
        assertEquals("30", written.get("test-local").get("readTimeoutSeconds"));

        ai.changeSettings("test-local", Map.of());
        assertEquals("http://127.0.0.1:1234/v1", ai.settings(local()).baseUrl(), "back to the defaults");
        assertFalse(AiClients.readSettings(file).containsKey("test-local"));
    }

    @Test
    void aSettingThatCannotBeUsedChangesNothing() throws Exception {
        Path file = folder.resolve("providers.json");
        AiClients ai = clients(file);
        assertEquals("example.com is not this computer, so its address must start with https://", assertThrows(
                IllegalArgumentException.class, () -> ai.changeSettings("test-local",
                        Map.of("baseUrl", "http://example.com/v1"))).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ai.changeSettings("test-local",
                Map.of("readTimeoutSeconds", "soon"))).getMessage().contains("must be a number of seconds"));
        assertFalse(Files.exists(file), "nothing was written");

        Files.writeString(file, "{ broken");
        assertThrows(IOException.class, () -> ai.changeSettings("test-local", Map.of("defaultModel", "m2")));
        assertEquals("{ broken", Files.readString(file), "a file that cannot be read is not overwritten");
        assertEquals("m1", ai.settings(local()).defaultModel());
    }
}
