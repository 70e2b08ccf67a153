package com.pexper.ui.editor.internal;

import java.io.IOException;
import java.nio.file.Path;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;

import com.pexper.core.home.PexperHome;

/**
 * File > Open Example: the user's copy of the example named by the command's {@code name}
 * parameter, made in PEXPER_HOME/examples on first use, in its editor.
 */
public final class OpenExampleHandler extends AbstractHandler {

    static final String NAME_PARAMETER = "name";

    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        IWorkbenchWindow window = HandlerUtil.getActiveWorkbenchWindow(event);
        String name = event.getParameter(NAME_PARAMETER);
        Path into = PexperHome.fromEnvironment().examples();
        try {
            Path copy = Examples.copy(name, into);
            window.getActivePage().openEditor(new WorkflowFileInput(copy), WorkflowEditor.ID);
        } catch (IOException e) {
            throw new ExecutionException("Cannot copy the example " + name + " into " + into + ": " + e.getMessage()
                    + ". Check that the folder can be written.", e);
        } catch (PartInitException e) {
            throw new ExecutionException(e.getMessage(), e);
        }
        return null;
    }
}
