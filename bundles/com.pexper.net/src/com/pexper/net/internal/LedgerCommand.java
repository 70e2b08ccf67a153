package com.pexper.net.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

import com.pexper.commands.Command;
import com.pexper.commands.CommandContext;
import com.pexper.commands.ExitCode;
import com.pexper.commands.Options;
import com.pexper.commands.UsageException;
import com.pexper.net.LedgerEntry;
import com.pexper.net.PrivacyLedger;

/** {@code pexper ledger}: every network request Pexper sent or refused, from the privacy ledger. */
@Component(service = Command.class)
public final class LedgerCommand implements Command {

    @Override
    public String name() {
        return "ledger";
    }

    @Override
    public String help() {
        return """
                ledger             every network request Pexper sent or refused (never its content)
                  --since WHEN       e.g. 2h, 7d, 2026-11-01 or 2026-11-01T09:00:00Z [--json]
                """;
    }

    @Override
    public int run(List<String> arguments, CommandContext context) throws UsageException {
        Options options = Options.parse(name(), arguments, Set.of("json", "help"), Set.of("since"));
        if (options.flag("help") || !options.positional().isEmpty()) {
            throw new UsageException("usage: pexper ledger [--since 2h|7d|2026-11-01|2026-11-01T09:00:00Z] [--json]");
        }
        Instant since = since(options.value("since"), Clock.systemDefaultZone());
        PrivacyLedger ledger = new PrivacyLedger(context.home().ledger());
        List<LedgerEntry> entries;
        try {
            entries = ledger.read(since);
        } catch (IOException e) {
            context.err().println("pexper: cannot read the privacy ledger in " + ledger.folder() + ": " + e.getMessage());
            return ExitCode.UNREADABLE;
        }
        if (options.flag("json")) {
            context.printJson(json -> {
                json.writeStartArray();
                for (LedgerEntry e : entries) {
                    json.writeTree(PrivacyLedger.toJson(e));
                }
                json.writeEndArray();
            });
            return ExitCode.OK;
        }
        if (entries.isEmpty()) {
            context.out().println("No network requests" + (options.value("since") == null ? "" : " since " + since)
                    + ". Pexper records every request it sends, and every one it refuses, in " + ledger.folder() + ".");
            return ExitCode.OK;
        }
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());
        context.out().println(String.format("%-19s  %-14s  %-6s  %-40s  %-7s  %9s  %9s  %8s", "time", "provider", "method",
                "host and path", "status", "sent", "received", "duration"));
        long out = 0;
        long in = 0;
        int refused = 0;
        for (LedgerEntry e : entries) {
            String status = e.status() > 0 ? Integer.toString(e.status()) : e.outcome().startsWith("refused") ? "refused" : "failed";
            context.out().println(String.format(Locale.ROOT, "%-19s  %-14s  %-6s  %-40s  %-7s  %9s  %9s  %5d ms",
                    time.format(e.time()), e.provider(), e.method(), where(e), status, bytes(e.bytesOut()),
                    bytes(e.bytesIn()), e.durationMillis()));
            out += e.bytesOut();
            in += e.bytesIn();
            refused += e.outcome().startsWith("refused") ? 1 : 0;
        }
        context.out().println(String.format(Locale.ROOT, "%d request(s), %d refused by the gate; %s sent, %s received.",
                entries.size(), refused, bytes(out), bytes(in)));
        return ExitCode.OK;
    }

    /** Host, port where it is not the scheme's default (local servers differ by port), and path. */
    private static String where(LedgerEntry e) {
        boolean usual = e.port() == 443 || e.port() == 80 || e.port() == 0;
        return e.host() + (usual ? "" : ":" + e.port()) + e.path();
    }

    /** {@code 2h}, {@code 30m}, {@code 7d}, a date (local midnight) or an instant; null means from the start. */
    static Instant since(String text, Clock clock) throws UsageException {
        if (text == null) {
            return Instant.EPOCH;
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.matches("\\d+[smhd]")) {
                long n = Long.parseLong(t.substring(0, t.length() - 1));
                Duration d = switch (t.charAt(t.length() - 1)) {
                    case 's' -> Duration.ofSeconds(n);
                    case 'm' -> Duration.ofMinutes(n);
                    case 'h' -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
                return clock.instant().minus(d);
            }
            if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return LocalDate.parse(t).atStartOfDay(clock.getZone()).toInstant();
            }
            return Instant.parse(text.trim());
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new UsageException("--since takes 30m, 2h, 7d, a date such as 2026-11-01 or a time such as"
                    + " 2026-11-01T09:00:00Z, not '" + text + "'");
        }
    }

    private static String bytes(long n) {
        return n < 1024 ? n + " B" : n < 1 << 20 ? String.format(Locale.ROOT, "%.1f KB", n / 1024.0)
                : String.format(Locale.ROOT, "%.1f MB", n / 1048576.0);
    }
}
