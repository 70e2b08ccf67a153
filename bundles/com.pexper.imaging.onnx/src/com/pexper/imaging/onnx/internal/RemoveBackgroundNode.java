package com.pexper.imaging.onnx.internal;

import com.pexper.core.data.DataType;
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
import com.pexper.imaging.Rgba;
import com.pexper.imaging.onnx.BackgroundRemover;
import com.pexper.imaging.onnx.ModelCatalog;
import com.pexper.imaging.onnx.ModelException;
import com.pexper.imaging.onnx.ModelSessions;
import com.pexper.imaging.onnx.SegmentationModel;
import com.pexper.imaging.onnx.Cutouts;

/** Removes the background on the device with a segmentation model; outputs the result and the mask. */
public final class RemoveBackgroundNode implements NodeFactory {

    @Override
    public NodeSignature signature() {
        return NodeSignature.builder()
                .input(PortSpec.required("image", DataType.IMAGE, "The photo."))
                .input(PortSpec.optional("background", DataType.IMAGE,
                        "For output 'composite': a new background, scaled to cover the photo."))
                .output(PortSpec.output("image", DataType.IMAGE, "The cutout, mask or composite, as chosen."))
                .output(PortSpec.output("mask", DataType.IMAGE, "The subject's mask: 8-bit gray, the photo's size."))
                .parameter(ParameterSpec.of("model", ParameterType.CHOICE).label("Model")
                        .defaultValue(ModelCatalog.DEFAULT_MODEL).choices("isnet-medium", "isnet-small", "rmbg-1.4")
                        .help("Installed with ./pexper models; isnet-medium is the best and, here, the fastest."))
                .parameter(ParameterSpec.of("output", ParameterType.CHOICE).label("Output").defaultValue("cutout")
                        .choices("cutout", "mask", "composite")
                        .help("cutout: RGBA with the background transparent; mask; composite: on a colour or image."))
                .parameter(ParameterSpec.of("refine", ParameterType.BOOLEAN).label("Refine edges").defaultValue(false)
                        .help("Snap the mask to the photo's edges and remove colour halos (slower on large photos)."))
                .parameter(ParameterSpec.of("color", ParameterType.COLOR).label("Composite colour")
                        .defaultValue("#ffffff"))
                .needs(ModelSessions.class)
                .build();
    }

    @Override
    public NodeExecutor configure(Parameters parameters) throws InvalidConfigurationException {
        String modelId = parameters.string("model");
        Cutouts.Output output = Cutouts.Output.valueOf(parameters.string("output").toUpperCase(java.util.Locale.ROOT));
        boolean refine = parameters.flag("refine");
        Rgba color;
        try {
            color = Rgba.parse(parameters.string("color"));
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException("'color': " + e.getMessage());
        }
        return (inputs, context) -> {
            SegmentationModel model;
            try {
                model = context.service(ModelSessions.class).orElseThrow(() -> new NodeExecutionException(
                        "this application gives no on-device models (no ModelSessions service)")).get(modelId);
            } catch (ModelException e) {
                throw new NodeExecutionException(e.getMessage(), e);
            }
            Image image = inputs.get("image", Image.class);
            context.progress(0.05, "finding the subject");
            Image mask;
            try {
                mask = new BackgroundRemover(model).mask(image, context::isCanceled);
            } catch (InterruptedException e) {
                context.checkCanceled();
                throw e;
            } catch (ModelException e) {
                throw new NodeExecutionException(e.getMessage(), e);
            }
            context.progress(0.9, "composing");
            Image background = inputs.has("background") ? inputs.get("background", Image.class) : null;
            Image result = Cutouts.compose(image, mask, output, refine, color, background);
            return Outputs.builder().put("image", result).put("mask", mask).build();
        };
    }
}
