package com.pexper.ui.editor.internal;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.filesystem.EFS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.ui.ide.IDE;

import com.pexper.model.io.WorkflowFiles;

/** File > Open Workflow...: a file dialog, then the workflow in its editor. */
public final class OpenWorkflowHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        IWorkbenchWindow window = HandlerUtil.getActiveWorkbenchWindow(event);
        FileDialog dialog = new FileDialog(window.getShell(), SWT.OPEN);
        dialog.setText("Open Workflow");
        dialog.setFilterExtensions(new String[] { "*." + WorkflowFiles.EXTENSION, "*" });
        dialog.setFilterNames(new String[] { "Pexper workflows (*.pexper)", "All files" });
        String chosen = dialog.open();
        if (chosen != null) {
            try {
                IDE.openEditorOnFileStore(window.getActivePage(), EFS.getLocalFileSystem().getStore(
                        java.nio.file.Path.of(chosen).toUri()));
            } catch (PartInitException e) {
                org.eclipse.jface.dialogs.MessageDialog.openError(window.getShell(), "Cannot open the workflow",
                        e.getMessage());
            }
        }
        return null;
    }
}
