package com.pexper.ui.editor.internal;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;

import com.pexper.core.node.ParameterSpec;

/**
 * One of the declared choices, from a list; committed as it is chosen. A value the workflow has
 * that is not a choice (a hand-edited file) is shown as it is, and flagged.
 */
final class ChoiceParameterField extends ParameterField {

    private Combo combo;

    ChoiceParameterField(Composite parent, ParameterSpec spec, Host host) {
        super(parent, spec, host);
    }

    @Override
    protected void createEditor(Composite parent) {
        parent.setLayout(new FillLayout());
        combo = new Combo(parent, SWT.READ_ONLY | SWT.DROP_DOWN);
        combo.setItems(spec.choices().toArray(String[]::new));
        combo.setVisibleItemCount(Math.min(12, Math.max(1, spec.choices().size())));
        combo.addListener(SWT.Selection, e -> commit(combo.getText()));
    }

    @Override
    protected void display(String text) {
        int index = spec.choices().indexOf(text);
        if (index < 0 && !text.isEmpty()) {
            // not one of the choices: shown, so that the user sees what the file says
            if (combo.indexOf(text) < 0) {
                combo.add(text);
            }
            index = combo.indexOf(text);
        }
        if (index >= 0) {
            combo.select(index);
        } else {
            combo.deselectAll();
        }
    }

    Combo combo() {
        return combo;
    }
}
