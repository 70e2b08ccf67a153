package com.pexper.ui.preferences.keys;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

import com.pexper.ai.AiClients;
import com.pexper.ai.AiException;
import com.pexper.ai.ProviderDescriptor;
import com.pexper.ai.Secret;
import com.pexper.ai.keys.CredentialStore;

/**
 * Stores a new API key in secure storage under a name, bound to its provider's address, as
 * {@code pexper keys set} does, or replaces a stored one. The key is typed into a hidden field and
 * goes from there to the store only: the workflow, the log and every message get its name alone.
 * The editor's key field and the Keys preference page both use it.
 */
public final class AddKeyDialog extends TitleAreaDialog {

    private final AiClients ai;
    private final String provider;
    private final Set<String> taken;
    /** The stored key this dialog replaces, or null when it adds one. */
    private final String replacing;
    private Combo providers;
    private Text name;
    private Text key;
    private List<ProviderDescriptor> descriptors;
    /** The name the key was stored under, once it was. */
    private String stored;

    /**
     * @param provider the provider to offer first (the node's), or null
     * @param taken the names stored now: to number a new one, and to warn before one is replaced
     */
    public AddKeyDialog(Shell parent, AiClients ai, String provider, Set<String> taken) {
        this(parent, ai, provider, taken, null);
    }

    /** @param replacing the name of the stored key whose value this one replaces, or null to add one */
    public AddKeyDialog(Shell parent, AiClients ai, String provider, Set<String> taken, String replacing) {
        super(parent);
        this.ai = ai;
        this.provider = provider;
        this.taken = taken;
        this.replacing = replacing;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(replacing == null ? "Add API Key" : "Replace API Key");
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle(replacing == null ? "Add an API key" : "Replace the key '" + replacing + "'");
        setMessage("Kept in Pexper's secure storage and sent only to the provider's address."
                + " The workflow keeps only the name.");
        Composite form = new Composite(area, SWT.NONE);
        form.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        form.setLayout(new GridLayout(2, false));
        new Label(form, SWT.NONE).setText("&Provider:");
        providers = new Combo(form, SWT.READ_ONLY);
        providers.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        descriptors = ai.registry().all().stream().filter(d -> d.credential().defaultName() != null).toList();
        providers.setItems(descriptors.stream().map(d -> d.label() + " (" + d.id() + ")").toArray(String[]::new));
        int first = 0;
        for (int i = 0; i < descriptors.size(); i++) {
            if (descriptors.get(i).id().equals(provider)) {
                first = i;
            }
        }
        new Label(form, SWT.NONE).setLayoutData(new GridData()); // under the labels: nothing
        Label where = new Label(form, SWT.WRAP);
        where.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        where.setForeground(form.getDisplay().getSystemColor(SWT.COLOR_WIDGET_DARK_SHADOW));
        new Label(form, SWT.NONE).setText("&Name:");
        name = new Text(form, SWT.BORDER | SWT.SINGLE);
        name.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        new Label(form, SWT.NONE).setText("&Key:");
        key = new Text(form, SWT.BORDER | SWT.SINGLE | SWT.PASSWORD);
        GridData keyData = new GridData(SWT.FILL, SWT.CENTER, true, false);
        keyData.widthHint = convertWidthInCharsToPixels(48);
        key.setLayoutData(keyData);
        key.setMessage("paste the key");
        if (!descriptors.isEmpty()) {
            providers.select(first);
            name.setText(replacing != null ? replacing : freeName(descriptors.get(first)));
            where.setText(help(descriptors.get(first)));
        }
        if (replacing != null) {
            name.setEditable(false);
        }
        providers.addListener(SWT.Selection, e -> {
            ProviderDescriptor chosen = descriptors.get(providers.getSelectionIndex());
            if (replacing == null) {
                name.setText(freeName(chosen));
            }
            where.setText(help(chosen));
            form.layout(true);
        });
        name.addListener(SWT.Modify, e -> check());
        key.addListener(SWT.Modify, e -> check());
        key.setFocus();
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, "&Store Key", true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
        check();
    }

    private static String help(ProviderDescriptor descriptor) {
        return descriptor.credential().help() == null ? "" : descriptor.credential().help();
    }

    /** The provider's own name ("openai"), numbered when that is taken. */
    private String freeName(ProviderDescriptor descriptor) {
        String base = descriptor.credential().defaultName();
        String candidate = base;
        for (int n = 2; taken.contains(candidate); n++) {
            candidate = base + "-" + n;
        }
        return candidate;
    }

    private void check() {
        if (getButton(IDialogConstants.OK_ID) == null || name == null) {
            return;
        }
        String problem = null;
        try {
            CredentialStore.checkName(name.getText().strip());
        } catch (IllegalArgumentException e) {
            problem = "Name: " + e.getMessage();
        }
        if (problem == null && replacing == null && taken.contains(name.getText().strip())) {
            setMessage("A key named '" + name.getText().strip() + "' is stored already: this one replaces it.",
                    IMessageProvider.WARNING);
        } else if (problem == null) {
            setMessage("Kept in Pexper's secure storage and sent only to the provider's address."
                    + " The workflow keeps only the name.");
        }
        setErrorMessage(problem);
        getButton(IDialogConstants.OK_ID).setEnabled(problem == null && !key.getText().isBlank()
                && providers.getSelectionIndex() >= 0);
    }

    @Override
    protected void okPressed() {
        String chosen = name.getText().strip();
        try {
            ai.storeKey(chosen, descriptors.get(providers.getSelectionIndex()).id(), Secret.of(key.getText()));
        } catch (IllegalArgumentException | AiException | IOException e) {
            // none of these messages repeats the key (Secret and the store never do)
            setErrorMessage("Not stored: " + e.getMessage());
            return;
        }
        key.setText("");
        stored = chosen;
        super.okPressed();
    }

    /** The name the key was stored under, or null when the dialog was cancelled. */
    public String stored() {
        return stored;
    }

    /** The names stored now: to number a new one, and to warn before one is replaced. */
    public static Set<String> names(CredentialStore store) throws IOException {
        return store.list().stream().map(CredentialStore.StoredKey::name).collect(Collectors.toSet());
    }
}
