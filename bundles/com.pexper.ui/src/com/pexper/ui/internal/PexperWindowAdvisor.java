package com.pexper.ui.internal;

import org.eclipse.swt.dnd.FileTransfer;
import org.eclipse.swt.graphics.Point;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IPartListener2;
import org.eclipse.ui.IPropertyListener;
import org.eclipse.ui.IWorkbenchPartReference;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.application.ActionBarAdvisor;
import org.eclipse.ui.application.IActionBarConfigurer;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;

final class PexperWindowAdvisor extends WorkbenchWindowAdvisor {

    static final String TITLE = "Pexper";

    PexperWindowAdvisor(IWorkbenchWindowConfigurer configurer) {
        super(configurer);
    }

    @Override
    public ActionBarAdvisor createActionBarAdvisor(IActionBarConfigurer configurer) {
        return new PexperActionBarAdvisor(configurer);
    }

    @Override
    public void preWindowOpen() {
        IWorkbenchWindowConfigurer configurer = getWindowConfigurer();
        configurer.setTitle(TITLE);
        configurer.setInitialSize(new Point(1280, 800));
        configurer.setShowCoolBar(true);
        configurer.setShowStatusLine(true);
        configurer.setShowProgressIndicator(true);
        // a workflow file dragged from the desktop onto the editor area opens in its editor
        configurer.addEditorAreaTransfer(FileTransfer.getInstance());
        configurer.configureEditorAreaDropListener(new WorkflowOpener(configurer.getWindow()));
    }

    /** The window's title names the active workflow, with a mark for unsaved changes: "*hello.pexper — Pexper". */
    @Override
    public void postWindowOpen() {
        IWorkbenchWindow window = getWindowConfigurer().getWindow();
        IPropertyListener dirty = (source, property) -> updateTitle(window);
        window.getPartService().addPartListener(new IPartListener2() {
            @Override
            public void partActivated(IWorkbenchPartReference ref) {
                updateTitle(window);
            }

            @Override
            public void partOpened(IWorkbenchPartReference ref) {
                if (ref.getPart(false) instanceof IEditorPart editor) {
                    editor.addPropertyListener(dirty);
                }
                updateTitle(window);
            }

            @Override
            public void partClosed(IWorkbenchPartReference ref) {
                if (ref.getPart(false) instanceof IEditorPart editor) {
                    editor.removePropertyListener(dirty);
                }
                updateTitle(window);
            }
        });
        updateTitle(window);
    }

    static String title(IEditorPart editor) {
        return editor == null ? TITLE : (editor.isDirty() ? "*" : "") + editor.getTitle() + " \u2014 " + TITLE;
    }

    private static void updateTitle(IWorkbenchWindow window) {
        if (window.getShell() == null || window.getShell().isDisposed()) {
            return;
        }
        IEditorPart editor = window.getActivePage() == null ? null : window.getActivePage().getActiveEditor();
        window.getShell().setText(title(editor));
    }
}
