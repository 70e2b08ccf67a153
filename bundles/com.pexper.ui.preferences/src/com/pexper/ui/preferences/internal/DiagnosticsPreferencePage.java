package com.pexper.ui.preferences.internal;

import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import com.pexper.diagnostics.Consent;
import com.pexper.diagnostics.Diagnostics;
import com.pexper.diagnostics.PendingReport;

/**
 * Window > Preferences > Pexper > Diagnostics: off, crash reports, or crash reports and usage
 * analytics, each with what it sends in words; the reports waiting to leave, shown exactly as they
 * would, and a button that deletes them.
 */
public final class DiagnosticsPreferencePage extends PreferencePage implements IWorkbenchPreferencePage {

    static final Map<Consent, String> CHOICES = Map.of(Consent.OFF, "&Off",
            Consent.CRASHES, "&Crash reports", Consent.ALL, "Crash reports and &usage analytics");

    private final ServiceTracker<Diagnostics, Diagnostics> tracker = new ServiceTracker<>(
            FrameworkUtil.getBundle(DiagnosticsPreferencePage.class).getBundleContext(), Diagnostics.class, null);
    private Diagnostics diagnostics = Diagnostics.NONE;
    private final Map<Consent, Button> choices = new EnumMap<>(Consent.class);
    private Label waiting;
    private Button show;
    private Button delete;

    @Override
    public void init(IWorkbench workbench) {
        tracker.open();
        Diagnostics service = tracker.getService();
        diagnostics = service != null ? service : Diagnostics.NONE;
        setDescription("Anonymous reports help fix Pexper's bugs. Nothing is collected or sent unless you choose"
                + " so here.");
    }

    @Override
    protected Control createContents(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        page.setLayout(new GridLayout(1, false));
        for (Consent consent : Consent.values()) {
            Button choice = new Button(page, SWT.RADIO);
            choice.setText(CHOICES.get(consent));
            GridData spaced = new GridData();
            spaced.verticalIndent = consent == Consent.OFF ? 4 : 10;
            choice.setLayoutData(spaced);
            choice.setSelection(consent == diagnostics.consent());
            choices.put(consent, choice);
            Label sends = new Label(page, SWT.WRAP);
            sends.setText(consent.sends());
            GridData indented = new GridData(SWT.FILL, SWT.TOP, true, false);
            indented.horizontalIndent = 22;
            indented.widthHint = 460;
            sends.setLayoutData(indented);
            sends.setForeground(page.getDisplay().getSystemColor(SWT.COLOR_WIDGET_DARK_SHADOW));
        }
        new Label(page, SWT.SEPARATOR | SWT.HORIZONTAL).setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        waiting = new Label(page, SWT.WRAP);
        GridData wide = new GridData(SWT.FILL, SWT.TOP, true, false);
        wide.widthHint = 480;
        waiting.setLayoutData(wide);
        Composite buttons = new Composite(page, SWT.NONE);
        buttons.setLayout(new GridLayout(2, false));
        show = new Button(buttons, SWT.PUSH);
        show.setText("&Show What Would Be Sent...");
        show.addListener(SWT.Selection, e -> showPending());
        delete = new Button(buttons, SWT.PUSH);
        delete.setText("&Delete Collected Diagnostics");
        delete.addListener(SWT.Selection, e -> deleteCollected());
        updateWaiting();
        if (diagnostics == Diagnostics.NONE) {
            setErrorMessage("Diagnostics are not installed in this Pexper: nothing is collected.");
            choices.values().forEach(b -> b.setEnabled(false));
        }
        return page;
    }

    private List<PendingReport> pending() {
        try {
            return diagnostics.pending();
        } catch (IOException e) {
            setErrorMessage("The waiting reports cannot be read: " + e.getMessage());
            return List.of();
        }
    }

    private void updateWaiting() {
        int n = pending().size();
        waiting.setText((n == 0 ? "No reports wait to be sent." : (n == 1 ? "1 report waits" : n + " reports wait")
                + " to be sent.") + " " + (diagnostics.endpointConfigured()
                        ? "Reports leave through the network gate, so the privacy ledger lists each one."
                        : "This build names no place to send them to: nothing leaves this device."));
        show.setEnabled(n > 0);
        delete.setEnabled(n > 0);
        waiting.getParent().layout(true, true);
    }

    private void showPending() {
        StringBuilder text = new StringBuilder();
        for (PendingReport report : pending()) {
            text.append(report.readable()).append('\n');
        }
        new ReportsDialog(getShell(), text.toString()).open();
    }

    private void deleteCollected() {
        int n = pending().size();
        if (!MessageDialog.openQuestion(getShell(), "Delete Collected Diagnostics",
                "Delete the " + (n == 1 ? "report" : n + " reports") + " waiting to be sent? They have not left this"
                        + " device.")) {
            return;
        }
        try {
            diagnostics.deleteCollected();
        } catch (IOException e) {
            setErrorMessage("The reports could not be deleted: " + e.getMessage());
        }
        updateWaiting();
    }

    private Consent selected() {
        return choices.entrySet().stream().filter(e -> e.getValue().getSelection()).map(Map.Entry::getKey).findFirst()
                .orElse(Consent.OFF);
    }

    @Override
    protected void performDefaults() {
        choices.forEach((consent, button) -> button.setSelection(consent == Consent.OFF));
        super.performDefaults();
    }

    @Override
    public boolean performOk() {
        if (diagnostics == Diagnostics.NONE || selected() == diagnostics.consent() && diagnostics.asked()) {
            return true;
        }
        try {
            diagnostics.setConsent(selected());
        } catch (IOException e) {
            setErrorMessage("Your choice could not be saved: " + e.getMessage());
            return false;
        }
        updateWaiting();
        return true;
    }

    @Override
    public void dispose() {
        tracker.close();
        super.dispose();
    }

    /** The waiting reports, read-only, in a fixed-width font, as they would leave. */
    static final class ReportsDialog extends org.eclipse.jface.dialogs.Dialog {
        static final String TITLE = "What Would Be Sent";
        private final String text;

        ReportsDialog(org.eclipse.swt.widgets.Shell parent, String text) {
            super(parent);
            this.text = text;
            setShellStyle(getShellStyle() | SWT.RESIZE);
        }

        @Override
        protected void configureShell(org.eclipse.swt.widgets.Shell shell) {
            super.configureShell(shell);
            shell.setText(TITLE);
        }

        @Override
        protected Control createDialogArea(Composite parent) {
            Composite area = (Composite) super.createDialogArea(parent);
            org.eclipse.swt.widgets.Text reports = new org.eclipse.swt.widgets.Text(area,
                    SWT.MULTI | SWT.READ_ONLY | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
            reports.setFont(JFaceResources.getTextFont());
            reports.setText(text);
            GridData size = new GridData(SWT.FILL, SWT.FILL, true, true);
            size.widthHint = 720;
            size.heightHint = 460;
            reports.setLayoutData(size);
            return area;
        }

        @Override
        protected void createButtonsForButtonBar(Composite parent) {
            createButton(parent, OK, "Close", true);
        }
    }
}
