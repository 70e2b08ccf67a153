package com.pexper.ai.internal;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.pexper.ai.AiClients;
import com.pexper.ai.AiException;
import com.pexper.ai.ProviderDescriptor;
import com.pexper.ai.Secret;
import com.pexper.ai.keys.CredentialStore;
import com.pexper.ai.keys.KeyOrigin;
import com.pexper.commands.Command;
import com.pexper.commands.CommandContext;
import com.pexper.commands.ExitCode;
import com.pexper.commands.Options;
import com.pexper.commands.UsageException;

/**
 * {@code pexper keys}: API keys by name in secure storage, each bound to the addresses it may be
 * sent to. A key is read from standard input only, so it never lands in shell history or a
 * process list, and is never printed.
 */
@Component(service = Command.class)
public final class KeysCommand implements Command {

    private final AiClients ai;

    @Activate
    public KeysCommand(@Reference AiClients ai) {
        this.ai = ai;
    }

    @Override
    public String name() {
        return "keys";
    }

    @Override
    public String help() {
        return """
                keys set NAME [--provider ID]   store an API key under NAME; reads it from standard input,
                                   and binds it to the provider's address: it is sent nowhere else
                keys allow NAME ORIGIN   let a stored key also go to ORIGIN (https://host[:port])
                keys list          key names, their providers and addresses (never the keys)
                keys remove NAME   delete a stored key
                """;
    }

    @Override
    public int run(List<String> arguments, CommandContext context) throws UsageException {
        Options options = Options.parse(name(), arguments, Set.of("help"), Set.of("provider"));
        List<String> args = options.positional();
        String usage = "usage: pexper keys set NAME [--provider ID] < key-file | pexper keys allow NAME ORIGIN"
                + " | pexper keys list | pexper keys remove NAME";
        if (options.flag("help") || args.isEmpty()) {
            throw new UsageException(usage);
        }
        CredentialStore store = ai.credentials();
        try {
            switch (args.get(0)) {
                case "set" -> {
                    if (args.size() != 2) {
                        throw new UsageException("usage: pexper keys set NAME [--provider ID]; the key is read from"
                                + " standard input (paste it, or: pexper keys set NAME < file), never from an argument");
                    }
                    return set(context, args.get(1), options.value("provider"));
                }
                case "allow" -> {
                    if (args.size() != 3) {
                        throw new UsageException("usage: pexper keys allow NAME ORIGIN, e.g. pexper keys allow work-openai"
                                + " https://llm.example.com (the key may then also be sent there)");
                    }
                    return allow(context, store, args.get(1), args.get(2));
                }
                case "list" -> {
                    return list(context, store);
                }
                case "remove" -> {
                    if (args.size() != 2) {
                        throw new UsageException("usage: pexper keys remove NAME");
                    }
                    if (!store.remove(args.get(1))) {
                        context.err().println("pexper: there is no key named '" + args.get(1) + "' (pexper keys list shows"
                                + " the names)");
                        return ExitCode.INVALID;
                    }
                    context.out().println("Removed the key '" + args.get(1) + "'.");
                    return ExitCode.OK;
                }
                default -> throw new UsageException(usage);
            }
        } catch (IOException e) {
            context.err().println("pexper: " + e.getMessage());
            return ExitCode.UNREADABLE;
        }
    }

    private int set(CommandContext context, String name, String provider) throws UsageException, IOException {
        checkName(name);
        String providerId = provider != null ? provider : guessProvider(name);
        ProviderDescriptor descriptor = null;
        if (providerId != null) {
            descriptor = ai.registry().find(providerId).orElseThrow(() -> new UsageException("there is no provider '"
                    + providerId + "'; pexper providers lists them"));
        }
        // the address is checked before the key is asked for, so that nobody types a key in vain
        String origin = descriptor == null ? null : origin(context, descriptor);
        String value = readKey(context, name);
        Secret key;
        try {
            key = Secret.of(value == null ? "" : value);
        } catch (IllegalArgumentException e) {
            context.err().println("pexper: nothing stored: " + e.getMessage() + ". Paste the key and press Enter, or"
                    + " pipe it in: pexper keys set " + name + " < key.txt");
            return ExitCode.INVALID;
        }
        try {
            origin = ai.storeKey(name, providerId, key);
        } catch (AiException e) {
            throw new UsageException(e.getMessage());
        }
        context.out().println("Stored the key '" + name + "'" + (providerId != null ? " for " + providerId : "")
                + " in secure storage. Nodes use it when their key name is '" + name + "'.");
        if (origin != null) {
            context.out().println("It is sent only to " + origin + "; pexper keys allow " + name + " ORIGIN adds another"
                    + " address.");
            String builtIn = AiClients.builtInOrigin(descriptor);
            if (!origin.equals(builtIn)) {
                context.out().println("Note: that is " + providerId + "'s address from " + providersFile(context) + ", not its"
                        + " built-in " + builtIn + ". If you did not set it, remove the key and check that file.");
            }
        } else {
            context.out().println("No provider was named, so it is sent only to a provider's built-in address; name one"
                    + " with --provider ID, or allow an address with pexper keys allow " + name + " ORIGIN.");
        }
        return ExitCode.OK;
    }

