package com.pexper.ui.editor.internal;

import java.util.List;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.ui.handlers.HandlerUtil;

/** Run > Run, Run to Here, Run Selected and Cancel Run, on the active workflow editor. */
public final class RunHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        if (!(HandlerUtil.getActiveEditor(event) instanceof WorkflowEditor editor)) {
            return null;
        }
        switch (event.getCommand().getId()) {
            case "com.pexper.ui.editor.cancelRun" -> editor.cancelRun();
            case "com.pexper.ui.editor.runWorkflow" -> editor.run(List.of());
            default -> editor.runSelection(event.getCommand().getId().endsWith("runToHere"));
        }
        return null;
    }
}
