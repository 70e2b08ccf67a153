package com.pexper.ui.editor.internal;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.ui.handlers.HandlerUtil;

/** Edit > Group (a titled frame around the selected nodes) and Ungroup, in the active workflow editor. */
public final class GroupHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        if (HandlerUtil.getActiveEditor(event) instanceof WorkflowEditor editor && editor.canvas() != null) {
            if (event.getCommand().getId().endsWith("ungroup")) {
                editor.canvas().ungroupSelection();
            } else {
                editor.canvas().groupSelection();
            }
        }
        return null;
    }
}
