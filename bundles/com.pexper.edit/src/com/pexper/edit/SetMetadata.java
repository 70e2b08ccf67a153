package com.pexper.edit;

import com.pexper.model.Workflow;

/** Sets or (with null) removes one entry of the workflow's metadata: how groups are made, renamed and removed. */
final class SetMetadata extends Edit {

    private final Workflow workflow;
    private final String key;
    private final String value;
    private String previous;

    SetMetadata(String label, Workflow workflow, String key, String value) {
        super(label);
        this.workflow = workflow;
        this.key = key;
        this.value = value;
    }

    @Override
    public void execute() {
        previous = workflow.getMetadata().get(key);
        put(value);
    }

    @Override
    public void undo() {
        put(previous);
    }

    private void put(String v) {
        if (v == null) {
            workflow.getMetadata().removeKey(key);
        } else {
            workflow.getMetadata().put(key, v);
        }
    }
}
