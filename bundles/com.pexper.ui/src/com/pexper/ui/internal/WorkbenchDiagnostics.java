package com.pexper.ui.internal;

import java.io.IOException;
import java.util.List;

import org.eclipse.core.runtime.ILogListener;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWTException;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import com.pexper.diagnostics.Consent;
import com.pexper.diagnostics.Diagnostics;

/**
 * The workbench's side of diagnostics: a session from start to exit, the errors the platform logs
 * with an exception (an exception in the event loop, a failed job) as crash reports, the screen
 * scale as a device fact, and, at the first start, one question for consent whose default is No.
 * The service keeps nothing unless the user said yes.
 */
public final class WorkbenchDiagnostics implements ILogListener {

    /** An administrator who decided for the user (or a test) sets {@code -Dpexper.diagnostics.ask=false}. */
    public static final String ASK_PROPERTY = "pexper.diagnostics.ask";
    public static final String TITLE = "Help improve Pexper?";

    private final ServiceTracker<Diagnostics, Diagnostics> tracker = new ServiceTracker<>(
            FrameworkUtil.getBundle(WorkbenchDiagnostics.class).getBundleContext(), Diagnostics.class, null);

    public WorkbenchDiagnostics() {
        tracker.open();
    }

    private Diagnostics diagnostics() {
        Diagnostics service = tracker.getService();
        return service != null ? service : Diagnostics.NONE;
    }

    void started(Display display) {
        Platform.addLogListener(this);
        Diagnostics diagnostics = diagnostics();
        diagnostics.deviceFact("screen.scale", Float.toString(display.getPrimaryMonitor().getZoom() / 100f));
        diagnostics.sessionStarted("workbench");
    }

    void stopped() {
        Platform.removeLogListener(this);
        diagnostics().sessionEnded();
        tracker.close();
    }

    /**
     * An unchecked exception (a bug, not a file that could not be read) logged as an error: what
     * the workbench does with an exception its event loop caught, and the jobs framework with one a
     * job threw. A failure to report it must not come back here as another logged error.
     */
    @Override
    public void logging(IStatus status, String plugin) {
        Throwable thrown = status.getException();
        if (status.getSeverity() != IStatus.ERROR || !(thrown instanceof RuntimeException || thrown instanceof Error)) {
            return;
        }
        String where = "org.eclipse.core.jobs".equals(status.getPlugin()) ? "job" : "workbench";
        try {
            diagnostics().crashed(thrown, where, List.of());
        } catch (RuntimeException e) {
            // not logged: logging it would bring it here again
        }
    }

    /**
     * Asks once, unless asked before or an administrator said not to; closing the question answers
     * nothing, so it comes again at the next start.
     */
    public void askOnce(Shell parent) {
        Diagnostics diagnostics = diagnostics();
        if (diagnostics.asked() || "false".equals(System.getProperty(ASK_PROPERTY)) || diagnostics == Diagnostics.NONE) {
            return;
        }
        String[] answers = { "Send crash reports", "Crash reports and usage", "No" };
        // A dialog disposed with its window (the workbench closed while it was open) returns Window.OK,
        // which is 0, the first button: only a button actually pressed is an answer.
        int[] pressed = { -1 };
        MessageDialog question = new MessageDialog(parent, TITLE, null, """
                May Pexper send an anonymous report when it fails unexpectedly, so that the bug gets fixed?

                %s

                With usage as well: %s

                Nothing is sent unless you say yes. Reports wait in your Pexper folder, where you can read \
                them (Window > Preferences > Pexper > Diagnostics, or `pexper diagnostics show`), and \
                every one that leaves is in the privacy ledger. You can change this at any time.\
                """.formatted(Consent.CRASHES.sends(), Consent.ALL.sends().replace("Crash reports as above, and a", "a")),
                MessageDialog.QUESTION, 2, answers) {
            @Override
            protected void buttonPressed(int buttonId) {
                pressed[0] = buttonId;
                super.buttonPressed(buttonId);
            }
        };
        try {
            question.open();
        } catch (SWTException gone) {
            if (!parent.isDisposed()) {
                throw gone;
            }
            return; // the window closed under the question (the workbench is closing): no answer
        }
        Consent chosen = switch (pressed[0]) {
            case 0 -> Consent.CRASHES;
            case 1 -> Consent.ALL;
            case 2 -> Consent.OFF;
            default -> null;
        };
        if (chosen == null) {
            return;
        }
        try {
            diagnostics.setConsent(chosen);
        } catch (IOException e) {
            MessageDialog.openError(parent, TITLE, "Your answer could not be saved (" + e.getMessage()
                    + "). Pexper collects nothing meanwhile; it will ask again at the next start.");
        }
    }
}
