package com.pexper.ai.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.spec.PBEKeySpec;

import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.equinox.security.storage.provider.IProviderHints;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.pexper.ai.Secret;
import com.pexper.ai.internal.SecureStorageCredentialStore;
import com.pexper.ai.keys.CredentialStore;

/** Where a key may go is kept in secure storage beside it, encrypted and sealed, not where a settings file can change it. */
@Tag("osgi")
class SecureStorageBindingTest {

    private static final String PASSWORD = "binding-test-password";
    @TempDir
    Path folder;

    private Path storage() {
        return folder.resolve("secure/storage");
    }

    private CredentialStore store() {
        return new SecureStorageCredentialStore(storage(),
                Map.of(SecureStorageCredentialStore.MASTER_PASSWORD_VARIABLE, PASSWORD));
    }

    @Test
    void theOriginIsStoredEncryptedBesideTheKeyAndAllowAddsOne() throws Exception {
        CredentialStore keys = store();
        keys.put("work", "openai", Secret.of("sk-test-STORECANARY-0123456789"), "https://API.openai.com/v1");
        assertEquals(List.of("https://api.openai.com:443"), keys.describe("work").orElseThrow().origins());
        assertTrue(keys.allow("work", "https://llm.example.test:8443/v1"));
        assertEquals(List.of("https://api.openai.com:443", "https://llm.example.test:8443"),
                keys.list().get(0).origins());
        assertFalse(keys.allow("nobody", "https://llm.example.test"));
        String file = Files.readString(storage(), StandardCharsets.ISO_8859_1);
        assertFalse(file.contains("api.openai.com") || file.contains("llm.example.test") || file.contains("STORECANARY"),
                "neither the key nor its origins are readable, let alone editable, in the file");

        keys.put("work", "openai", Secret.of("sk-test-STORECANARY-0123456789"), "https://other.example.test");
        assertEquals(List.of("https://other.example.test:443"), keys.describe("work").orElseThrow().origins(),
                "storing the key again binds it anew");
        keys.put("bare", "", Secret.of("sk-test-STORECANARY-9876543210"), null);
        assertEquals(List.of(), keys.describe("bare").orElseThrow().origins());
    }

    /** Equinox does not authenticate its values: a binding moved from another key must not count. */
    @Test
    void aBindingTakenFromAnotherKeyDoesNotCheckOutAndSendsTheKeyNowhere() throws Exception {
        CredentialStore keys = store();
        keys.put("cloud", "openai", Secret.of("sk-test-STORECANARY-0123456789"), "https://api.openai.com/v1");
        keys.put("local", "openai-compatible", Secret.of("sk-test-STORECANARY-local-42"), "http://127.0.0.1:9999/v1");
        Map<String, Object> options = new HashMap<>();
        options.put(IProviderHints.DEFAULT_PASSWORD, new PBEKeySpec(PASSWORD.toCharArray()));
        options.put(IProviderHints.PROMPT_USER, Boolean.FALSE);
        ISecurePreferences root = SecurePreferencesFactory.open(storage().toUri().toURL(), options);
        ISecurePreferences cloud = root.node("pexper/keys/cloud");
        cloud.put("origins", root.node("pexper/keys/local").get("origins", null), true);

        CredentialStore.StoredKey tampered = keys.describe("cloud").orElseThrow();
        assertEquals(List.of(), tampered.origins());
        assertNotNull(tampered.problem());
        assertTrue(tampered.problem().contains("./pexper keys set cloud < key.txt"), tampered.problem());
        assertThrows(IOException.class, () -> keys.allow("cloud", "http://127.0.0.1:9999"),
                "a damaged binding is not extended either");
        assertEquals(List.of("http://127.0.0.1:9999"), keys.describe("local").orElseThrow().origins());
    }
}
