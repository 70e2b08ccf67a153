package com.pexper.ui.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.eclipse.swt.SWTException;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.PlatformUI;

import com.pexper.core.home.PexperHome;
import com.pexper.core.process.ProcessSignals;
import com.pexper.model.io.WorkflowFiles;

/** The Pexper workbench: `pexper` with no command. */
public final class PexperApplication implements IApplication {

    /** Exit status of a workbench stopped by a second SIGTERM, as a shell reports a killed process. */
    private static final int TERMINATED = 143;

    @Override
    public Object start(IApplicationContext context) throws Exception {
        Path swtHome = PexperHome.fromEnvironment().workbench();
        Display display = withSwtHome(swtHome, PlatformUI::createDisplay);
        try (AutoCloseable term = closeOnTerminate(display)) {
            int code = PlatformUI.createAndRunWorkbench(display, new PexperWorkbenchAdvisor(workflowArguments(context)));
            return code == PlatformUI.RETURN_RESTART ? IApplication.EXIT_RESTART : IApplication.EXIT_OK;
        } finally {
            withSwtHome(swtHome, () -> {
                display.dispose();
                return null;
            });
        }
    }

    /** The workflow files named on the command line ({@code ./pexper hello.pexper}), to open at start. */
    private static List<Path> workflowArguments(IApplicationContext context) {
        Object args = context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        List<Path> files = new ArrayList<>();
        if (args instanceof String[] words) {
            for (String word : words) {
                if (word.endsWith("." + WorkflowFiles.EXTENSION)) {
                    files.add(Path.of(word).toAbsolutePath().normalize());
                }
            }
        }
        return files;
    }

    /**
     * SWT on GTK keeps its window-trim cache in {@code user.home/.swt/trims.prefs}, read as the display
     * is made and written as it is disposed, and offers no setting for it; pointing {@code user.home}
     * into PEXPER_HOME for just those two calls keeps the file there without changing the property
     * for anything else.
     */
    private static <T> T withSwtHome(Path home, Supplier<T> call) {
        String userHome = System.getProperty("user.home");
        System.setProperty("user.home", home.toString());
        try {
            return call.get();
        } finally {
            System.setProperty("user.home", userHome);
        }
    }

    /**
     * SIGTERM (the session ending, a service manager stopping the process) closes the workbench as
     * File > Exit does, so that its layout and preferences are saved; a second SIGTERM stops it at once.
     */
    private static AutoCloseable closeOnTerminate(Display display) {
        AtomicInteger signals = new AtomicInteger();
        return ProcessSignals.handle("TERM", () -> {
            if (signals.getAndIncrement() > 0) {
                Runtime.getRuntime().halt(TERMINATED);
            }
            try {
                display.asyncExec(() -> closeWhenStarted(display));
            } catch (SWTException closing) {
                // the display is gone: the workbench is already closing
            }
        });
    }

    /** A workbench still starting up would ignore the close: try again once it has started. */
    private static void closeWhenStarted(Display display) {
        if (PlatformUI.isWorkbenchRunning() && !PlatformUI.getWorkbench().isStarting()) {
            PlatformUI.getWorkbench().close();
        } else if (!display.isDisposed()) {
            display.timerExec(200, () -> closeWhenStarted(display));
        }
    }

    @Override
    public void stop() {
        if (!PlatformUI.isWorkbenchRunning()) {
            return;
        }
        IWorkbench workbench = PlatformUI.getWorkbench();
        Display display = workbench.getDisplay();
        display.syncExec(() -> {
            if (!display.isDisposed()) {
                workbench.close();
            }
        });
    }
}
