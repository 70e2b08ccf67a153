package com.pexper.edit;

import org.eclipse.emf.common.command.AbstractCommand;

/** A change to a workflow that can be undone: executed once, then undone and redone in turn. */
abstract class Edit extends AbstractCommand {

    Edit(String label) {
        super(label);
    }

    @Override
    protected boolean prepare() {
        return true;
    }

    @Override
    public void redo() {
        execute();
    }
}
