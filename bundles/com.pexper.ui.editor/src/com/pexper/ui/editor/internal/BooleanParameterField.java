package com.pexper.ui.editor.internal;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;

import com.pexper.core.node.ParameterSpec;

/** True or false: a check box, committed as it is clicked. */
final class BooleanParameterField extends ParameterField {

    private Button box;

    BooleanParameterField(Composite parent, ParameterSpec spec, Host host) {
        super(parent, spec, host);
    }

    @Override
    protected void createEditor(Composite parent) {
        parent.setLayout(new FillLayout());
        box = new Button(parent, SWT.CHECK);
        box.setText(spec.label());
        box.addListener(SWT.Selection, e -> commit(Boolean.toString(box.getSelection())));
    }

    @Override
    protected void display(String text) {
        box.setSelection(Boolean.parseBoolean(text));
    }

    Button box() {
        return box;
    }
}
