package com.pexper.ui.preferences.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.statushandlers.StatusManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import com.pexper.core.home.PexperHome;
import com.pexper.ui.testing.OnScreen;
import com.pexper.diagnostics.Consent;
import com.pexper.diagnostics.Diagnostics;
import com.pexper.net.PrivacyLedger;

/**
 * Window > Preferences > Pexper > Diagnostics, driven as a user would, in the running workbench:
 * with consent off an uncaught exception leaves nothing; choosing crash reports on the page makes
 * the next one a report the page shows exactly as it would leave, and deletes on request.
 */
class DiagnosticsPreferencePageTest {

    private static final String PAGE = "com.pexper.ui.preferences.diagnostics";
    private final ServiceTracker<Diagnostics, Diagnostics> tracker = new ServiceTracker<>(
            FrameworkUtil.getBundle(DiagnosticsPreferencePageTest.class).getBundleContext(), Diagnostics.class, null);
    private Diagnostics diagnostics;
    private final PexperHome home = PexperHome.fromEnvironment();

    @BeforeEach
    void off() throws Exception {
        tracker.open();
        diagnostics = tracker.waitForService(10_000);
        diagnostics.setConsent(Consent.OFF);
    }

    @AfterEach
    void close() throws Exception {
        diagnostics.setConsent(Consent.OFF);
        tracker.close();
    }

    /** What the workbench does with an exception its event loop caught: a status it logs. */
    private static void uncaughtInTheWorkbench(String message) {
        StatusManager.getManager().handle(new Status(IStatus.ERROR, "org.eclipse.ui", "Unhandled event loop exception",
                new IllegalStateException(message)), StatusManager.LOG);
        OnScreen.pump();
    }

    private static PreferenceDialog openPage() {
        return OnScreen.openPreferences(PAGE, 860, 640);
    }

    private static String waitingText(PreferenceDialog dialog) {
        return OnScreen.all(dialog.getShell(), Label.class).stream().map(Label::getText)
                .filter(t -> t.contains("to be sent")).findFirst().orElseThrow();
    }

    @Test
    void withConsentOffAnUncaughtExceptionLeavesNothingAndTheChoiceOnThePageMakesTheNextOneAReport()
            throws Exception {
        Path folder = home.root().resolve("diagnostics");
        uncaughtInTheWorkbench("with consent off, at /home/alice/secret.png");
        assertFalse(Files.exists(folder), "consent off: no diagnostics folder");

        PreferenceDialog dialog = openPage();
        assertTrue(OnScreen.button(dialog.getShell(), "Off").getSelection());
        assertTrue(waitingText(dialog).startsWith("No reports wait"), waitingText(dialog));
        OnScreen.screenshot(dialog.getShell(), "preferences-diagnostics-off.png");
        OnScreen.press(OnScreen.button(dialog.getShell(), "Crash reports"));
        OnScreen.press(OnScreen.button(dialog.getShell(), "Apply and Close"));
        OnScreen.pump();
        assertEquals(Consent.CRASHES, diagnostics.consent());
        assertTrue(Files.readString(home.settings().resolve("diagnostics.json")).contains("\"crashes\""));

        uncaughtInTheWorkbench("failed reading /home/alice/secret.png for alice@example.com");
        assertEquals(1, diagnostics.pending().size(), "the exception the workbench logged is a report");

        dialog = openPage();
        assertTrue(waitingText(dialog).startsWith("1 report waits"), waitingText(dialog));
        OnScreen.screenshot(dialog.getShell(), "preferences-diagnostics.png");
        AtomicReference<String> shown = new AtomicReference<>();
        OnScreen.onNextShell("What Would Be Sent", shell -> {
            shown.set(OnScreen.all(shell, Text.class).get(0).getText());
            shell.setSize(900, 640);
            OnScreen.screenshot(shell, "preferences-diagnostics-what-would-be-sent.png");
            OnScreen.press(OnScreen.button(shell, "Close"));
        });
        OnScreen.press(OnScreen.button(dialog.getShell(), "Show What Would Be Sent..."));
        assertTrue(shown.get() != null && shown.get().startsWith("== Crash report, written ")
                && shown.get().contains("IllegalStateException")
                && shown.get().contains("/home/[user]/secret.png for [email]") && !shown.get().contains("alice"),
                "the report as it would leave, scrubbed: " + shown.get());

        OnScreen.onNextShell("Delete Collected Diagnostics", shell -> OnScreen.press(OnScreen.button(shell, "Yes")));
        OnScreen.press(OnScreen.button(dialog.getShell(), "Delete Collected Diagnostics"));
        assertTrue(waitingText(dialog).startsWith("No reports wait"), waitingText(dialog));
        assertEquals(List.of(), diagnostics.pending());
        OnScreen.press(OnScreen.button(dialog.getShell(), "Off"));
        OnScreen.press(OnScreen.button(dialog.getShell(), "Apply and Close"));
        assertEquals(Consent.OFF, diagnostics.consent());
        assertFalse(Files.exists(folder));
        assertTrue(new PrivacyLedger(home.ledger()).read(Instant.EPOCH).stream()
                .noneMatch(e -> e.provider().equals("diagnostics")), "this build names no endpoint: nothing was sent");
    }
}