    private static void checkName(String name) throws UsageException {
        try {
            CredentialStore.checkName(name);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static Path providersFile(CommandContext context) {
        return context.home().settings().resolve("providers.json");
    }

    /** The origin of a provider's address as configured now: where a key stored for it goes. */
    private String origin(CommandContext context, ProviderDescriptor descriptor) throws UsageException {
        try {
            return KeyOrigin.of(ai.settings(descriptor).baseUrl());
        } catch (AiException | IllegalArgumentException e) {
            throw new UsageException(descriptor.id() + "'s address cannot be used (" + e.getMessage() + "); fix baseUrl"
                    + " in " + providersFile(context));
        }
    }

    private int allow(CommandContext context, CredentialStore store, String name, String address) throws UsageException, IOException {
        checkName(name);
        String origin;
        try {
            origin = KeyOrigin.of(address);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Optional<CredentialStore.StoredKey> stored = store.describe(name);
        if (stored.isEmpty()) {
            context.err().println("pexper: there is no key named '" + name + "' (pexper keys list shows the names)");
            return ExitCode.INVALID;
        }
        if (stored.get().problem() != null) {
            context.err().println("pexper: " + stored.get().problem());
            return ExitCode.INVALID;
        }
        context.out().println("The key '" + name + "' may now be sent to " + String.join(" and ",
                ai.allowKey(name, origin)) + ".");
        return ExitCode.OK;
    }

    /**
     * A name like "openai" or "openai-work" is for that provider; the longest id wins, so that
     * "openai-compatible" is not taken for "openai" (the key is bound to the provider's address).
     */
    private String guessProvider(String name) {
        String best = null;
        for (ProviderDescriptor descriptor : ai.registry().all()) {
            String id = descriptor.id();
            if ((name.equals(id) || name.startsWith(id + "-")) && (best == null || id.length() > best.length())) {
                best = id;
            }
        }
        return best;
    }

    private static String readKey(CommandContext context, String name) throws IOException {
        Console console = System.console();
        if (console != null && context.in() == System.in) {
            char[] typed = console.readPassword("Key for '%s' (not shown): ", name);
            return typed == null ? null : new String(typed);
        }
        BufferedReader reader = new BufferedReader(new InputStreamReader(context.in(), StandardCharsets.UTF_8));
        return reader.readLine();
    }

    private int list(CommandContext context, CredentialStore store) throws IOException {
        List<CredentialStore.StoredKey> keys = store.list();
        Set<String> fromEnvironment = new TreeSet<>();
        for (ProviderDescriptor descriptor : ai.registry().all()) {
            if (ai.keySource(descriptor, null) == AiClients.KeySource.ENVIRONMENT) {
                fromEnvironment.add(descriptor.credential().environmentVariable() + " (overrides the stored key for "
                        + descriptor.id() + ")");
            }
        }
        if (keys.isEmpty() && fromEnvironment.isEmpty()) {
            context.out().println("No keys stored. Store one with: pexper keys set openai (it reads the key from standard"
                    + " input).");
            return ExitCode.OK;
        }
        if (!keys.isEmpty()) {
            context.out().println(String.format("%-24s  %-18s  %s", "name", "provider", "sent only to"));
            for (CredentialStore.StoredKey key : keys) {
                context.out().println(String.format("%-24s  %-18s  %s", key.name(), key.provider().isEmpty() ? "-"
                        : key.provider(), boundTo(key)));
            }
        }
        for (String variable : fromEnvironment) {
            context.out().println("environment: " + variable);
        }
        return ExitCode.OK;
    }

    private String boundTo(CredentialStore.StoredKey key) {
        if (key.problem() != null) {
            return "nowhere: " + key.problem();
        }
        if (!key.origins().isEmpty()) {
            return String.join(", ", key.origins());
        }
        Optional<ProviderDescriptor> provider = ai.registry().find(key.provider());
        return provider.map(p -> AiClients.builtInOrigin(p) + " (built-in address; stored without one)")
                .orElse("a provider's built-in address (stored without one)");
    }
}
