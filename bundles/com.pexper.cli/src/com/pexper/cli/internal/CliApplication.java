package com.pexper.cli.internal;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

import com.pexper.commands.Command;
import com.pexper.commands.ExitCode;
import com.pexper.core.cache.ResultCaches;
import com.pexper.core.engine.Redactor;
import com.pexper.core.engine.ServiceDirectory;
import com.pexper.core.home.PexperHome;
import com.pexper.core.home.SettingsProblems;
import com.pexper.core.node.NodeTypeRegistry;
import com.pexper.core.runs.RunRecords;
import com.pexper.diagnostics.Diagnostics;
import com.pexper.model.text.Quote;

/**
 * The headless `pexper` application: gives {@link Cli} the services (Declarative Services
 * components of the bundles that own them), the data directory, the console and Ctrl-C, and
 * returns its exit code to the launcher.
 */
public final class CliApplication implements IApplication {

    /** How long a service may take to appear: SCR makes them as their bundles start, which is at once when all is well. */
    private static final long SERVICE_WAIT_SECONDS = 10;

    @Override
    public Object start(IApplicationContext context) {
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        try {
            return start(context, err);
        } catch (RuntimeException | Error e) {
            // Equinox would log this in its configuration area and exit 0: say it, and fail.
            String logs = "PEXPER_HOME/logs";
            String command = "";
            try {
                Object args = context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
                command = args instanceof String[] words ? Quote.shorten(String.join(" ", words)) : "";
                logs = PexperHome.fromEnvironment().logs().toString();
                Logger.getLogger(CliApplication.class.getName()).log(Level.SEVERE, "internal error while starting", e);
            } catch (RuntimeException | Error logging) {
                e.addSuppressed(logging);
            }
            String what = e instanceof MissingServiceException ? e.getMessage() : e.getClass().getSimpleName();
            err.println("pexper: internal error while starting `pexper " + command + "` (" + what
                    + "). This is a bug in Pexper: see the log in " + logs + " and report it.");
            err.flush();
            return Integer.valueOf(ExitCode.INTERNAL_ERROR);
        }
    }

    private Object start(IApplicationContext context, PrintStream err) {
        String[] args = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        PexperHome home = PexperHome.fromEnvironment();
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        // The launcher script knows whether stderr is a terminal; the JVM cannot tell.
        boolean terminal = "1".equals(System.getenv("PEXPER_TERMINAL"));
        BundleContext bundle = FrameworkUtil.getBundle(CliApplication.class).getBundleContext();
        // Held until the command ends: a component that nobody holds is deactivated at once.
        List<ServiceTracker<?, ?>> trackers = new ArrayList<>();
        try {
            NodeTypeRegistry nodeTypes = await(track(bundle, NodeTypeRegistry.class, trackers), "the node types");
            ServiceDirectory services = await(track(bundle, ServiceDirectory.class, trackers), "the service directory");
            RunRecords records = await(track(bundle, RunRecords.class, trackers), "the run records");
            ResultCaches caches = await(track(bundle, ResultCaches.class, trackers), "the result caches");
            // Every bundle has started before the application does, so the services are all there now.
            Redactor redactor = Objects.requireNonNullElse(track(bundle, Redactor.class, trackers).getService(),
                    Redactor.NONE);
            for (SettingsProblems settings : all(track(bundle, SettingsProblems.class, trackers))) {
                settings.settingsProblems().forEach(problem -> err.println("pexper: " + problem));
            }
            logToFile(home, redactor);
            String version = bundle.getBundle().getVersion().toString();
            // a tracker gets (so starts) what it tracks: the commands only when one is asked for
            Diagnostics diagnostics = Objects.requireNonNullElse(track(bundle, Diagnostics.class, trackers).getService(),
                    Diagnostics.NONE);
            Cli.Wiring wiring = new Cli.Wiring(nodeTypes, records, caches, redactor, services,
                    () -> all(track(bundle, Command.class, trackers)), diagnostics);
            Cli.Environment env = new Cli.Environment(out, err, System.in, terminal,
                    Path.of(System.getProperty("user.dir")), new SignalInterrupts(), home, version, wiring);
            diagnostics.sessionStarted("cli");
            int code;
            try {
                code = new Cli(env).run(args == null ? List.of() : List.of(args));
            } finally {
                diagnostics.sessionEnded();
            }
            out.flush();
            err.flush();
            return Integer.valueOf(code);
        } finally {
            trackers.forEach(ServiceTracker::close);
        }
    }

    private static <T> ServiceTracker<T, T> track(BundleContext bundle, Class<T> type, List<ServiceTracker<?, ?>> open) {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(bundle, type, null);
        tracker.open();
        open.add(tracker);
        return tracker;
    }

    /** Every service the tracker holds, highest ranking first. */
    private static <T> List<T> all(ServiceTracker<T, T> tracker) {
        ServiceReference<T>[] references = tracker.getServiceReferences();
        if (references == null) {
            return List.of();
        }
        Arrays.sort(references, Comparator.reverseOrder());
        List<T> services = new ArrayList<>();
        for (ServiceReference<T> reference : references) {
            T service = tracker.getService(reference);
            if (service != null) {
                services.add(service);
            }
        }
        return services;
    }

    /** The tracked service, once it is there. */
    private static <T> T await(ServiceTracker<T, T> tracker, String what) {
        T service;
        try {
            service = tracker.waitForService(TimeUnit.SECONDS.toMillis(SERVICE_WAIT_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            service = null;
        }
        if (service == null) {
            throw new MissingServiceException(what + " did not start within "
                    + SERVICE_WAIT_SECONDS + " s: a bundle that makes them, or one they need, is missing or failed to"
                    + " start");
        }
        return service;
    }

    /** A service the application cannot do without is not there: the installation is broken. */
    private static final class MissingServiceException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MissingServiceException(String message) {
            super(message);
        }
    }

    @Override
    public void stop() {
        // the commands end on their own; Ctrl-C cancels a run through SignalInterrupts
    }

    /**
     * Log records go to PEXPER_HOME/logs, never to the terminal the results are printed on, and
     * without the keys in use (an exception's message or stack trace may quote a server).
     */
    private static void logToFile(PexperHome home, Redactor redactor) {
        Logger root = Logger.getLogger("");
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        try {
            Files.createDirectories(home.logs());
            FileHandler file = new FileHandler(home.logs().resolve("pexper-%g.log").toString(), 5 << 20, 3, true);
            file.setFormatter(new SimpleFormatter() {
                @Override
                public String format(LogRecord record) {
                    return redactor.redact(super.format(record));
                }
            });
            file.setLevel(Level.INFO);
            root.addHandler(file);
        } catch (IOException e) {
            // without a log file the run still works; warnings are then dropped
        }
    }
}
