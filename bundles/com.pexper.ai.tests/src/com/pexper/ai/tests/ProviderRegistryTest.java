package com.pexper.ai.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.pexper.ai.AiClients;
import com.pexper.ai.AiException;
import com.pexper.ai.CallControl;
import com.pexper.ai.Capability;
import com.pexper.ai.ChatRequest;
import com.pexper.ai.ProviderDescriptor;
import com.pexper.ai.ProviderKind;
import com.pexper.ai.ProviderRegistry;
import com.pexper.ai.keys.InMemoryCredentialStore;
import com.pexper.net.NetworkGate;
import com.pexper.net.PrivacyLedger;

/** Providers contributed through the real extension registry (this fragment's fragment.xml). */
@Tag("osgi")
class ProviderRegistryTest {

    @TempDir
    Path folder;

    private final ProviderRegistry registry = ProviderRegistry.from(com.pexper.core.contribution.Contributions.ofPlatform());

    @Test
    void aContributedProviderIsDescribedBeforeItsCodeIsLoaded() throws Exception {
        ProviderDescriptor echo = registry.find("test-echo").orElseThrow();
        assertEquals("1.2.0", echo.version());
        assertEquals("Echo", echo.label());
        assertEquals(ProviderKind.LOCAL, echo.kind());
        assertEquals(Set.of(Capability.CHAT, Capability.STREAMING), echo.capabilities());
        assertEquals("http://127.0.0.1:9/v1", echo.settings().baseUrl());
        assertEquals("echo-1", echo.settings().defaultModel());
        assertEquals(2, echo.settings().maxConcurrentRequests());
        assertEquals(Duration.ofSeconds(5), echo.settings().readTimeout());
        assertEquals("PEXPER_TEST_ECHO_KEY", echo.credential().environmentVariable());
        assertEquals(false, echo.credential().required());
        assertEquals("echo serve", echo.startHint());
        assertEquals("com.pexper.ai", echo.contributor(), "a fragment contributes on behalf of its host");
    }

    @Test
    void brokenContributionsAreIsolatedAndExplained() throws Exception {
        List<String> problems = registry.problems();
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("without an id, kind or factory")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("test-telepathy") && p.contains("unknown capability")),
                problems.toString());

        AiClients clients = AiClients.builder().registry(registry).credentials(new InMemoryCredentialStore())
                .gate(NetworkGate.builder().ledger(new PrivacyLedger(folder.resolve("ledger"))).build())
                .environment(Map.of()).build();
        AiException missing = assertThrows(AiException.class, () -> clients.provider("test-missing-class", null));
        assertTrue(missing.getMessage().contains("could not be loaded"), missing.getMessage());
        assertEquals("hello", clients.provider("test-echo", null).chat(ChatRequest.of("echo-1", "hello"),
                t -> { }, CallControl.NONE).text(), "the rest works");
        AiException unknown = assertThrows(AiException.class, () -> clients.provider("nobody", null));
        assertTrue(unknown.getMessage().contains("./pexper providers"), unknown.getMessage());
    }

    @Test
    void aBrokenProvidersFileIsNamedWithWhereAndWhatInOneBoundedLine(@TempDir Path folder) throws Exception {
        Path file = Files.writeString(folder.resolve("providers.json"),
                "{\"openai\": {\"baseUrl\": " + "x".repeat(30_000) + "}}");
        IOException broken = assertThrows(IOException.class, () -> AiClients.readSettings(file));
        assertTrue(broken.getMessage().startsWith(file + " is not valid JSON (line 1, column "), broken.getMessage());
        assertTrue(broken.getMessage().endsWith("; fix or remove it"), broken.getMessage());
        assertTrue(broken.getMessage().length() < 600, broken.getMessage().length() + " characters");
        assertTrue(!broken.getMessage().contains("com.fasterxml") && !broken.getMessage().contains("[Source:"),
                broken.getMessage());
    }
}
