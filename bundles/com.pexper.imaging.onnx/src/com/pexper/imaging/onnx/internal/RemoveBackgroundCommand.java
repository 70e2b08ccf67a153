package com.pexper.imaging.onnx.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.pexper.commands.Command;
import com.pexper.commands.CommandContext;
import com.pexper.commands.ExitCode;
import com.pexper.commands.Options;
import com.pexper.commands.UsageException;
import com.pexper.core.files.FolderListing;
import com.pexper.imaging.Provenance;
import com.pexper.imaging.Rgba;
import com.pexper.imaging.onnx.ModelCatalog;
import com.pexper.imaging.onnx.ModelException;
import com.pexper.imaging.onnx.ModelFetcher;
import com.pexper.imaging.onnx.ModelStore;
import com.pexper.model.build.WorkflowBuilder;
import com.pexper.model.text.Quote;

/**
 * {@code pexper remove-bg}: removes the background of photos and folders of photos on the device,
 * as a workflow of Read image, Remove background and Save image per photo. Photos whose result is
 * already in the output folder (made from the same photo with the same settings) are skipped, so a
 * batch stopped midway goes on where it was.
 */
@Component(service = Command.class)
public final class RemoveBackgroundCommand implements Command {

    /** What a folder input contributes: the image formats Pexper reads, by extension, in either case. */
    static final String IMAGE_PATTERN = "*.{png,PNG,jpg,JPG,jpeg,JPEG,webp,WEBP,bmp,BMP,gif,GIF,tif,TIF,tiff,TIFF}";

    /** Null where the model-download bundle is not installed: a missing model is then an error. */
    private final ModelFetcher fetcher;

    @Activate
    public RemoveBackgroundCommand(@Reference(cardinality = ReferenceCardinality.OPTIONAL,
            policyOption = ReferencePolicyOption.GREEDY) ModelFetcher fetcher) {
        this.fetcher = fetcher;
    }

    @Override
    public String name() {
        return "remove-bg";
    }

    @Override
    public String help() {
        return """
                remove-bg INPUT... --out DIR   remove the background of photos and folders of photos
                  --model ID         isnet-medium (default), isnet-small or rmbg-1.4
                  --output KIND      cutout (RGBA PNG, default), mask (8-bit gray PNG) or composite
                  --color COLOUR     the composite's background (default #ffffff)
                  --refine           snap edges to the photo and remove colour halos
                  --recursive        include subfolders of folder inputs
                  --overwrite        replace existing files in DIR (inputs are never replaced)
                  --jobs N           run at most N nodes at once (default: the number of cores)
                """;
    }

    private static final int MAX_PHOTOS = 1_000_000;
    private static final Pattern LINE_BREAK = Pattern.compile("\\R");
    private static final ObjectWriter JSON_STRING = new ObjectMapper().writer().with(JsonWriteFeature.ESCAPE_NON_ASCII);

    @Override
    public int run(List<String> arguments, CommandContext context) throws UsageException {
        Options options = Options.parse(name(), arguments, Set.of("refine", "overwrite", "recursive", "help"),
                Set.of("out", "model", "output", "color", "jobs"));
        ModelStore store = new ModelStore(context.home().models(), ModelCatalog.builtIn());
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
            if (absent && fetcher != null && fetcher.canFetch(modelId)) {
                context.err().println("pexper: fetching the " + modelId + " model (first use); it stays in "
                        + store.folder());
                int fetched = DownloadProgress.fetch(context, fetcher, store, modelId);
                if (fetched != ExitCode.OK) {
                    return fetched;
                }
            } else {
                context.err().println("pexper: " + missing.getMessage());
                return ExitCode.UNREADABLE;
            }
        }
        Path out = context.path(options.value("out"), "--out");
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
            Path path = context.path(input, input);
            inputs.add(path);
            if (Files.isDirectory(path)) {
                photos.addAll(photosIn(context, path, options.flag("recursive")));
            } else if (Files.exists(path)) {
                photos.add(path);
            } else {
                throw new UsageException(input + " does not exist; give photos or folders of photos");
            }
        }
        List<Path> todo = notDoneYet(photos, out, recipe);
        if (todo.size() < photos.size()) {
            context.err().println("pexper: " + (photos.size() - todo.size()) + " of " + photos.size() + " photos are done"
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
        int jobs = options.positiveInt("jobs", Runtime.getRuntime().availableProcessors());
        // Nothing is kept between items: a batch of thousands of photos runs in flat memory.
        // The photos and folders named on the command line are the user's grant to read them.
        return context.runWorkflow(workflow.build(), out, inputs, jobs);
    }

    /** The photos of a folder, listed as List folder lists them, Pexper's data folder left out. */
    private static List<Path> photosIn(CommandContext context, Path folder, boolean recursive) throws UsageException {
        Path home = context.home().root().toAbsolutePath().normalize();
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
