package com.pexper.ui.preferences.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import com.pexper.ai.AiClients;
import com.pexper.core.home.PexperHome;
import com.pexper.ui.testing.OnScreen;
import com.pexper.ui.testing.ServiceComponents;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;

/**
 * Window > Preferences > Pexper > Providers, driven as a user would: point the OpenAI-compatible
 * provider at a local server, test the connection before saving, see an address that may not be
 * used refused, save (the running clients use it at once, the file says it), test a server that is
 * not running, and reset to the provider's own settings.
 */
class ProvidersPreferencePageTest {

    private static final String PAGE = "com.pexper.ui.preferences.providers";
    private final MockWebServer server = new MockWebServer();
    private final Path file = PexperHome.fromEnvironment().settings().resolve("providers.json");
    private final ServiceTracker<AiClients, AiClients> tracker = new ServiceTracker<>(
            FrameworkUtil.getBundle(ProvidersPreferencePageTest.class).getBundleContext(), AiClients.class, null);

    @BeforeEach
    void defaults() throws Exception {
        server.start();
        Files.deleteIfExists(file);
        ServiceComponents.restart("com.pexper.ai.internal.ConfiguredAiClients");
        tracker.open();
    }

    @AfterEach
    void forget() throws Exception {
        server.close();
        tracker.close();
        Files.deleteIfExists(file);
        ServiceComponents.restart("com.pexper.ai.internal.ConfiguredAiClients");
    }

    @Test
    void aLocalServerIsTestedBeforeSavingABadAddressIsRefusedAndResetPutsTheProviderBack() throws Exception {
        PreferenceDialog dialog = OnScreen.openPreferences(PAGE, 900, 620);
        Shell shell = dialog.getShell();
        Table providers = OnScreen.all(shell, Table.class).get(0);
        int row = List.of(providers.getItems()).stream().map(i -> i.getText(0)).toList().indexOf("OpenAI-compatible server");
        providers.select(row);
        providers.notifyListeners(SWT.Selection, null);
        Text address = field(shell, "http://127.0.0.1:1234/v1");
        String local = "http://127.0.0.1:" + server.getPort() + "/v1";
        address.setText(local);

        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .body("{\"data\":[{\"id\":\"qwen3-8b\"},{\"id\":\"gemma-3-4b\"}]}").build());
        OnScreen.press(OnScreen.button(shell, "Test Connection"));
        OnScreen.waitFor("the test's answer", 10_000, () -> result(shell).contains("answered"));
        assertTrue(result(shell).matches("OpenAI-compatible server answered at " + local.replace(".", "\\.")
                + " in \\d+ ms and offers 2 models: qwen3-8b, gemma-3-4b\\."), result(shell));
        assertEquals("/v1/models", server.takeRequest().getUrl().encodedPath());
        assertFalse(Files.exists(file), "testing saves nothing");
        OnScreen.screenshot(shell, "preferences-providers.png");

        address.setText("http://models.example.com/v1");
        OnScreen.pump();
        assertFalse(OnScreen.button(shell, "Apply and Close").isEnabled());
        assertEquals("OpenAI-compatible server: models.example.com is not this computer, so its address must start with"
                + " https://.", ((PreferencePage) dialog.getSelectedPage()).getErrorMessage());

        address.setText(local);
        field(shell, "300").setText("45"); // the read timeout
        OnScreen.press(OnScreen.button(shell, "Apply"));
        Map<String, String> saved = AiClients.readSettings(file).get("openai-compatible");
        assertEquals(Map.of("baseUrl", local, "readTimeoutSeconds", "45"), saved, "only what differs is kept");
        AiClients ai = tracker.getService();
        assertEquals(local, ai.settings(ai.descriptor("openai-compatible")).baseUrl(), "in effect at once");

        address.setText("http://127.0.0.1:1/v1");
        OnScreen.press(OnScreen.button(shell, "Test Connection"));
        OnScreen.waitFor("the second test's answer", 15_000, () -> result(shell).contains("running"));
        assertTrue(result(shell).contains("running on 127.0.0.1:1?"), result(shell));
        OnScreen.screenshot(shell, "preferences-providers-not-running.png");

        OnScreen.press(OnScreen.button(shell, "Reset to Defaults"));
        assertEquals("http://127.0.0.1:1234/v1", address.getText());
        OnScreen.press(OnScreen.button(shell, "Apply and Close"));
        assertFalse(AiClients.readSettings(file).containsKey("openai-compatible"), "back to its own settings");
    }

    private static Text field(Shell shell, String value) {
        return OnScreen.all(shell, Text.class).stream().filter(t -> t.getText().equals(value)).findFirst()
                .orElseThrow(() -> new AssertionError("no field holds " + value));
    }

    private static String result(Shell shell) {
        return OnScreen.all(shell, Label.class).stream().map(Label::getText)
                .filter(t -> t.contains("answered") || t.contains("running") || t.startsWith("Asking")).findFirst()
                .orElse("");
    }
}
