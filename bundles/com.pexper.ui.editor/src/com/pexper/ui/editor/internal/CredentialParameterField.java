package com.pexper.ui.editor.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;

import com.pexper.ai.AiClients;
import com.pexper.core.node.ParameterSpec;
import com.pexper.ui.preferences.keys.AddKeyDialog;

/**
 * A key by name: a list of the names in secure storage, never their values, and Add Key to store
 * a new one. The workflow keeps the name; the key stays in the store.
 */
final class CredentialParameterField extends ParameterField {

    private Combo combo;
    /** The value each item of the list stands for ("" is the provider's default name). */
    private final List<String> values = new ArrayList<>();
    /** The key names stored, once read; null until then. */
    private Set<String> stored;

    CredentialParameterField(Composite parent, ParameterSpec spec, Host host) {
        super(parent, spec, host);
    }

    @Override
    protected void createEditor(Composite parent) {
        columns(parent, 2);
        combo = new Combo(parent, SWT.READ_ONLY | SWT.DROP_DOWN);
        GridData data = new GridData(SWT.FILL, SWT.CENTER, true, false);
        data.widthHint = 120;
        combo.setLayoutData(data);
        combo.addListener(SWT.Selection, e -> {
            int index = combo.getSelectionIndex();
            if (index >= 0) {
                commit(values.get(index));
            }
        });
        Button add = new Button(parent, SWT.PUSH);
        add.setText("Add Key\u2026");
        add.setEnabled(host.ai() != null);
        add.setToolTipText(host.ai() == null ? "Keys are kept by Pexper's AI bundle, which is not installed."
                : "Stores a new key in secure storage, under a name this node then uses.");
        add.addListener(SWT.Selection, e -> addKey());
    }

    private void addKey() {
        AiClients ai = host.ai();
        Set<String> taken;
        try {
            taken = AddKeyDialog.names(ai.credentials());
        } catch (IOException e) {
            flag("Secure storage cannot be read: " + e.getMessage());
            return;
        }
        AddKeyDialog dialog = new AddKeyDialog(host.shell(), ai, host.valueOf("provider"), taken);
        if (dialog.open() == Window.OK && dialog.stored() != null) {
            stored = null; // one more now
            list(dialog.stored());
            commit(dialog.stored());
        }
    }

    @Override
    protected void display(String value) {
        list(value);
    }

    /** Fills the list with the stored names, {@code value} among them and selected. */
    private void list(String value) {
        Set<String> names = storedNames();
        values.clear();
        List<String> items = new ArrayList<>();
        values.add("");
        items.add("default: " + defaultName()); // short: the list is as narrow as the view
        for (String name : names) {
            values.add(name);
            items.add(name);
        }
        if (!value.isEmpty() && !names.contains(value)) {
            values.add(value);
            items.add(value + " (not stored: Add Key stores it)");
        }
        combo.setItems(items.toArray(String[]::new));
        combo.select(values.indexOf(value));
    }

    /**
     * The names in secure storage, read once for this field (and again after Add Key), not on
     * every edit of the workflow, each of which shows the field's value anew.
     */
    private Set<String> storedNames() {
        if (stored == null) {
            stored = new TreeSet<>();
            AiClients ai = host.ai();
            if (ai != null) {
                try {
                    stored.addAll(AddKeyDialog.names(ai.credentials()));
                } catch (IOException e) {
                    flag("Secure storage cannot be read: " + e.getMessage());
                }
            }
        }
        return stored;
    }

    /** The key name the node's provider uses by default. */
    private String defaultName() {
        AiClients ai = host.ai();
        String provider = host.valueOf("provider");
        if (ai != null && !provider.isEmpty()) {
            return ai.registry().find(provider).map(d -> d.credential().defaultName()).filter(n -> n != null)
                    .orElse(provider);
        }
        return provider.isEmpty() ? "default" : provider;
    }

    Combo combo() {
        return combo;
    }
}
