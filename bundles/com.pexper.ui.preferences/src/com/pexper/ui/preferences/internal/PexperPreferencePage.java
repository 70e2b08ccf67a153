package com.pexper.ui.preferences.internal;

import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;

/** The head of Pexper's pages: what Pexper keeps where, and which page changes what. */
public final class PexperPreferencePage extends PreferencePage implements IWorkbenchPreferencePage {

    @Override
    public void init(IWorkbench workbench) {
        noDefaultAndApplyButton();
    }

    @Override
    protected Control createContents(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        page.setLayout(new GridLayout(1, false));
        Label text = new Label(page, SWT.WRAP);
        text.setText("""
                Pexper keeps your workflows, keys, run records and outputs on this device. The only \
                network traffic is the call to the AI provider you chose, and every request is written \
                to the privacy ledger.

                Keys: the API keys in secure storage; add, replace, remove and test them.
                Providers: where each AI provider is reached, its models, timeouts and calls at once.
                Network: local-only mode, the proxy, and the privacy ledger.
                Diagnostics: whether Pexper may send anonymous crash reports and usage analytics (off \
                unless you turn them on), what they contain, and the reports waiting to be sent.""");
        GridData wide = new GridData(SWT.FILL, SWT.TOP, true, false);
        wide.widthHint = 480;
        text.setLayoutData(wide);
        return page;
    }
}
