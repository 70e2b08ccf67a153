package com.pexper.ai.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.pexper.ai.AiClients;
import com.pexper.ai.AiException;
import com.pexper.ai.CallControl;
import com.pexper.ai.Capability;
import com.pexper.ai.ProviderDescriptor;
import com.pexper.ai.ProviderSettings;
import com.pexper.commands.Command;
import com.pexper.commands.CommandContext;
import com.pexper.commands.ExitCode;
import com.pexper.commands.Options;
import com.pexper.commands.UsageException;

/**
 * {@code pexper providers}: the installed AI providers with their kind, address and capabilities,
 * and whether each has the key it needs; {@code providers models ID} asks one for its models.
 */
@Component(service = Command.class)
public final class ProvidersCommand implements Command {

    private final AiClients ai;

    @Activate
    public ProvidersCommand(@Reference AiClients ai) {
        this.ai = ai;
    }

    @Override
    public String name() {
        return "providers";
    }

    @Override
    public String help() {
        return """
                providers          the AI providers: kind, capabilities, address, whether a key is set
                providers models ID   the models a provider offers (asks the provider)
                """;
    }

    @Override
    public int run(List<String> arguments, CommandContext context) throws UsageException {
        Options options = Options.parse(name(), arguments, Set.of("json", "help"), Set.of());
        List<String> args = options.positional();
        if (options.flag("help") || (!args.isEmpty() && !(args.size() == 2 && args.get(0).equals("models")))) {
            throw new UsageException("usage: pexper providers [--json] | pexper providers models ID");
        }
        if (args.size() == 2) {
            return models(context, args.get(1));
        }
        try {
            if (options.flag("json")) {
                List<ProviderDescriptor> all = List.copyOf(ai.registry().all());
                List<ProviderSettings> settings = new ArrayList<>();
                List<AiClients.KeySource> sources = new ArrayList<>();
                for (ProviderDescriptor d : all) {
                    settings.add(ai.settings(d));
                    sources.add(ai.keySource(d, null));
                }
                context.printJson(json -> {
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
                        json.writeStringField("key", sources.get(i).name().toLowerCase(Locale.ROOT));
                        json.writeEndObject();
                    }
                    json.writeEndArray();
                });
                return ExitCode.OK;
            }
            context.out().println(String.format("%-18s  %-6s  %-50s  %-11s  %s", "provider", "kind", "address", "key",
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
                context.out().println(String.format("%-18s  %-6s  %-50s  %-11s  %s", d.id(), d.kind().id(),
                        ai.settings(d).baseUrl(), key, can));
            }
            for (String problem : ai.registry().problems()) {
                context.err().println("pexper: " + problem);
            }
            context.out().println("Change an address or default model in " + context.home().settings().resolve("providers.json")
                    + "; store keys with pexper keys set NAME.");
            return ExitCode.OK;
        } catch (IOException | AiException e) {
            context.err().println("pexper: " + e.getMessage());
            return ExitCode.UNREADABLE;
        }
    }

    private int models(CommandContext context, String id) {
        try {
            for (String model : ai.provider(id, null).listModels(CallControl.NONE)) {
                context.out().println(model);
            }
            return ExitCode.OK;
        } catch (AiException e) {
            context.err().println("pexper: " + e.getMessage());
            return ExitCode.NODE_FAILED;
        }
    }
}
