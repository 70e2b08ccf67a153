package com.pexper.diagnostics.internal;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.pexper.commands.Command;
import com.pexper.commands.CommandContext;
import com.pexper.commands.ExitCode;
import com.pexper.commands.Options;
import com.pexper.commands.UsageException;
import com.pexper.diagnostics.Consent;
import com.pexper.diagnostics.Diagnostics;
import com.pexper.diagnostics.PendingReport;

/**
 * {@code pexper diagnostics}: the workbench's Diagnostics page on the command line. The command
 * line never asks for consent; it only does what it is told.
 */
@Component(service = Command.class)
public final class DiagnosticsCommand implements Command {

    private static final String USAGE = "usage: pexper diagnostics [status|off|crashes|all|show|clear]";

    private final Diagnostics diagnostics;

    @Activate
    public DiagnosticsCommand(@Reference Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    @Override
    public String name() {
        return "diagnostics";
    }

    @Override
    public String help() {
        return """
                diagnostics        crash reports and usage analytics: off unless you say so
                  status             what is collected and sent now, and what waits (the default)
                  off | crashes | all  choose; off also deletes what was collected
                  show               the waiting reports exactly as they would leave
                  clear              delete the waiting reports
                """;
    }

    @Override
    public int run(List<String> arguments, CommandContext context) throws UsageException {
        Options options = Options.parse(name(), arguments, Set.of("help"), Set.of());
        if (options.flag("help") || options.positional().size() > 1) {
            throw new UsageException(USAGE);
        }
        String action = options.positional().isEmpty() ? "status" : options.positional().get(0);
        try {
            switch (action) {
                case "status" -> status(context);
                case "off", "crashes", "all" -> {
                    diagnostics.setConsent(Consent.of(action));
                    context.out().println("Diagnostics: " + action + ". " + diagnostics.consent().sends());
                }
                case "show" -> show(context);
                case "clear" -> context.out().println("Deleted " + reports(diagnostics.deleteCollected()) + ".");
                default -> throw new UsageException("'" + action + "' is not something diagnostics does; " + USAGE);
            }
        } catch (IOException e) {
            context.err().println("pexper: cannot " + (action.equals("show") || action.equals("status") ? "read" : "change")
                    + " the diagnostics in " + context.home().root() + ": " + e.getMessage()
                    + ". Check that the folder can be written.");
            return ExitCode.UNREADABLE;
        }
        return ExitCode.OK;
    }

    private void status(CommandContext context) throws IOException {
        Consent consent = diagnostics.consent();
        context.out().println("Diagnostics: " + consent.word() + (diagnostics.asked() ? "" : " (never chosen)") + ".");
        context.out().println(consent.sends());
        List<PendingReport> pending = diagnostics.pending();
        context.out().println(pending.isEmpty() ? "No reports wait to be sent."
                : reports(pending.size()) + " waiting in " + context.home().root().resolve("diagnostics")
                        + "; see them with `pexper diagnostics show`.");
        context.out().println(diagnostics.endpointConfigured()
                ? "Reports go, through the network gate (see `pexper ledger`), to the endpoint this build names."
                : "This build names no endpoint: nothing is sent, whatever the choice.");
        context.out().println("Change it with `pexper diagnostics off|crashes|all`.");
    }

    private void show(CommandContext context) throws IOException {
        List<PendingReport> pending = diagnostics.pending();
        if (pending.isEmpty()) {
            context.out().println("No reports wait to be sent.");
            return;
        }
        for (PendingReport report : pending) {
            context.out().print(report.readable());
        }
    }

    private static String reports(int n) {
        return n == 1 ? "1 report" : n + " reports";
    }
}
