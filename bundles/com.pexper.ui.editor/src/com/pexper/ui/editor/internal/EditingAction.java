package com.pexper.ui.editor.internal;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.eclipse.jface.action.Action;

/** An Edit menu action of the workflow editor, enabled and labelled from the editing state. */
final class EditingAction extends Action {

    private final String verb;
    private final Runnable run;
    private final BooleanSupplier enabled;
    private final Supplier<String> what;

    /** @param what what the action would do ("Move Node"), appended to the verb; null for none */
    EditingAction(String verb, Runnable run, BooleanSupplier enabled, Supplier<String> what) {
        super(verb);
        this.verb = verb;
        this.run = run;
        this.enabled = enabled;
        this.what = what;
        update();
    }

    @Override
    public void run() {
        run.run();
    }

    void update() {
        setEnabled(enabled.getAsBoolean());
        String detail = what == null ? null : what.get();
        setText(detail == null ? verb : verb + " " + detail);
        setToolTipText(getText()); // the toolbar's Undo says what it would undo, as the menu does
    }
}
