package com.pexper.ui.internal;

import java.nio.file.Path;
import java.util.List;


import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.application.IWorkbenchConfigurer;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchAdvisor;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;

/** Opens windows in the Pexper perspective and remembers their layout between sessions. */
final class PexperWorkbenchAdvisor extends WorkbenchAdvisor {

    /** Opened once the window is there: the files named on the command line. */
    private final List<Path> workflows;
    private final WorkbenchDiagnostics diagnostics = new WorkbenchDiagnostics();

    PexperWorkbenchAdvisor(List<Path> workflows) {
        this.workflows = List.copyOf(workflows);
    }

    @Override
    public void initialize(IWorkbenchConfigurer configurer) {
        configurer.setSaveAndRestore(true);
    }

    @Override
    public String getInitialWindowPerspectiveId() {
        return PexperPerspective.ID;
    }

    /**
     * The platform's openWindows spins the event loop until its init thread sets a flag and wakes the
     * display once; when that wake-up comes before the loop goes to sleep, the loop sleeps until the
     * next event, and an idle screen sends none: the window never opens (seen under strace, whose
     * timing makes the race likely). A timer is such an event, so the loop looks at the flag again.
     */
    @Override
    public boolean openWindows() {
        Display display = Display.getCurrent();
        boolean[] opened = { false };
        Runnable tick = new Runnable() {
            @Override
            public void run() {
                if (!opened[0] && !display.isDisposed()) {
                    display.timerExec(100, this);
                }
            }
        };
        display.timerExec(100, tick);
        try {
            return super.openWindows();
        } finally {
            opened[0] = true;
        }
    }

    /**
     * Opens the workflows named on the command line, each in its editor; starts the diagnostics
     * session and, once the window is up (so that closing the workbench is not held up by it), asks
     * for consent if the user was never asked.
     */
    @Override
    public void postStartup() {
        Display display = PlatformUI.getWorkbench().getDisplay();
        diagnostics.started(display);
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        if (window != null && !workflows.isEmpty()) {
            new WorkflowOpener(window).open(workflows);
        }
        if (window != null) {
            display.asyncExec(() -> {
                if (!window.getShell().isDisposed()) {
                    diagnostics.askOnce(window.getShell());
                }
            });
        }
    }

    @Override
    public void postShutdown() {
        diagnostics.stopped();
    }

    @Override
    public WorkbenchWindowAdvisor createWorkbenchWindowAdvisor(IWorkbenchWindowConfigurer configurer) {
        return new PexperWindowAdvisor(configurer);
    }
}
