package com.pexper.imaging.onnx.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import com.pexper.commands.Command;
import com.pexper.commands.CommandContext;
import com.pexper.commands.ExitCode;
import com.pexper.commands.Options;
import com.pexper.commands.UsageException;
import com.pexper.imaging.onnx.ModelCatalog;
import com.pexper.imaging.onnx.ModelDescriptor;
import com.pexper.imaging.onnx.ModelException;
import com.pexper.imaging.onnx.ModelFetcher;
import com.pexper.imaging.onnx.ModelStore;
import com.pexper.imaging.onnx.SegmentationModel;

/**
 * {@code pexper models}: the on-device models, what is installed, adding one from a file, checking
 * them, and downloading one where the model-download bundle is installed.
 */
@Component(service = Command.class)
public final class ModelsCommand implements Command {

    /** Null where the model-download bundle is not installed: models then come from files only. */
    private final ModelFetcher fetcher;

    @Activate
    public ModelsCommand(@Reference(cardinality = ReferenceCardinality.OPTIONAL,
            policyOption = ReferencePolicyOption.GREEDY) ModelFetcher fetcher) {
        this.fetcher = fetcher;
    }

    @Override
    public String name() {
        return "models";
    }

    @Override
    public String help() {
        return """
                models list|install FILE [--as ID]|verify|fetch ID
                                   the on-device models: what is installed, add one, check them,
                                   download one (through the network gate, in the ledger)
                """;
    }

    @Override
    public int run(List<String> args, CommandContext context) throws UsageException {
        ModelStore store = new ModelStore(context.home().models(), ModelCatalog.builtIn());
        String sub = args.isEmpty() ? "list" : args.get(0);
        Options options = Options.parse("models " + sub, args.subList(Math.min(1, args.size()), args.size()),
                Set.of("help"), Set.of("as"));
        return switch (sub) {
            case "list" -> list(context, store);
            case "install" -> install(context, store, options);
            case "verify" -> verify(context, store);
            case "fetch" -> fetch(context, store, options);
            default -> throw new UsageException("unknown 'models' command '" + sub + "'; use list, install FILE, verify"
                    + " or fetch ID");
        };
    }

    private static int list(CommandContext context, ModelStore store) {
        context.out().printf(Locale.ROOT, "%-13s %-10s %-9s %s%n", "MODEL", "STATUS", "SIZE", "LICENSE");
        for (ModelStore.Entry entry : store.list()) {
            ModelDescriptor model = entry.descriptor();
            context.out().printf(Locale.ROOT, "%-13s %-10s %-9s %s%n", model.id(), entry.installed() ? "installed" : "missing",
                    entry.installed() ? String.format(Locale.ROOT, "%.1f MB", entry.size() / 1e6) : "-", model.license());
        }
        context.out().println();
        context.out().println("Models folder: " + store.folder());
        for (ModelStore.Entry entry : store.list()) {
            if (!entry.installed()) {
                context.out().println(entry.descriptor().id() + ": " + ModelStore.howToGet(entry.descriptor()));
            }
        }
        return ExitCode.OK;
    }

    private static int install(CommandContext context, ModelStore store, Options options) throws UsageException {
        if (options.positional().size() != 1) {
            throw new UsageException("'models install' takes one model file, e.g. pexper models install isnet-medium.onnx");
        }
        Path file = context.path(options.positional().get(0), "the model file");
        try {
            ModelDescriptor model = store.install(file, options.value("as"), ModelsCommand::checkContract, null);
            context.out().println("Installed " + model.id() + " (" + model.label() + ") into " + store.folder());
            context.out().println("License: " + model.license());
            return ExitCode.OK;
        } catch (ModelException e) {
            context.err().println("pexper: " + e.getMessage());
            return ExitCode.UNREADABLE;
        }
    }

    private int fetch(CommandContext context, ModelStore store, Options options) throws UsageException {
        if (options.positional().size() != 1) {
            throw new UsageException("usage: pexper models fetch ID; fetchable models: " + String.join(", ",
                    store.catalog().all().stream().map(ModelDescriptor::id)
                            .filter(id -> fetcher != null && fetcher.canFetch(id)).sorted().toList()));
        }
        String id = options.positional().get(0);
        if (store.catalog().find(id).isEmpty()) {
            throw new UsageException("unknown model '" + id + "'; known models: " + store.catalog().ids());
        }
        try {
            Path installed = store.locate(id);
            context.err().println("pexper: " + id + " is already installed (" + installed + "); ./pexper models verify checks it");
            return ExitCode.OK;
        } catch (ModelException missingOrDamaged) {
            return fetch(context, store, id);
        }
    }

    /** Downloads a model through the network gate, with progress on stderr; Ctrl-C cancels it. */
    private int fetch(CommandContext context, ModelStore store, String id) {
        if (fetcher == null || !fetcher.canFetch(id)) {
            context.err().println("pexper: " + id + " cannot be fetched for you. "
                    + ModelStore.howToGet(store.catalog().find(id).orElseThrow()));
            return ExitCode.INVALID;
        }
        return DownloadProgress.fetch(context, fetcher, store, id);
    }

    private static void checkContract(ModelDescriptor model, Path file) throws ModelException {
        try (SegmentationModel loaded = SegmentationModel.load(model, file, 1)) {
            // loading checks the inputs and outputs against the descriptor
        }
    }

    private static int verify(CommandContext context, ModelStore store) {
        List<ModelStore.Verification> results = store.verify(null);
        if (results.isEmpty()) {
            context.out().println("No models are installed in " + store.folder() + ".");
            return ExitCode.OK;
        }
        boolean ok = true;
        for (ModelStore.Verification result : results) {
            context.out().println(result.descriptor().id() + ": " + result.message());
            ok &= result.ok();
        }
        return ok ? ExitCode.OK : ExitCode.UNREADABLE;
    }
}
