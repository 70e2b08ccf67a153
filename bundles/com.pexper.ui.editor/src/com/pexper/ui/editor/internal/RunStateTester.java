package com.pexper.ui.editor.internal;

import org.eclipse.core.expressions.PropertyTester;

/**
 * {@code com.pexper.ui.editor.running}: whether a workflow editor's run is going on, for the Run
 * and Cancel commands' enablement. The editor asks for it to be tested again when that changes.
 */
public final class RunStateTester extends PropertyTester {

    static final String PROPERTY = "com.pexper.ui.editor.running";

    @Override
    public boolean test(Object receiver, String property, Object[] args, Object expectedValue) {
        return receiver instanceof WorkflowEditor editor && editor.isRunning();
    }
}
