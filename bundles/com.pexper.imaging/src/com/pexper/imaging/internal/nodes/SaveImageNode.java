package com.pexper.imaging.internal.nodes;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.pexper.core.data.DataType;
import com.pexper.core.data.FileValue;
import com.pexper.core.node.ExistingFile;
import com.pexper.core.node.InvalidConfigurationException;
import com.pexper.core.node.NodeExecutionException;
import com.pexper.core.node.NodeExecutor;
import com.pexper.core.node.NodeFactory;
import com.pexper.core.node.NodeSignature;
import com.pexper.core.node.Outputs;
import com.pexper.core.node.ParameterSpec;
import com.pexper.core.node.ParameterType;
import com.pexper.core.node.Parameters;
import com.pexper.core.node.PortSpec;
import com.pexper.imaging.Image;
import com.pexper.imaging.ImageEncoder;
import com.pexper.imaging.ImageFormat;
import com.pexper.imaging.Provenance;
import com.pexper.imaging.Rgba;
import com.pexper.model.text.Quote;

/**
 * Saves an image into a folder under a name made from a pattern. The file appears whole or not at
 * all; an existing file is kept unless 'overwrite' is on, and the image's own source file is never
 * replaced, whatever the settings. With the source connected, the file records what it was made
 * from and how ({@link Provenance}), and a file found there already that was made the same way from
 * the same photo counts as saved: an interrupted batch run again does not fail on its own results.
 */
public final class SaveImageNode implements NodeFactory {

    @Override
    public NodeSignature signature() {
        return NodeSignature.builder()
                .input(PortSpec.required("image", DataType.IMAGE, "The image to save."))
                .input(PortSpec.optional("source", DataType.FILE,
                        "The file the image came from: gives {name}, and is never overwritten."))
                .output(PortSpec.output("file", DataType.FILE, "The file written."))
                .parameter(ParameterSpec.of("folder", ParameterType.FILE).label("Folder").defaultValue(".").writes()
                        .help("Where to save; relative folders go into the output folder (the CLI's --out)."))
                .parameter(ParameterSpec.of("name", ParameterType.STRING).label("File name").defaultValue("{name}.{ext}")
                        .help("{name}: the source file's name without extension; {index}: the item number;"
                                + " {ext}: the format's extension."))
                .parameter(ParameterSpec.of("format", ParameterType.CHOICE).label("Format").defaultValue("png")
                        .choices("png", "jpg"))
                .parameter(ParameterSpec.of("quality", ParameterType.INTEGER).label("Quality").defaultValue(90L)
                        .range(1, 100).help("JPEG quality; ignored for PNG, which is lossless."))
                .parameter(ParameterSpec.of("background", ParameterType.COLOR).label("JPEG background")
                        .defaultValue("#ffffff").help("What transparent areas become in a JPEG, which has no alpha."))
                .parameter(ParameterSpec.of("recipe", ParameterType.STRING).label("Recipe").defaultValue("")
                        .help("How the image was made (model, settings), in one line; empty: the engine's key for"
                                + " everything that led to it. The file records it with the source's SHA-256, and a"
                                + " result already there from the same source and recipe counts as saved: a batch run"
                                + " again resumes instead of failing on it."))
                .parameter(ParameterSpec.of("overwrite", ParameterType.BOOLEAN).label("Replace existing files")
                        .defaultValue(false).help("Off: a file that exists is kept and the item fails with a message."))
                .marksOutput()
                .build();
    }

    @Override
    public NodeExecutor configure(Parameters parameters) throws InvalidConfigurationException {
        String folder = parameters.string("folder");
        String pattern = parameters.string("name");
        if (pattern.isBlank() || pattern.contains("/") || pattern.contains("\\")) {
            throw new InvalidConfigurationException("'name' must be a file name such as {name}-cutout.{ext}, without folders;"
                    + " put folders in 'folder'");
        }
        ImageFormat format = ImageFormat.writableByName(parameters.string("format"));
        Rgba background;
        try {
            background = Rgba.parse(parameters.string("background"));
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException("'background': " + e.getMessage());
        }
        ImageEncoder encoder = format == ImageFormat.PNG ? ImageEncoder.png()
                : new ImageEncoder(format, (int) parameters.integer("quality"), background.rgb());
        boolean overwrite = parameters.flag("overwrite");
        String recipe = parameters.string("recipe");
        if (recipe.indexOf('\n') >= 0 || recipe.indexOf('\r') >= 0 || recipe.length() > 1024) {
            throw new InvalidConfigurationException("'recipe' is one line of at most 1024 characters");
        }
        return (inputs, context) -> {
            Path source = inputs.has("source") ? inputs.path("source").toAbsolutePath().normalize() : null;
            if (context.itemIndex() >= 0 && !pattern.contains("{index}") && !(pattern.contains("{name}") && source != null)) {
                throw new NodeExecutionException("this node saves " + context.itemCount() + " images but 'name' gives"
                        + " them all the same name. Use {name} (with the source connected) or {index}.");
            }
            String stem = source == null ? "image" : stem(source.getFileName().toString());
            String name = pattern.replace("{name}", stem).replace("{ext}", format.extension())
                    .replace("{index}", Integer.toString(Math.max(0, context.itemIndex()) + 1));
            Path target = context.resolveOutput(folder).resolve(name).normalize();
            if (target.equals(source) || source != null && Files.exists(target) && Files.isSameFile(target, source)) {
                throw new NodeExecutionException("saving would replace the source image " + source
                        + "; Pexper never overwrites an input. Choose another folder or name.");
            }
            Image image = inputs.get("image", Image.class);
            try {
                Map<String, String> text = Map.of();
                String how = recipe.isEmpty() ? context.resultKey().map(key -> "result " + key).orElse("") : recipe;
                if (source != null && !how.isEmpty()) {
                    Provenance made = Provenance.of(context.readable(source), how);
                    if (Provenance.readFrom(context.readable(target)).filter(made::equals).isPresent()) {
                        context.log(target.getFileName() + " is there already, made from the same photo the same way");
                        return Outputs.of("file", FileValue.of(target));
                    }
                    text = made.asText();
                }
                Map<String, String> written = text;
                context.writeFile(target, out -> encoder.write(image, out, written),
                        overwrite ? ExistingFile.REPLACE : ExistingFile.FAIL);
            } catch (FileAlreadyExistsException e) {
                throw new NodeExecutionException(Quote.path(target) + " already exists and was kept; turn on 'overwrite' to"
                        + " replace it, or choose another folder.");
            } catch (IOException e) {
                throw new NodeExecutionException("cannot save " + Quote.path(target) + ": " + Quote.path(e.getMessage()), e);
            }
            return Outputs.of("file", FileValue.of(target));
        };
    }

    static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }
}
