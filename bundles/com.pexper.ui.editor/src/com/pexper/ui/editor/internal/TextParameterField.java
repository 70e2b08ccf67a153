package com.pexper.ui.editor.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;

import com.pexper.core.node.ParameterSpec;
import com.pexper.core.node.ParameterType;

/**
 * Text, whole numbers and numbers: one line, or several for prompts and templates, with each
 * {@code {{placeholder}}} highlighted (each becomes an input of the node). One line commits on
 * Enter; several on Ctrl+Enter; both when the field is left.
 */
final class TextParameterField extends ParameterField {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^{}]*\\}\\}");
    private StyledText text;

    TextParameterField(Composite parent, ParameterSpec spec, Host host) {
        super(parent, spec, host);
    }

    @Override
    protected void createEditor(Composite parent) {
        parent.setLayout(new FillLayout());
        boolean lines = spec.multiline();
        text = new StyledText(parent, SWT.BORDER | (lines ? SWT.MULTI | SWT.WRAP | SWT.V_SCROLL : SWT.SINGLE));
        text.setMargins(3, 2, 3, 2);
        if (lines) {
            text.setFont(JFaceResources.getTextFont());
            parent.setLayoutData(heightFor(parent, 5));
        }
        text.addListener(SWT.Modify, e -> {
            highlight();
            typed(text.getText());
        });
        // before the text sees the key: Ctrl+Enter must not also be a new line
        text.addVerifyKeyListener(e -> {
            if (e.keyCode == SWT.ESC) {
                revert();
            } else if ((e.keyCode == SWT.CR || e.keyCode == SWT.KEYPAD_CR) && (!lines || (e.stateMask & SWT.MOD1) != 0)) {
                e.doit = false;
                commit(text.getText());
            }
        });
        text.addListener(SWT.FocusOut, e -> commit(text.getText()));
        if (spec.type() == ParameterType.INTEGER || spec.type() == ParameterType.DECIMAL) {
            text.setAlignment(SWT.RIGHT);
        }
    }

    private static GridData heightFor(Composite parent, int lines) {
        GridData data = new GridData(SWT.FILL, SWT.TOP, true, false);
        GC gc = new GC(parent);
        try {
            gc.setFont(JFaceResources.getTextFont());
            data.heightHint = gc.getFontMetrics().getHeight() * lines + 8;
        } finally {
            gc.dispose();
        }
        data.widthHint = 200;
        return data;
    }

    @Override
    protected void display(String value) {
        if (!text.getText().equals(value)) {
            text.setText(value);
        }
    }

    /** Each {{placeholder}} in the link colour, bold: the inputs the text makes. */
    private void highlight() {
        if (spec.type() != ParameterType.STRING) {
            return;
        }
        Color colour = text.getDisplay().getSystemColor(SWT.COLOR_LINK_FOREGROUND);
        List<StyleRange> ranges = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text.getText());
        while (m.find()) {
            StyleRange range = new StyleRange(m.start(), m.end() - m.start(), colour, null, SWT.BOLD);
            ranges.add(range);
        }
        text.setStyleRanges(ranges.toArray(StyleRange[]::new));
    }

    StyledText text() {
        return text;
    }
}
