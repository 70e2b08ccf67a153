package com.pexper.ui.editor.internal;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.ui.handlers.HandlerUtil;

/**
 * Adds a node of the type given as the command's {@code typeId} parameter to the active workflow
 * editor, next to the selected node and connected to it: what double-clicking a node type does.
 */
public final class AddNodeHandler extends AbstractHandler {

    static final String TYPE_PARAMETER = "typeId";

    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        String typeId = event.getParameter(TYPE_PARAMETER);
        if (!(HandlerUtil.getActiveEditor(event) instanceof WorkflowEditor editor)) {
            throw new ExecutionException("open a workflow first (File > New Workflow or File > Open Workflow)");
        }
        try {
            editor.canvas().addNextToSelection(typeId);
        } catch (IllegalArgumentException e) {
            throw new ExecutionException(e.getMessage(), e);
        }
        return null;
    }
}
