package com.pexper.ui.editor.internal;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.ui.handlers.HandlerUtil;

/** Edit > Arrange (Ctrl+Shift+F): auto-arrange of the active workflow editor's selection, or of all of it. */
public final class ArrangeHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        if (HandlerUtil.getActiveEditor(event) instanceof WorkflowEditor editor) {
            editor.canvas().arrange();
        }
        return null;
    }
}
