package com.pexper.ui.editor.internal;

import java.nio.file.Path;
import java.util.Locale;

import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

import com.pexper.ai.AiClients;
import com.pexper.core.node.ParameterSpec;
import com.pexper.core.node.ParameterType;
import com.pexper.core.workflow.ParameterValues;

/**
 * One parameter in the Properties view: its name, an editor for its kind, its help, and what is
 * wrong with its value, said as soon as it is typed. A change is committed as one undoable edit
 * (Enter, leaving the field, or choosing); Esc puts back what the workflow has.
 */
abstract class ParameterField {

    /** What a field needs from the view it is in. */
    interface Host {
        /** Sets the parameter; returns why it was refused, or null. */
        String commit(ParameterSpec spec, String text);

        /** The workflow's folder, or null before it is saved: file paths are relative to it. */
        Path baseDirectory();

        /** The key store and providers, for credentials; null when the AI bundle is not installed. */
        AiClients ai();

        /** The node's value of another parameter as text ("" when unset): a credential's provider. */
        String valueOf(String parameter);

        Shell shell();
    }

    protected final ParameterSpec spec;
    protected final Host host;
    private final Label problem;
    /** The workflow's value as shown ("" for the default), to tell a change from a field left as it was. */
    private String shown = "";
    /** Why the text typed cannot be used, while it is there; it outranks the validator's problem. */
    private String typing;
    private String validation;

    ParameterField(Composite parent, ParameterSpec spec, Host host) {
        this.spec = spec;
        this.host = host;
        Composite row = new Composite(parent, SWT.NONE);
        row.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 0;
        layout.marginHeight = 2;
        layout.verticalSpacing = 2;
        row.setLayout(layout);
        if (spec.type() != ParameterType.BOOLEAN) { // a check box says its name itself
            Label name = new Label(row, SWT.NONE);
            name.setText(spec.label() + (spec.required() && spec.defaultValue() == null ? " *" : ""));
            name.setFont(JFaceResources.getFontRegistry().getBold(JFaceResources.DEFAULT_FONT));
            name.setToolTipText(spec.name() + " (" + spec.type().description() + ")");
        }
        Composite editor = new Composite(row, SWT.NONE);
        editor.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        createEditor(editor);
        String help = help();
        if (!help.isEmpty()) {
            Label text = new Label(row, SWT.WRAP);
            text.setText(help);
            text.setForeground(row.getDisplay().getSystemColor(SWT.COLOR_WIDGET_DARK_SHADOW));
            GridData data = new GridData(SWT.FILL, SWT.TOP, true, false);
            data.widthHint = 200; // wraps to the view's width, whatever that is
            text.setLayoutData(data);
        }
        problem = new Label(row, SWT.WRAP);
        problem.setForeground(row.getDisplay().getSystemColor(SWT.COLOR_RED));
        GridData data = new GridData(SWT.FILL, SWT.TOP, true, false);
        data.widthHint = 200;
        data.exclude = true;
        problem.setLayoutData(data);
        problem.setVisible(false);
    }

    /** Builds the editor in {@code parent}, whose layout it sets. */
    protected abstract void createEditor(Composite parent);

    /** Lays {@code parent} out as one row of {@code columns} widgets, edge to edge with the field's name. */
    protected static void columns(Composite parent, int columns) {
        GridLayout layout = new GridLayout(columns, false);
        layout.marginWidth = 0;
        layout.marginHeight = 0;
        parent.setLayout(layout);
    }

    /**
     * A one-line text field that fills the row: what is typed is checked at once, Enter or leaving
     * the field sets it, Esc puts back the workflow's value.
     */
    protected final Text textField(Composite parent) {
        Text text = new Text(parent, SWT.BORDER | SWT.SINGLE);
        GridData data = new GridData(SWT.FILL, SWT.CENTER, true, false);
        data.widthHint = 120;
        text.setLayoutData(data);
        text.addListener(SWT.Modify, e -> typed(text.getText()));
        text.addListener(SWT.DefaultSelection, e -> commit(text.getText()));
        text.addListener(SWT.FocusOut, e -> commit(text.getText()));
        text.addListener(SWT.KeyDown, e -> {
            if (e.keyCode == SWT.ESC) {
                revert();
            }
        });
        return text;
    }

    /** Puts a value into a text field, unless it holds it already (the caret stays where it is). */
    protected static void display(Text text, String value) {
        if (!text.getText().equals(value)) {
            text.setText(value);
        }
    }

    /** Shows the workflow's value, as text ("" when the default applies). */
    final void show(String text) {
        shown = text;
        typing = null;
        display(text.isEmpty() ? defaultText() : text);
        updateProblem();
    }

    /** Puts a value into the editor's widgets, unless they show it already. */
    protected abstract void display(String text);

    /** The validator's finding about this parameter, or null. */
    final void validated(String message) {
        validation = message;
        updateProblem();
    }

    /** Checks text as it is typed, and says at once what is wrong with it. */
    protected final void typed(String text) {
        typing = text.equals(defaultText()) ? null : ParameterValues.problemWith(text, spec);
        updateProblem();
    }

    /** Sets the parameter to the text, unless it is what the field showed already; says why when refused. */
    protected final void commit(String text) {
        String value = text.equals(defaultText()) && shown.isEmpty() ? "" : text;
        if (value.equals(shown)) {
            return;
        }
        if (ParameterValues.problemWith(value, spec) != null && !parses(value)) {
            return; // the field says what is wrong; the workflow keeps its value until the text is one
        }
        String refused = host.commit(spec, value);
        if (refused != null) {
            flag(refused);
        }
    }

    /** Says what went wrong with the field's value until it is shown anew. */
    protected final void flag(String message) {
        typing = message;
        updateProblem();
    }

    /** Esc: the workflow's value again. */
    protected final void revert() {
        show(shown);
    }

    private boolean parses(String text) {
        try {
            ParameterValues.parse(text, spec);
            return !text.isEmpty() || spec.defaultValue() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The default as text, or "" without one. */
    protected final String defaultText() {
        Object value = spec.defaultValue();
        if (value instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
            return Long.toString(d.longValue());
        }
        return value == null ? "" : value.toString();
    }

    String problemShown() {
        return problem.getVisible() ? problem.getText() : null;
    }

    private void updateProblem() {
        String message = typing != null ? typing : validation;
        boolean visible = message != null;
        if (visible != problem.getVisible() || (visible && !message.equals(problem.getText()))) {
            problem.setText(visible ? message : "");
            problem.setVisible(visible);
            ((GridData) problem.getLayoutData()).exclude = !visible;
            problem.getParent().getParent().layout(true, true);
        }
    }

    private String help() {
        StringBuilder help = new StringBuilder(spec.help());
        if (spec.min() != null || spec.max() != null) {
            help.append(help.isEmpty() ? "" : " ").append(range());
        }
        if (spec.defaultValue() != null && !defaultText().isEmpty() && spec.type() != ParameterType.BOOLEAN) {
            boolean text = spec.type() == ParameterType.STRING || spec.type() == ParameterType.FILE;
            String shown = defaultText().replace("\n", "\\n");
            help.append(help.isEmpty() ? "" : " ").append("Default: ").append(text ? "\u201c" + shown + "\u201d" : shown)
                    .append('.');
        }
        return help.toString();
    }

    private String range() {
        String min = spec.min() == null ? null : number(spec.min());
        String max = spec.max() == null ? null : number(spec.max());
        return min != null && max != null ? "From " + min + " to " + max + "."
                : min != null ? "At least " + min + "." : "At most " + max + ".";
    }

    private static String number(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%s", d);
    }
}
