package com.pexper.nodes.basic.internal;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;

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
import com.pexper.model.text.Quote;

/**
 * Writes text to a file atomically: a failure or a cancel leaves no partial file. Relative paths
 * go to the run's output folder. When fed a list, the path must contain {index} so that each item
 * gets its own file.
 */
public final class WriteTextNode implements NodeFactory {

    static final String INDEX = "{index}";

    @Override
    public NodeSignature signature() {
        return NodeSignature.builder()
                .input(PortSpec.required("text", DataType.TEXT, "What to write."))
                .output(PortSpec.output("file", DataType.FILE, "The file written."))
                .parameter(ParameterSpec.of("path", ParameterType.FILE).label("File").required().writes()
                        .help("Where to write; relative paths go to the output folder. {index} becomes the item"
                                + " number when the node writes a list."))
                .parameter(ParameterSpec.of("overwrite", ParameterType.BOOLEAN).label("Replace existing")
                        .defaultValue(false).help("Replace a file that exists (the old one is kept as NAME.bak);"
                                + " off: fail and keep it."))
                .parameter(ParameterSpec.of("encoding", ParameterType.CHOICE).label("Encoding").defaultValue("UTF-8")
                        .choices("UTF-8", "UTF-16", "ISO-8859-1", "windows-1252"))
                .build();
    }

    @Override
    public NodeExecutor configure(Parameters parameters) throws InvalidConfigurationException {
        String path = parameters.string("path");
        if (path.isBlank()) {
            throw new InvalidConfigurationException("'path' is empty; say where to write, e.g. out/report.txt");
        }
        boolean overwrite = parameters.flag("overwrite");
        Charset charset = Charset.forName(parameters.string("encoding"));
        return (inputs, context) -> {
            String name = path;
            if (context.itemIndex() >= 0) {
                if (!path.contains(INDEX)) {
                    throw new NodeExecutionException("this node writes " + context.itemCount() + " items but 'path'"
                            + " names one file, so each would replace the last. Put {index} in the path, e.g. "
                            + "out/item-{index}.txt");
                }
                name = path.replace(INDEX, Integer.toString(context.itemIndex() + 1));
            }
            Path target = context.resolveOutput(name);
            byte[] bytes = inputs.text("text").getBytes(charset);
            try {
                context.writeFile(target, out -> out.write(bytes),
                        overwrite ? ExistingFile.REPLACE : ExistingFile.FAIL);
            } catch (FileAlreadyExistsException e) {
                throw new NodeExecutionException(Quote.path(target) + " already exists and 'overwrite' is off; it was kept."
                        + " Choose another path, or turn on 'overwrite' to replace it (the old file is kept as "
                        + target.getFileName() + ".bak).");
            } catch (IOException e) {
                throw new NodeExecutionException("cannot write " + Quote.path(target) + ": " + Quote.path(e.getMessage()), e);
            }
            return Outputs.of("file", FileValue.of(target));
        };
    }
}
