package com.pexper.ai.nodes.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import com.pexper.ai.AiProvider;
import com.pexper.ai.Capability;
import com.pexper.ai.ProviderSettings;
import com.pexper.ai.ImageInput;
import com.pexper.core.data.DataType;
import com.pexper.core.data.TextValue;
import com.pexper.core.node.InvalidConfigurationException;
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
import com.pexper.imaging.Resampler;

/** Asks a vision model about an image: a caption, alt text, what is in it. */
public final class DescribeImageNode implements NodeFactory {

    private static final NodeSignature BASE = base();

    private static NodeSignature base() {
        NodeSignature.Builder signature = NodeSignature.builder()
                .input(PortSpec.required("image", DataType.IMAGE, "The image to describe."))
                .output(PortSpec.output("text", DataType.TEXT, "The model's description."));
        ProviderChoice.parameters(signature, "ollama", "A vision model (llava, gpt-4o-mini, claude-..., gemini-...);"
                + " empty for the provider's default.")
                .parameter(ChatSettings.systemParameter())
                .parameter(ChatSettings.promptParameter("Describe this image in one short paragraph.", "What to ask about"
                        + " the image."))
                .parameter(ParameterSpec.of("maxSize", ParameterType.INTEGER).label("Longest side sent").defaultValue(1536L)
                        .range(64, 8192).help("Larger images are scaled down to this many pixels on their longest side"
                                + " before they are sent: fewer bytes and tokens, the same answer for most questions."));
        ProviderChoice.samplingParameters(null).forEach(signature::parameter);
        return signature.dynamicInputs("one Text input per {{placeholder}} in 'prompt' and 'system'").waitsOnIo().build();
    }

    @Override
    public NodeSignature signature() {
        return BASE;
    }

    @Override
    public NodeSignature signature(Parameters parameters) throws InvalidConfigurationException {
        ChatSettings.checkInputNames(ChatSettings.of(parameters).placeholders(), "image");
        return ChatSettings.signature(BASE, parameters);
    }

    @Override
    public NodeExecutor configure(Parameters parameters) throws InvalidConfigurationException {
        ProviderChoice choice = ProviderChoice.of(parameters);
        ChatSettings chat = ChatSettings.of(parameters);
        ChatSettings.checkInputNames(chat.placeholders(), "image");
        int maxSize = (int) parameters.integer("maxSize");
        return (inputs, context) -> {
            ProviderChoice.Opened opened = choice.open(context, Capability.VISION);
            AiProvider ai = opened.ai();
            String model = choice.modelFor(opened, ProviderSettings::defaultModel, "vision");
            ImageInput image = encode(inputs.get("image", Image.class), maxSize);
            return Outputs.of("text", TextValue.of(PromptNode.ask(choice, ai,
                    chat.request(model, inputs::text, List.of(image), null), context).text()));
        };
    }

    /** Scaled to {@code maxSize} on the longest side; JPEG for opaque images, PNG where alpha matters. */
    static ImageInput encode(Image image, int maxSize) throws IOException {
        Image scaled = scaled(image.to8Bit(), maxSize);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (scaled.hasAlpha()) {
            ImageEncoder.png().write(scaled, out);
            return new ImageInput(out.toByteArray(), "image/png");
        }
        ImageEncoder.jpeg(ImageEncoder.DEFAULT_JPEG_QUALITY).write(scaled, out);
        return new ImageInput(out.toByteArray(), "image/jpeg");
    }

    /** The image at {@code maxSize} on its longest side, if it is larger: as {@link #encode} sends it. */
    static Image scaled(Image image, int maxSize) {
        int longest = Math.max(image.width(), image.height());
        if (longest <= maxSize) {
            return image;
        }
        double factor = (double) maxSize / longest;
        return Resampler.resize(image, Math.max(1, (int) Math.round(image.width() * factor)),
                Math.max(1, (int) Math.round(image.height() * factor)), Resampler.Kernel.LANCZOS3);
    }
}
