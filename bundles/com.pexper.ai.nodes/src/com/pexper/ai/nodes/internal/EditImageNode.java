package com.pexper.ai.nodes.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import com.pexper.ai.AiException;
import com.pexper.ai.AiProvider;
import com.pexper.ai.Capability;
import com.pexper.ai.GeneratedImage;
import com.pexper.ai.ImageEdit;
import com.pexper.ai.ImageInput;
import com.pexper.ai.ProviderSettings;
import com.pexper.core.data.DataType;
import com.pexper.core.node.InvalidConfigurationException;
import com.pexper.core.node.NodeExecutionException;
import com.pexper.core.node.NodeExecutor;
import com.pexper.core.node.NodeFactory;
import com.pexper.core.node.NodeSignature;
import com.pexper.core.node.ParameterSpec;
import com.pexper.core.node.ParameterType;
import com.pexper.core.node.Parameters;
import com.pexper.core.node.PortSpec;
import com.pexper.core.node.TextTemplate;
import com.pexper.imaging.Image;
import com.pexper.imaging.ImageEncoder;

/**
 * Makes a new image from an image and a prompt ("put the cup on a marble table"), optionally with
 * a mask of what may change, with the providers whose APIs offer it: OpenAI's image edits, Gemini's
 * image output from an image.
 */
public final class EditImageNode implements NodeFactory {

    private static final NodeSignature BASE = base();

    private static NodeSignature base() {
        NodeSignature.Builder signature = NodeSignature.builder()
                .input(PortSpec.required("image", DataType.IMAGE, "The image to start from."))
                .input(PortSpec.optional("mask", DataType.IMAGE, "Where the image may change: black (or"
                        + " transparent) there, white (or opaque) where it stays; the size of the image. A mask from"
                        + " Remove background keeps the subject and lets the model paint the rest. OpenAI only."))
                .output(PortSpec.output("image", DataType.IMAGE, "The new image."));
        ProviderChoice.parameters(signature, "openai", "The image model; empty for the provider's default (gpt-image-1"
                + " for OpenAI, gemini-2.5-flash-image for Gemini).")
                .parameter(ChatSettings.promptParameter(null, "What to make of the image: what to change, add or keep."))
                .parameter(ParameterSpec.of("size", ParameterType.STRING).label("Size").defaultValue("")
                        .help("Width x height as the model accepts them (1024x1024, 1536x1024, 1024x1536, auto);"
                                + " empty for the provider's default. Gemini keeps the image's shape."))
                .parameter(ParameterSpec.of("maxSize", ParameterType.INTEGER).label("Longest side sent")
                        .defaultValue(1536L).range(64, 8192).help("Larger images are scaled down to this many pixels"
                                + " on their longest side before they are sent."));
        // the models take no seed: every run makes a new picture
        return signature.dynamicInputs("one Text input per {{placeholder}} in 'prompt'").nonDeterministic().waitsOnIo()
                .build();
    }

    @Override
    public NodeSignature signature() {
        return BASE;
    }

    @Override
    public NodeSignature signature(Parameters parameters) throws InvalidConfigurationException {
        return ChatSettings.signature(BASE, parameters); // its inputs, then one per placeholder of the prompt
    }

    @Override
    public NodeExecutor configure(Parameters parameters) throws InvalidConfigurationException {
        ProviderChoice choice = ProviderChoice.of(parameters);
        TextTemplate prompt = TextTemplate.compile(parameters.string("prompt"));
        String size = parameters.string("size");
        int maxSize = (int) parameters.integer("maxSize");
        return (inputs, context) -> {
            ProviderChoice.Opened opened = choice.open(context, Capability.IMAGE_EDITING);
            AiProvider ai = opened.ai();
            String model = choice.modelFor(opened, ProviderSettings::imageModel, "image");
            Image image = inputs.get("image", Image.class);
            // PNG whatever the image: every edit API takes it (DALL-E 2 nothing else), and a mask must match it
            ImageInput sent = png(DescribeImageNode.scaled(image.to8Bit(), maxSize));
            ImageInput mask = inputs.has("mask") ? mask(inputs.get("mask", Image.class), image, maxSize) : null;
            context.progress(0, "editing with " + ai.descriptor().label() + " (" + model + ")");
            GeneratedImage made;
            try {
                made = ai.editImage(new ImageEdit(model, prompt.fill(inputs::text), sent, mask,
                        size == null || size.isBlank() ? null : size), ProviderChoice.control(context));
            } catch (AiException e) {
                context.checkCanceled();
                throw choice.failure(e);
            }
            return GenerateImageNode.outputs(ai, made, context);
        };
    }

    /**
     * The mask as the APIs take it: a PNG the size of the image sent, whose alpha says what stays
     * (opaque) and what may change (transparent); a mask without alpha gives its gray as the alpha.
     */
    private static ImageInput mask(Image mask, Image image, int maxSize) throws IOException,
            NodeExecutionException {
        if (mask.width() != image.width() || mask.height() != image.height()) {
            throw new NodeExecutionException("the mask is " + mask.width() + "x" + mask.height() + " but the image is "
                    + image.width() + "x" + image.height() + "; give a mask of the image's size (as Remove background"
                    + " makes from it)");
        }
        Image eight = mask.to8Bit();
        byte[] samples = eight.bytes();
        int channels = eight.channels();
        byte[] rgba = new byte[eight.width() * eight.height() * 4];
        for (int p = 0, at = 0; p < rgba.length; p += 4, at += channels) {
            byte keep = eight.hasAlpha() ? samples[at + channels - 1] : samples[at];
            rgba[p + 3] = keep; // the colour is black: only the alpha speaks
        }
        Image alpha = Image.wrap8(eight.width(), eight.height(), 4, rgba);
        return png(DescribeImageNode.scaled(alpha, maxSize)); // the size of the image sent
    }

    private static ImageInput png(Image image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageEncoder.png().write(image, out);
        return new ImageInput(out.toByteArray(), "image/png");
    }
}
