package com.pexper.ui.preferences.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import com.pexper.core.home.PexperHome;
import com.pexper.net.NetworkGate;
import com.pexper.net.NetworkRefusedException;
import com.pexper.ui.preferences.internal.NetworkPreferencePage;
import com.pexper.ui.testing.OnScreen;

import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * Window > Preferences > Pexper > Network, driven as a user would: local-only mode
 * switched on takes effect at the next request, whose refusal the ledger table then shows; a
 * manual proxy without a port cannot be saved; the ledger filters and exports.
 */
class NetworkPreferencePageTest {

    private static final String PAGE = "com.pexper.ui.preferences.network";
    private final ServiceTracker<NetworkGate, NetworkGate> tracker = new ServiceTracker<>(
            FrameworkUtil.getBundle(NetworkPreferencePageTest.class).getBundleContext(), NetworkGate.class, null);
    private final Path file = PexperHome.fromEnvironment().settings().resolve("network.json");
    private NetworkGate gate;

    @BeforeEach
    void nothingChosen() throws Exception {
        Files.deleteIfExists(file);
        tracker.open();
        gate = tracker.waitForService(10_000);
    }

    @AfterEach
    void forget() throws Exception {
        Files.deleteIfExists(file);
        tracker.close();
    }

    @Test
    void localOnlySwitchedOnRefusesTheNextRequestAndTheLedgerShowsIt() throws Exception {
        assertFalse(gate.localOnly());
        PreferenceDialog dialog = openPage();
        Shell shell = dialog.getShell();
        Button localOnly = OnScreen.button(shell, "Local-only mode: refuse every request that would leave this computer");
        localOnly.setSelection(true);
        localOnly.notifyListeners(SWT.Selection, null);
        OnScreen.press(OnScreen.button(shell, "Apply"));
        assertTrue(Files.readString(file).contains("\"localOnly\" : true"), Files.readString(file));
        assertTrue(gate.localOnly(), "at the next request, without a restart");

        assertThrows(NetworkRefusedException.class, () -> gate.clientFor("openai", HttpUrl.get("https://api.example.invalid/"))
                .newCall(new Request.Builder().url("https://api.example.invalid/v1/models").build()).execute());
        OnScreen.press(OnScreen.button(shell, "Refresh"));
        Table ledger = OnScreen.all(shell, Table.class).get(0);
        waitFor("the refused request in the table", () -> ledger.getItemCount() > 0
                && ledger.getItem(0).getText(2).equals("api.example.invalid"));
        assertEquals("refused: local-only mode is on", ledger.getItem(0).getText(7));
        assertEquals("openai", ledger.getItem(0).getText(1));
        assertEquals("/v1/models", ledger.getItem(0).getText(4));

        Text filter = OnScreen.all(shell, Text.class).stream().filter(t -> t.getMessage().startsWith("Filter")).findFirst()
                .orElseThrow();
        filter.setText("example.invalid refused");
        OnScreen.pump();
        assertEquals(countOf("api.example.invalid"), ledger.getItemCount());
        assertTrue(OnScreen.all(shell, Label.class).stream().anyMatch(l -> l.getText().matches("\\d+ of \\d+ requests?")
                || l.getText().matches("\\d+ requests?")), "the count says how many are shown");
        OnScreen.screenshot(shell, "preferences-network.png");

        Path csv = Files.createTempFile("ledger", ".csv");
        ((NetworkPreferencePage) dialog.getSelectedPage()).exportTo(csv);
        List<String> lines = Files.readAllLines(csv);
        assertTrue(lines.get(0).startsWith("time,provider,host,port,method,path,status,outcome"), lines.get(0));
        assertTrue(lines.get(1).contains(",openai,api.example.invalid,443,GET,/v1/models,0,\"refused: local-only mode is on, so"),
                lines.get(1));
        Files.delete(csv);

        OnScreen.press(OnScreen.button(shell, "Manual:"));
        Text port = OnScreen.all(shell, Text.class).stream().filter(t -> "3128".equals(t.getMessage())).findFirst()
                .orElseThrow();
        Text host = OnScreen.all(shell, Text.class).stream().filter(t -> "proxy.example.org".equals(t.getMessage()))
                .findFirst().orElseThrow();
        host.setText("127.0.0.1");
        port.setText("no port");
        OnScreen.pump();
        assertFalse(OnScreen.button(shell, "Apply and Close").isEnabled(), "a proxy without a port is not saved");
        assertTrue(((NetworkPreferencePage) dialog.getSelectedPage()).getErrorMessage().contains("port from 1 to 65535"));
        port.setText("3128");
        OnScreen.pump();
        assertTrue(OnScreen.button(shell, "Apply and Close").isEnabled());

        localOnly.setSelection(false);
        localOnly.notifyListeners(SWT.Selection, null);
        OnScreen.press(OnScreen.button(shell, "Apply and Close"));
        assertFalse(gate.localOnly(), "off again");
        assertTrue(Files.readString(file).contains("\"mode\" : \"manual\""), Files.readString(file));
    }

    private long countOf(String host) throws Exception {
        return gate.ledger().read(java.time.Instant.EPOCH).stream()
                .filter(e -> e.host().equals(host) && e.outcome().startsWith("refused")).count();
    }

    private static PreferenceDialog openPage() {
        return OnScreen.openPreferences(PAGE, 960, 700);
    }

    private static void waitFor(String what, BooleanSupplier condition) {
        OnScreen.waitFor(what, 10_000, condition);
    }
}
