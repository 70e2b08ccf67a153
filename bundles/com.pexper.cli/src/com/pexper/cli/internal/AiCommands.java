package com.pexper.cli.internal;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.pexper.ai.AiClients;
import com.pexper.ai.AiException;
import com.pexper.ai.Capability;
import com.pexper.ai.CallControl;
import com.pexper.ai.ProviderDescriptor;
import com.pexper.ai.ProviderSettings;
import com.pexper.ai.Secret;
import com.pexper.ai.keys.CredentialStore;
import com.pexper.ai.keys.KeyOrigin;

/**
 * {@code pexper keys} and {@code pexper providers}: API keys by name in secure storage, and the
 * installed providers with whether each has what it needs. A key is read from standard input
 * only, so it never lands in shell history or a process list, and is never printed.
 */
final class AiCommands {

    private final Cli.Environment env;

    AiCommands(Cli.Environment env) {
        this.env = env;
    }

    private AiClients ai() throws UsageException {
        if (env.ai() == null) {
            throw new UsageException("AI providers are not available in this installation");
        }
        return env.ai();
    }

    int keys(Options options) throws UsageException {
        List<String> args = options.positional();
        String usage = "usage: pexper keys set NAME [--provider ID] < key-file | pexper keys allow NAME ORIGIN"
                + " | pexper keys list | pexper keys remove NAME";
        if (options.flag("help") || args.isEmpty()) {
            throw new UsageException(usage);
        }
        CredentialStore store = ai().credentials();
        try {
            switch (args.get(0)) {
                case "set" -> {
                    if (args.size() != 2) {
                        throw new UsageException("usage: pexper keys set NAME [--provider ID]; the key is read from"
                                + " standard input (paste it, or: pexper keys set NAME < file), never from an argument");
                    }
                    return set(store, args.get(1), options.value("provider"));
                }
                case "allow" -> {
                    if (args.size() != 3) {
                        throw new UsageException("usage: pexper keys allow NAME ORIGIN, e.g. pexper keys allow work-openai"
                                + " https://llm.example.com (the key may then also be sent there)");
                    }
                    return allow(store, args.get(1), args.get(2));
                }
                case "list" -> {
                    return list(store);
                }
                case "remove" -> {
                    if (args.size() != 2) {
                        throw new UsageException("usage: pexper keys remove NAME");
                    }
                    if (!store.remove(args.get(1))) {
                        env.err().println("pexper: there is no key named '" + args.get(1) + "' (pexper keys list shows"
                                + " the names)");
                        return ExitCode.INVALID;
                    }
                    env.out().println("Removed the key '" + args.get(1) + "'.");
                    return ExitCode.OK;
                }
                default -> throw new UsageException(usage);
            }
        } catch (IOException e) {
            env.err().println("pexper: " + e.getMessage());
            return ExitCode.UNREADABLE;
        }
    }

