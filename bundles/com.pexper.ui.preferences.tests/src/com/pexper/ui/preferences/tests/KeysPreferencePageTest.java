package com.pexper.ui.preferences.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.eclipse.core.runtime.Platform;
import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

import com.pexper.ai.AiClients;
import com.pexper.ai.testing.ProviderTestBench;
import com.pexper.core.home.PexperHome;
import com.pexper.ui.testing.OnScreen;
import com.pexper.ui.testing.ServiceComponents;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * Window > Preferences > Pexper > Keys, driven as a user would: add a key for a local
 * OpenAI-compatible server (a loopback one here), test it (one authenticated request), replace it
 * and remove it; and the key in none of what was written, logged, printed or shown meanwhile.
 */
class KeysPreferencePageTest {

    private static final String PAGE = "com.pexper.ui.preferences.keys";
    private static final String REPLACEMENT = ProviderTestBench.FAKE_KEY.replace("7f3a", "8e4b");
    private final MockWebServer server = new MockWebServer();
    private final PexperHome home = PexperHome.fromEnvironment();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final List<String> shown = new ArrayList<>();
    private PrintStream out;
    private PrintStream err;
    private Path settings;

    @BeforeEach
    void pointTheServerAtALoopbackOne() throws Exception {
        server.start();
        settings = home.settings().resolve("providers.json");
        Files.createDirectories(settings.getParent());
        Files.writeString(settings, "{\"openai-compatible\": {\"baseUrl\": \"http://127.0.0.1:" + server.getPort()
                + "/v1\"}}");
        restartAiClients();
        BundleContext context = FrameworkUtil.getBundle(KeysPreferencePageTest.class).getBundleContext();
        ServiceReference<AiClients> ai = context.getServiceReference(AiClients.class);
        context.getService(ai).credentials().remove("loopback"); // left by a run that stopped halfway
        context.ungetService(ai);
        out = System.out;
        err = System.err;
        System.setOut(new PrintStream(tee(out), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(tee(err), true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() throws Exception {
        System.setOut(out);
        System.setErr(err);
        server.close();
        Files.deleteIfExists(settings);
        restartAiClients();
    }

    private OutputStream tee(PrintStream original) {
        return new OutputStream() {
            @Override
            public void write(int b) {
                original.write(b);
                synchronized (printed) {
                    printed.write(b);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) {
                original.write(b, off, len);
                synchronized (printed) {
                    printed.write(b, off, len);
                }
            }
        };
    }

    @Test
    void aKeyIsAddedTestedAgainstItsServerReplacedAndRemovedAndNeverShown() throws Exception {
        PreferenceDialog dialog = openPage();
        Shell shell = dialog.getShell();
        Table table = OnScreen.all(shell, Table.class).get(0);
        int before = table.getItemCount();

        fillTheKeyDialog("Add API Key", "loopback", ProviderTestBench.FAKE_KEY);
        OnScreen.press(OnScreen.button(shell, "Add..."));
        TableItem added = row(table, "loopback");
        assertNotNull(added, "the new key is listed");
        assertEquals(before + 1, table.getItemCount());
        assertEquals("OpenAI-compatible server", added.getText(1));
        assertEquals("http://127.0.0.1:" + server.getPort(), added.getText(2), "bound to the server's address");

        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .body("{\"data\":[{\"id\":\"test-model\"},{\"id\":\"other-model\"}]}").build());
        table.setSelection(added);
        table.notifyListeners(SWT.Selection, null);
        OnScreen.press(OnScreen.button(shell, "Test"));
        waitFor("the test's answer", () -> result(shell).contains("works"));
        assertTrue(result(shell).matches("The key 'loopback' works: OpenAI-compatible server answered in \\d+ ms and"
                + " offers 2 models\\."), result(shell));
        assertTrue(OnScreen.button(shell, "Test").isEnabled(), "Test can be pressed again");
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertEquals("/v1/models", request.getUrl().encodedPath());
        assertEquals("Bearer " + ProviderTestBench.FAKE_KEY, request.getHeaders().get("Authorization"));
        OnScreen.screenshot(shell, "preferences-keys.png");

        fillTheKeyDialog("Replace API Key", null, REPLACEMENT);
        OnScreen.press(OnScreen.button(shell, "Replace..."));
        server.enqueue(new MockResponse.Builder().code(401).setHeader("Content-Type", "application/json")
                .body("{\"error\":{\"message\":\"Incorrect API key provided\"}}").build());
        table.setSelection(row(table, "loopback"));
        table.notifyListeners(SWT.Selection, null);
        OnScreen.press(OnScreen.button(shell, "Test"));
        waitFor("the second test's answer", () -> result(shell).contains("did not work"));
        assertEquals("Bearer " + REPLACEMENT, server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Authorization"),
                "the replacement is the key sent now");
        shown.add(result(shell));
        OnScreen.screenshot(shell, "preferences-keys-wrong.png");

        OnScreen.onNextShell("Remove Key", question -> OnScreen.press(OnScreen.button(question, "Yes")));
        table.setSelection(row(table, "loopback"));
        table.notifyListeners(SWT.Selection, null);
        OnScreen.press(OnScreen.button(shell, "Remove"));
        assertEquals(before, table.getItemCount(), "removed");
        OnScreen.press(OnScreen.button(shell, "Apply and Close"));

        assertNeverShown();
    }

    /** The key dialog that opens next gets a provider (when adding), a name and a key, then Store Key. */
    private void fillTheKeyDialog(String title, String name, String key) {
        OnScreen.onNextShell(title, keyDialog -> {
            if (name != null) {
                Combo providers = OnScreen.all(keyDialog, Combo.class).get(0);
                List<String> items = List.of(providers.getItems());
                int compatible = items.indexOf(items.stream().filter(i -> i.contains("(openai-compatible)")).findFirst()
                        .orElseThrow());
                providers.select(compatible);
                providers.notifyListeners(SWT.Selection, null);
            }
            List<Text> fields = OnScreen.all(keyDialog, Text.class);
            int hidden = fields.indexOf(fields.stream().filter(t -> (t.getStyle() & SWT.PASSWORD) != 0).findFirst()
                    .orElseThrow());
            Text nameField = fields.get(hidden - 1); // the form is name, then key
            Text keyField = fields.get(hidden);
            if (name != null) {
                nameField.setText(name);
            } else {
                assertFalse(nameField.getEditable(), "a replaced key keeps its name");
            }
            keyField.setText(key);
            collectTexts(keyDialog);
            OnScreen.press(OnScreen.button(keyDialog, "Store Key"));
        });
    }

    private void assertNeverShown() throws Exception {
        List<String> forms = new ArrayList<>(ProviderTestBench.canaryForms());
        forms.add(REPLACEMENT.substring(10));
        List<Path> written = new ArrayList<>();
        try (Stream<Path> files = Files.walk(home.root())) {
            files.filter(Files::isRegularFile).forEach(written::add);
        }
        Path log = Path.of(Platform.getLogFileLocation().toOSString());
        if (Files.exists(log)) {
            written.add(log);
        }
        for (Path file : written) {
            String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            for (String form : forms) {
                assertFalse(content.contains(form), "the key (as " + form + ") is in " + file);
            }
        }
        String printedText;
        synchronized (printed) {
            printedText = printed.toString(StandardCharsets.UTF_8);
        }
        for (String form : forms) {
            assertFalse(printedText.contains(form), "the key (as " + form + ") was printed");
            for (String text : shown) {
                assertFalse(text.contains(form), "the key (as " + form + ") was shown: " + text);
            }
        }
        assertTrue(written.size() > 3, "files were scanned: " + written);
    }

    private void collectTexts(Composite parent) {
        OnScreen.all(parent, Label.class).forEach(l -> shown.add(l.getText()));
        OnScreen.all(parent, Text.class).stream().filter(t -> (t.getStyle() & SWT.PASSWORD) == 0)
                .forEach(t -> shown.add(t.getText()));
        OnScreen.all(parent, Table.class).forEach(t -> {
            for (TableItem item : t.getItems()) {
                for (int c = 0; c < t.getColumnCount(); c++) {
                    shown.add(item.getText(c));
                }
            }
        });
    }

    private static PreferenceDialog openPage() {
        return OnScreen.openPreferences(PAGE, 900, 560);
    }

    private String result(Shell shell) {
        collectTexts(shell);
        return OnScreen.all(shell, Label.class).stream().map(Label::getText)
                .filter(t -> t.startsWith("The key ") || t.startsWith("Testing ") || t.startsWith("Stored ")
                        || t.startsWith("Replaced ") || t.startsWith("Removed "))
                .findFirst().orElse("");
    }

    private static TableItem row(Table table, String name) {
        for (TableItem item : table.getItems()) {
            if (item.getText(0).equals(name)) {
                return item;
            }
        }
        return null;
    }

    private static void waitFor(String what, BooleanSupplier condition) {
        OnScreen.waitFor(what, 10_000, condition);
    }

    /** The AI clients read providers.json when they start: a restart makes them read the loopback address. */
    private static void restartAiClients() throws Exception {
        ServiceComponents.restart("com.pexper.ai.internal.ConfiguredAiClients");
    }
}
