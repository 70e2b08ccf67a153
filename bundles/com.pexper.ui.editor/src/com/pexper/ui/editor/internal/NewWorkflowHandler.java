package com.pexper.ui.editor.internal;

import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;

/** File > New Workflow: an empty, untitled workflow in a new editor. */
public final class NewWorkflowHandler extends AbstractHandler {

    private static final AtomicInteger UNTITLED = new AtomicInteger();

    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        try {
            HandlerUtil.getActiveWorkbenchWindow(event).getActivePage().openEditor(
                    new UntitledWorkflowInput(UNTITLED.incrementAndGet()), WorkflowEditor.ID);
        } catch (PartInitException e) {
            throw new ExecutionException(e.getMessage(), e);
        }
        return null;
    }
}
