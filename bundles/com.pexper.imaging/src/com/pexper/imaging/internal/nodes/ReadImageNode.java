package com.pexper.imaging.internal.nodes;

import java.nio.file.Path;

import com.pexper.core.data.DataType;
import com.pexper.core.data.FileStamp;
import com.pexper.core.data.FileValue;
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
import com.pexper.core.node.ExecutionContext;
import com.pexper.core.node.Inputs;
import com.pexper.imaging.Image;
import com.pexper.imaging.ImageDecoder;
import com.pexper.imaging.ImageException;

/**
 * Reads an image file, from the connected file (one per item when fed a folder listing) or the
 * 'path' parameter. A damaged file fails only its own item, with a message naming it.
 */
public final class ReadImageNode implements NodeFactory {

    @Override
    public NodeSignature signature() {
        return NodeSignature.builder()
                .input(PortSpec.optional("file", DataType.FILE, "The image file; overrides 'path'."))
                .output(PortSpec.output("image", DataType.IMAGE, "The decoded image, upright, in sRGB."))
                .output(PortSpec.output("file", DataType.FILE, "The file read: connect it to Save image to name the result after it."))
                .parameter(ParameterSpec.of("path", ParameterType.FILE).label("File")
                        .help("The image to read when no file is connected, relative to the workflow's folder."))
                .parameter(ParameterSpec.of("maxMegapixels", ParameterType.DECIMAL).label("Pixel limit (megapixels)")
                        .defaultValue(ImageDecoder.DEFAULT_MAX_PIXELS / 1e6).range(0.01, 2000)
                        .help("Larger images are refused before decoding: protection against decompression bombs."))
                .build();
    }

    @Override
    public NodeExecutor configure(Parameters parameters) throws InvalidConfigurationException {
        Path configured = parameters.path("path");
        ImageDecoder decoder = new ImageDecoder((long) (parameters.decimal("maxMegapixels") * 1e6));
        return new NodeExecutor() {
            @Override
            public Outputs execute(Inputs inputs, ExecutionContext context) throws Exception {
                Path file = file(inputs, context);
                try {
                    Image image = decoder.read(file);
                    return Outputs.builder().put("image", image).put("file", FileValue.of(file)).build();
                } catch (ImageException e) {
                    throw new NodeExecutionException(e.getMessage(), e);
                }
            }

            @Override
            public String fingerprint(Inputs inputs, ExecutionContext context) throws Exception {
                return FileStamp.describe(file(inputs, context));
            }

            @Override
            public long memoryNeeded(Inputs inputs, ExecutionContext context) throws Exception {
                return decoder.memoryNeeded(file(inputs, context));
            }

            private Path file(Inputs inputs, ExecutionContext context) throws NodeExecutionException {
                if (inputs.has("file")) {
                    return context.readable(inputs.path("file"));
                }
                if (configured == null) {
                    throw new NodeExecutionException("no image to read: connect a file or set 'path'");
                }
                return context.readable(configured);
            }
        };
    }
}