    private int set(CredentialStore store, String name, String provider) throws UsageException, IOException {
        checkName(name);
        String providerId = provider != null ? provider : guessProvider(name);
        ProviderDescriptor descriptor = null;
        if (providerId != null) {
            descriptor = ai().registry().find(providerId).orElseThrow(() -> new UsageException("there is no provider '"
                    + providerId + "'; pexper providers lists them"));
        }
        String origin = descriptor == null ? null : origin(descriptor);
        String value = readKey(name);
        Secret key;
        try {
            key = Secret.of(value == null ? "" : value);
        } catch (IllegalArgumentException e) {
            env.err().println("pexper: nothing stored: " + e.getMessage() + ". Paste the key and press Enter, or"
                    + " pipe it in: pexper keys set " + name + " < key.txt");
            return ExitCode.INVALID;
        }
        store.put(name, providerId, key, origin);
        env.out().println("Stored the key '" + name + "'" + (providerId != null ? " for " + providerId : "")
                + " in secure storage. Nodes use it when their key name is '" + name + "'.");
        if (origin != null) {
            env.out().println("It is sent only to " + origin + "; pexper keys allow " + name + " ORIGIN adds another"
                    + " address.");
            String builtIn = AiClients.builtInOrigin(descriptor);
            if (!origin.equals(builtIn)) {
                env.out().println("Note: that is " + providerId + "'s address from " + providersFile() + ", not its"
                        + " built-in " + builtIn + ". If you did not set it, remove the key and check that file.");
            }
        } else {
            env.out().println("No provider was named, so it is sent only to a provider's built-in address; name one"
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

    private java.nio.file.Path providersFile() {
        return env.home().settings().resolve("providers.json");
    }

    /** The origin of a provider's address as configured now: where a key stored for it goes. */
    private String origin(ProviderDescriptor descriptor) throws UsageException {
        try {
            return KeyOrigin.of(ai().settings(descriptor).baseUrl());
        } catch (AiException | IllegalArgumentException e) {
            throw new UsageException(descriptor.id() + "'s address cannot be used (" + e.getMessage() + "); fix baseUrl"
                    + " in " + providersFile());
        }
    }

    private int allow(CredentialStore store, String name, String address) throws UsageException, IOException {
        checkName(name);
        String origin;
        try {
            origin = KeyOrigin.of(address);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        java.util.Optional<CredentialStore.StoredKey> stored = store.describe(name);
        if (stored.isEmpty()) {
            env.err().println("pexper: there is no key named '" + name + "' (pexper keys list shows the names)");
            return ExitCode.INVALID;
        }
        if (stored.get().problem() != null) {
            env.err().println("pexper: " + stored.get().problem());
            return ExitCode.INVALID;
        }
        if (stored.get().origins().isEmpty()) {
            // keep what the key was allowed without a binding: its provider's built-in address
            java.util.Optional<ProviderDescriptor> provider = ai().registry().find(stored.get().provider());
            if (provider.isPresent()) {
                store.allow(name, AiClients.builtInOrigin(provider.get()));
            }
        }
        store.allow(name, origin);
        env.out().println("The key '" + name + "' may now be sent to " + String.join(" and ",
                store.describe(name).orElseThrow().origins()) + ".");
        return ExitCode.OK;
    }

    /**
     * A name like "openai" or "openai-work" is for that provider; the longest id wins, so that
     * "openai-compatible" is not taken for "openai" (the key is bound to the provider's address).
     */
    private String guessProvider(String name) throws UsageException {
        String best = null;
        for (ProviderDescriptor descriptor : ai().registry().all()) {
            String id = descriptor.id();
            if ((name.equals(id) || name.startsWith(id + "-")) && (best == null || id.length() > best.length())) {
                best = id;
            }
        }
        return best;
    }

    private String readKey(String name) throws IOException {
        Console console = System.console();
        if (console != null && env.in() == System.in) {
            char[] typed = console.readPassword("Key for '%s' (not shown): ", name);
            return typed == null ? null : new String(typed);
        }
        BufferedReader reader = new BufferedReader(new InputStreamReader(env.in(), StandardCharsets.UTF_8));
        return reader.readLine();
    }

    private int list(CredentialStore store) throws IOException, UsageException {
        List<CredentialStore.StoredKey> keys = store.list();
        Set<String> fromEnvironment = new TreeSet<>();
        for (ProviderDescriptor descriptor : ai().registry().all()) {
            if (ai().keySource(descriptor, null) == AiClients.KeySource.ENVIRONMENT) {
                fromEnvironment.add(descriptor.credential().environmentVariable() + " (overrides the stored key for "
                        + descriptor.id() + ")");
            }
        }
        if (keys.isEmpty() && fromEnvironment.isEmpty()) {
            env.out().println("No keys stored. Store one with: pexper keys set openai (it reads the key from standard"
                    + " input).");
            return ExitCode.OK;
        }
        if (!keys.isEmpty()) {
            env.out().println(String.format("%-24s  %-18s  %s", "name", "provider", "sent only to"));
            for (CredentialStore.StoredKey key : keys) {
                env.out().println(String.format("%-24s  %-18s  %s", key.name(), key.provider().isEmpty() ? "-"
                        : key.provider(), boundTo(key)));
            }
        }
        for (String variable : fromEnvironment) {
            env.out().println("environment: " + variable);
        }
        return ExitCode.OK;
    }

    private String boundTo(CredentialStore.StoredKey key) throws UsageException {
        if (key.problem() != null) {
            return "nowhere: " + key.problem();
        }
        if (!key.origins().isEmpty()) {
            return String.join(", ", key.origins());
        }
        java.util.Optional<ProviderDescriptor> provider = ai().registry().find(key.provider());
        return provider.map(p -> AiClients.builtInOrigin(p) + " (built-in address; stored without one)")
                .orElse("a provider's built-in address (stored without one)");
    }

    int providers(Options options, Cli cli) throws UsageException {
        List<String> args = options.positional();
        if (options.flag("help") || (!args.isEmpty() && !(args.size() == 2 && args.get(0).equals("models")))) {
            throw new UsageException("usage: pexper providers [--json] | pexper providers models ID");
        }
        AiClients ai = ai();
        if (args.size() == 2) {
            return models(ai, args.get(1));
        }
        try {
            if (options.flag("json")) {
                List<ProviderDescriptor> all = List.copyOf(ai.registry().all());
                List<ProviderSettings> settings = new java.util.ArrayList<>();
                List<AiClients.KeySource> sources = new java.util.ArrayList<>();
                for (ProviderDescriptor d : all) {
                    settings.add(ai.settings(d));
                    sources.add(ai.keySource(d, null));
                }
                cli.printJsonDocument(json -> {
                    json.writeStartArray();
                    for (int i = 0; i < all.size(); i++) {
                        ProviderDescriptor d = all.get(i);
                        json.writeStartObject();
                        json.writeStringField("id", d.id());
                        json.writeStringField("label", d.label());
                        json.writeStringField("kind", d.kind().id());
                        json.writeArrayFieldStart("capabilities");
                        for (Capability c : Capability.values()) {
                            if (d.can(c)) {
                                json.writeString(c.id());
                            }
                        }
                        json.writeEndArray();
                        json.writeStringField("baseUrl", settings.get(i).baseUrl());
                        json.writeStringField("defaultModel", settings.get(i).defaultModel());
                        json.writeStringField("key", sources.get(i).name().toLowerCase(java.util.Locale.ROOT));
                        json.writeEndObject();
                    }
                    json.writeEndArray();
                });
                return ExitCode.OK;
            }
            env.out().println(String.format("%-18s  %-6s  %-50s  %-11s  %s", "provider", "kind", "address", "key",
                    "can"));
            for (ProviderDescriptor d : ai.registry().all()) {
                StringBuilder can = new StringBuilder();
                for (Capability c : Capability.values()) {
                    if (d.can(c)) {
                        can.append(can.isEmpty() ? "" : ", ").append(c.id());
                    }
                }
                String key = switch (ai.keySource(d, null)) {
                    case ENVIRONMENT -> "from env";
                    case STORED -> "stored";
                    case MISSING -> "not set";
                    case NOT_NEEDED -> "none needed";
                };
                env.out().println(String.format("%-18s  %-6s  %-50s  %-11s  %s", d.id(), d.kind().id(),
                        ai.settings(d).baseUrl(), key, can));
            }
            for (String problem : ai.registry().problems()) {
                env.err().println("pexper: " + problem);
            }
            env.out().println("Change an address or default model in " + env.home().settings().resolve("providers.json")
                    + "; store keys with pexper keys set NAME.");
            return ExitCode.OK;
        } catch (IOException | AiException e) {
            env.err().println("pexper: " + e.getMessage());
            return ExitCode.UNREADABLE;
        }
    }

    private int models(AiClients ai, String id) {
        try {
            for (String model : ai.provider(id, null).listModels(CallControl.NONE)) {
                env.out().println(model);
            }
            return ExitCode.OK;
        } catch (AiException e) {
            env.err().println("pexper: " + e.getMessage());
            return ExitCode.NODE_FAILED;
        }
    }
}
