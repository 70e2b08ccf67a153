package com.pexper.cli.internal;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.osgi.framework.FrameworkUtil;

import com.pexper.ai.AiClients;
import com.pexper.ai.ProviderRegistry;
import com.pexper.ai.keys.SecureStorageCredentialStore;
import com.pexper.core.engine.Redactor;
import com.pexper.core.home.PexperHome;
import com.pexper.net.NetworkGate;
import com.pexper.net.PrivacyLedger;
import com.pexper.core.contribution.Contributions;
import com.pexper.core.node.ContributedNodeTypes;
import com.pexper.model.text.Quote;

/**
 * The headless `pexper` application: wires the extension registry, the data directory, the
 * console and Ctrl-C into {@link Cli}, and returns its exit code to the launcher.
 */
public final class CliApplication implements IApplication {

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
            err.println("pexper: internal error while starting `pexper " + command + "` (" + e.getClass().getSimpleName()
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
        AiClients ai = ai(home, err);
        logToFile(home, ai.redactor());
        String version = FrameworkUtil.getBundle(CliApplication.class).getVersion().toString();
        Cli.Environment env = new Cli.Environment(out, err, home,
                ContributedNodeTypes.of(Contributions.ofPlatform()), terminal,
                Path.of(System.getProperty("user.dir")), new SignalInterrupts(), version, System.in, ai);
        int code = new Cli(env).run(args == null ? List.of() : List.of(args));
        out.flush();
        err.flush();
        return Integer.valueOf(code);
    }

    /**
     * The AI providers from the extension registry, keys from secure storage (or the providers'
     * environment variables), and the one network gate with the privacy ledger. Local-only mode:
     * PEXPER_LOCAL_ONLY=1, or {"localOnly": true} in PEXPER_HOME/settings/network.json.
     */
    private static AiClients ai(PexperHome home, PrintStream err) {
        Map<String, Map<String, String>> settings = Map.of();
        try {
            settings = AiClients.readSettings(home.settings().resolve("providers.json"));
        } catch (IOException e) {
            err.println("pexper: provider settings ignored: " + e.getMessage());
        }
        boolean localOnly = "1".equals(System.getenv("PEXPER_LOCAL_ONLY")) || "true".equals(System.getenv("PEXPER_LOCAL_ONLY"));
        try {
            localOnly |= NetworkSettings.localOnly(home.settings().resolve("network.json"));
        } catch (IOException e) {
            err.println("pexper: " + e.getMessage() + "; local-only mode is ON until it is fixed");
            localOnly = true;
        }
        boolean local = localOnly;
        NetworkGate gate = NetworkGate.builder().ledger(new PrivacyLedger(home.ledger())).localOnly(() -> local).build();
        return AiClients.builder().registry(ProviderRegistry.from(Contributions.ofPlatform()))
                .credentials(SecureStorageCredentialStore.at(home.secureStorage(), System.getenv())).gate(gate)
                .settings(settings).environment(System.getenv()).build();
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
