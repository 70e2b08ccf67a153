package com.pexper.edit;

import com.pexper.model.Connection;
import com.pexper.model.Workflow;

/**
 * Adds a connection; one that fed the same input before is taken out (an input takes one value),
 * and put back, at its place, on undo.
 */
final class Connect extends Edit {

    private final Workflow workflow;
    private final Connection added;
    private final Connection replaced;
    private int replacedIndex = -1;

    Connect(Workflow workflow, Connection added, Connection replaced) {
        super("Connect");
        this.workflow = workflow;
        this.added = added;
        this.replaced = replaced;
    }

    @Override
    public void execute() {
        if (replaced != null) {
            replacedIndex = workflow.getConnections().indexOf(replaced);
            workflow.getConnections().remove(replaced);
        }
        workflow.getConnections().add(added);
    }

    @Override
    public void undo() {
        workflow.getConnections().remove(added);
        if (replaced != null) {
            workflow.getConnections().add(replacedIndex, replaced);
        }
    }
}
