package com.pexper.ui.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.commands.NotEnabledException;
import org.eclipse.core.commands.NotHandledException;
import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.core.commands.common.NotDefinedException;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DropTargetAdapter;
import org.eclipse.swt.dnd.DropTargetEvent;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.handlers.IHandlerService;

/**
 * Opens workflow files in the window's editor, through the editor bundle's Open Workflow command
 * (this bundle knows no editor): those named on the command line, and those dropped on the window.
 */
final class WorkflowOpener extends DropTargetAdapter {

    /** The workflow editor's command that opens the file given as its "path" parameter. */
    private static final String OPEN_WORKFLOW = "com.pexper.ui.editor.openWorkflow";

    private final IWorkbenchWindow window;

    WorkflowOpener(IWorkbenchWindow window) {
        this.window = window;
    }

    /** Opens each file in its editor; one that cannot be opened says why, and the others still open. */
    void open(List<Path> files) {
        ICommandService commands = window.getService(ICommandService.class);
        IHandlerService handlers = window.getService(IHandlerService.class);
        for (Path file : files) {
            try {
                handlers.executeCommand(ParameterizedCommand.generateCommand(commands.getCommand(OPEN_WORKFLOW),
                        Map.of("path", file.toString())), null);
            } catch (ExecutionException | NotDefinedException | NotEnabledException | NotHandledException e) {
                MessageDialog.openError(window.getShell(), "Cannot open " + file.getFileName(), "Cannot open "
                        + file + ": " + e.getMessage());
            }
        }
    }

    @Override
    public void dragEnter(DropTargetEvent event) {
        event.detail = DND.DROP_COPY;
    }

    @Override
    public void dragOperationChanged(DropTargetEvent event) {
        event.detail = DND.DROP_COPY;
    }

    /** Files dropped on the window: the workflows among them open; anything else is named in the status line. */
    @Override
    public void drop(DropTargetEvent event) {
        if (!(event.data instanceof String[] names)) {
            return;
        }
        List<Path> workflows = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (String name : names) {
            if (name.endsWith(".pexper")) {
                workflows.add(Path.of(name));
            } else {
                others.add(Path.of(name).getFileName().toString());
            }
        }
        if (!others.isEmpty()) {
            window.getShell().getDisplay().asyncExec(() -> MessageDialog
                    .openInformation(window.getShell(), "Not a workflow", "Only Pexper workflows (.pexper files)"
                            + " open here; not opened: " + String.join(", ", others) + "."));
        }
        open(workflows);
    }
}
