package com.pexper.data.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import com.pexper.ai.AiClients;
import com.pexper.ai.keys.CredentialStore;
import com.pexper.commands.Command;
import com.pexper.commands.CommandContext;
import com.pexper.commands.ExitCode;
import com.pexper.commands.Options;
import com.pexper.commands.UsageException;
import com.pexper.data.UserData;

/** {@code pexper data export FILE.zip} and {@code pexper data erase [--yes]}: the user's data, taken away or erased. */
@Component(service = Command.class)
public final class DataCommand implements Command {

    /** What a person types to say yes to erasing: more than a key pressed by mistake. */
    static final String CONFIRMATION = "erase";

    private final CredentialStore keys;

    /** @param ai the stored keys' names come from it; null when the AI side is not installed */
    @Activate
    public DataCommand(@Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
    AiClients ai) {
        this(ai == null ? null : ai.credentials());
    }

    /** @param keys the stored keys, whose names are exported; null for none */
    public DataCommand(CredentialStore keys) {
        this.keys = keys;
    }

    @Override
    public String name() {
        return "data";
    }

    @Override
    public String help() {
        return """
                data export FILE.zip   your settings, run records, gallery index, privacy ledger and key names
                                       (never a key) in one zip (its README.txt says what is where)
                data erase             removes everything Pexper keeps in PEXPER_HOME, stored keys included,
                                       after you type 'erase' (--yes: without asking, for scripts); your
                                       workflows and outputs are your own files and stay
                """;
    }

    @Override
    public int run(List<String> arguments, CommandContext context) throws UsageException {
        Options options = Options.parse(name(), arguments, Set.of("yes"), Set.of());
        List<String> args = options.positional();
        UserData data = new UserData(context.home(), keys);
        try {
            if (args.size() == 2 && args.get(0).equals("export")) {
                Path zip = context.workingDirectory().resolve(args.get(1));
                int files = data.export(zip);
                context.out().println("Exported " + files + " files to " + zip + " (README.txt in it says what is"
                        + " where; no key is in it).");
                return ExitCode.OK;
            }
            if (args.size() == 1 && args.get(0).equals("erase")) {
                return erase(data, options.flag("yes"), context);
            }
        } catch (IOException e) {
            context.err().println("pexper: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return ExitCode.UNREADABLE;
        }
        throw new UsageException("usage: pexper data export FILE.zip | pexper data erase [--yes]");
    }

    private int erase(UserData data, boolean yes, CommandContext context) throws IOException {
        Path root = context.home().root();
        List<Path> erasable = data.erasable();
        List<Path> others = data.notPexpers();
        if (erasable.isEmpty()) {
            context.out().println("Nothing to erase: Pexper keeps nothing in " + root + ".");
            return ExitCode.OK;
        }
        context.out().println("This removes everything Pexper keeps in " + root + ": " + names(erasable)
                + ". Stored keys go too; your workflows and outputs elsewhere stay.");
        if (!others.isEmpty()) {
            context.out().println("Left alone, yours or not Pexper's: " + names(others) + ".");
        }
        if (!yes) {
            context.out().print("Type '" + CONFIRMATION + "' to remove them: ");
            context.out().flush();
            String answer = new BufferedReader(new InputStreamReader(context.in(), StandardCharsets.UTF_8)).readLine();
            if (answer == null || !answer.strip().equals(CONFIRMATION)) {
                context.out().println();
                context.err().println("pexper: nothing was removed (the answer was not '" + CONFIRMATION + "'; for"
                        + " scripts: pexper data erase --yes)");
                return ExitCode.INVALID;
            }
        }
        List<Path> removed = data.erase();
        context.out().println("Removed " + names(removed) + " from " + root + ".");
        return ExitCode.OK;
    }

    private static String names(List<Path> entries) {
        return entries.stream().map(p -> p.getFileName().toString()).collect(Collectors.joining(", "));
    }
}
