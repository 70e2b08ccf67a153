package com.pexper.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import com.pexper.core.home.PexperHome;
import com.pexper.diagnostics.Consent;
import com.pexper.diagnostics.Diagnostics;
import com.pexper.ui.internal.WorkbenchDiagnostics;
import com.pexper.ui.testing.OnScreen;

/**
 * The first start's question about diagnostics: No is the default button, and a question that
 * goes away without an answer (its window closed under it) consents to nothing and comes again.
 */
class ConsentQuestionTest {

    private final ServiceTracker<Diagnostics, Diagnostics> tracker = new ServiceTracker<>(
            FrameworkUtil.getBundle(ConsentQuestionTest.class).getBundleContext(), Diagnostics.class, null);
    private final Path choice = PexperHome.fromEnvironment().settings().resolve("diagnostics.json");
    private Diagnostics diagnostics;
    private String ask;

    @BeforeEach
    void neverAsked() throws Exception {
        tracker.open();
        diagnostics = tracker.waitForService(10_000);
        assertNotNull(diagnostics);
        diagnostics.setConsent(Consent.OFF);
        Files.deleteIfExists(choice);
        ask = System.getProperty(WorkbenchDiagnostics.ASK_PROPERTY);
        System.clearProperty(WorkbenchDiagnostics.ASK_PROPERTY); // the tests' JVM says not to ask
    }

    @AfterEach
    void restore() throws Exception {
        if (ask != null) {
            System.setProperty(WorkbenchDiagnostics.ASK_PROPERTY, ask);
        }
        diagnostics.setConsent(Consent.OFF);
        tracker.close();
    }

    @Test
    void theDefaultAnswerIsNoAndItIsKept() {
        Shell parent = new Shell(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell());
        List<String> buttons = new ArrayList<>();
        onQuestion(question -> {
            all(question).forEach(b -> buttons.add(b.getText()));
            Button byDefault = question.getDefaultButton();
            assertEquals("No", byDefault.getText(), "Enter answers No");
            byDefault.notifyListeners(SWT.Selection, null);
        });
        new WorkbenchDiagnostics().askOnce(parent);
        parent.dispose();
        assertEquals(List.of("Send crash reports", "Crash reports and usage", "No"), buttons);
        assertEquals(Consent.OFF, diagnostics.consent());
        assertTrue(diagnostics.asked(), "the answer is kept: the question does not come again");
    }

    @Test
    void aQuestionClosedWithItsWindowConsentsToNothingAndComesAgain() {
        Shell parent = new Shell(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell());
        onQuestion(question -> parent.dispose()); // as when the workbench closes with the question open
        new WorkbenchDiagnostics().askOnce(parent);
        assertEquals(Consent.OFF, diagnostics.consent());
        assertFalse(diagnostics.asked(), "no answer was given");
        assertFalse(Files.exists(choice));
    }

    @Test
    void crashReportsIsAnAnswerOnlyWhenPressed() {
        Shell parent = new Shell(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell());
        onQuestion(question -> all(question).stream().filter(b -> b.getText().equals("Send crash reports")).findFirst()
                .orElseThrow().notifyListeners(SWT.Selection, null));
        new WorkbenchDiagnostics().askOnce(parent);
        parent.dispose();
        assertEquals(Consent.CRASHES, diagnostics.consent());
    }

    private static void onQuestion(Consumer<Shell> act) {
        OnScreen.onNextShell(WorkbenchDiagnostics.TITLE, act);
    }

    private static List<Button> all(Composite parent) {
        return OnScreen.all(parent, Button.class);
    }
}
