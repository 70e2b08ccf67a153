package com.pexper.ui.editor.internal;

import java.util.function.Consumer;

import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IPartListener2;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchPartReference;

/**
 * Follows which workflow editor a view shows: the active one, kept while another kind of part is
 * active (a view), dropped when it closes. Views that show what the editor has (its node's
 * settings, its problems) are told each time that changes.
 */
final class ActiveWorkflowEditor implements IPartListener2 {

    private final IWorkbenchPage page;
    private final Consumer<WorkflowEditor> shown;
    private WorkflowEditor editor;

    /**
     * Starts following {@code page} from its active editor ({@link #editor()}); {@code shown} is
     * called on every change after that, with null when no workflow editor is left.
     */
    ActiveWorkflowEditor(IWorkbenchPage page, Consumer<WorkflowEditor> shown) {
        this.page = page;
        this.shown = shown;
        IEditorPart active = page.getActiveEditor();
        editor = active instanceof WorkflowEditor workflow ? workflow : null;
        page.addPartListener(this);
    }

    WorkflowEditor editor() {
        return editor;
    }

    @Override
    public void partActivated(IWorkbenchPartReference reference) {
        if (reference.getPart(false) instanceof WorkflowEditor workflow) {
            show(workflow);
        }
    }

    @Override
    public void partBroughtToTop(IWorkbenchPartReference reference) {
        partActivated(reference);
    }

    @Override
    public void partClosed(IWorkbenchPartReference reference) {
        if (reference.getPart(false) == editor) {
            IEditorPart next = page.getActiveEditor();
            show(next instanceof WorkflowEditor workflow && workflow != editor ? workflow : null);
        }
    }

    private void show(WorkflowEditor next) {
        if (next != editor) {
            editor = next;
            shown.accept(next);
        }
    }

    void dispose() {
        page.removePartListener(this);
    }
}
