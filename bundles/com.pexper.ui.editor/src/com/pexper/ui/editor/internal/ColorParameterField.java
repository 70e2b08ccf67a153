package com.pexper.ui.editor.internal;

import java.util.Locale;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.ColorDialog;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Text;

import com.pexper.core.node.ParameterSpec;
import com.pexper.model.validation.StructureCheck;

/**
 * A colour: a swatch of it, its #RRGGBB text (#RRGGBBAA with alpha),
 * and the system's colour dialog. A swatch with a cross is a colour that cannot be read.
 */
final class ColorParameterField extends ParameterField {

    private Text text;
    private Canvas swatch;

    ColorParameterField(Composite parent, ParameterSpec spec, Host host) {
        super(parent, spec, host);
    }

    @Override
    protected void createEditor(Composite parent) {
        columns(parent, 3);
        swatch = new Canvas(parent, SWT.BORDER);
        int side = parent.getDisplay().getDPI().y / 5;
        swatch.setLayoutData(new GridData(side, side));
        swatch.addListener(SWT.Paint, e -> {
            RGB rgb = rgb(text.getText());
            if (rgb == null) {
                e.gc.drawLine(0, 0, side, side);
                e.gc.drawLine(0, side, side, 0);
                return;
            }
            Color colour = new Color(rgb);
            e.gc.setBackground(colour);
            e.gc.fillRectangle(swatch.getClientArea());
        });
        swatch.addListener(SWT.MouseUp, e -> choose());
        text = textField(parent);
        text.setMessage("#RRGGBB");
        text.addListener(SWT.Modify, e -> swatch.redraw());
        Button choose = new Button(parent, SWT.PUSH);
        choose.setText("Choose\u2026");
        choose.addListener(SWT.Selection, e -> choose());
    }

    private void choose() {
        ColorDialog dialog = new ColorDialog(host.shell());
        dialog.setText(spec.label());
        RGB current = rgb(text.getText());
        if (current != null) {
            dialog.setRGB(current);
        }
        RGB chosen = dialog.open();
        if (chosen != null) {
            String alpha = text.getText().matches("#[0-9A-Fa-f]{8}") ? text.getText().substring(7) : "";
            text.setText(String.format(Locale.ROOT, "#%02X%02X%02X", chosen.red, chosen.green, chosen.blue) + alpha);
            commit(text.getText());
        }
    }

    /** The colour of #RRGGBB or #RRGGBBAA (alpha aside), or null for text that is neither. */
    static RGB rgb(String text) {
        String t = text.strip();
        if (!StructureCheck.COLOR.matcher(t).matches()) {
            return null;
        }
        return new RGB(Integer.parseInt(t.substring(1, 3), 16), Integer.parseInt(t.substring(3, 5), 16),
                Integer.parseInt(t.substring(5, 7), 16));
    }

    @Override
    protected void display(String value) {
        display(text, value);
    }

    Text text() {
        return text;
    }
}
