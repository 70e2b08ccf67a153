package com.pexper.ui.editor.internal;

import java.nio.file.Path;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;

import com.pexper.model.io.WorkflowFiles;

/**
 * File > Open Workflow...: the workflow in its editor. The file is the command's {@code path}
 * parameter (the workbench passes the files named on the command line so) or, without one, the
 * one chosen in a file dialog.
 */
public final class OpenWorkflowHandler extends AbstractHandler {

    static final String PATH_PARAMETER = "path";

    @Override
    public Object execute(ExecutionEvent event) {
        IWorkbenchWindow window = HandlerUtil.getActiveWorkbenchWindow(event);
        String chosen = event.getParameter(PATH_PARAMETER);
        if (chosen == null) {
            FileDialog dialog = new FileDialog(window.getShell(), SWT.OPEN);
            dialog.setText("Open Workflow");
            dialog.setFilterExtensions(new String[] { "*." + WorkflowFiles.EXTENSION, "*" });
            dialog.setFilterNames(new String[] { "Pexper workflows (*.pexper)", "All files" });
            chosen = dialog.open();
        }
        if (chosen != null) {
            try {
                window.getActivePage().openEditor(new WorkflowFileInput(Path.of(chosen)), WorkflowEditor.ID);
            } catch (PartInitException e) {
                MessageDialog.openError(window.getShell(), "Cannot open the workflow", e.getMessage());
            }
        }
        return null;
    }
}
