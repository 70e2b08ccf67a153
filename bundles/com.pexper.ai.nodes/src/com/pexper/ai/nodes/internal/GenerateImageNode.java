package com.pexper.ai.nodes.internal;

import com.pexper.ai.AiException;
import com.pexper.ai.AiProvider;
import com.pexper.ai.Capability;
import com.pexper.ai.ProviderSettings;
import com.pexper.ai.GeneratedImage;
import com.pexper.core.data.DataType;
import com.pexper.core.node.ExecutionContext;
import com.pexper.core.node.InvalidConfigurationException;
import com.pexper.core.node.NodeExecutionException;
import com.pexper.core.node.NodeExecutor;
import com.pexper.core.node.NodeFactory;
import com.pexper.core.node.NodeSignature;
import com.pexper.core.node.Outputs;
import com.pexper.core.node.ParameterSpec;
import com.pexper.core.node.ParameterType;
import com.pexper.core.node.Parameters;
import com.pexper.core.node.TextTemplate;
import com.pexper.core.node.PortSpec;
import com.pexper.imaging.ImageDecoder;
import com.pexper.imaging.ImageException;

/** Makes an image from a prompt; the result is an Image like any other, ready for the imaging nodes. */
public final class GenerateImageNode implements NodeFactory {

    private static final NodeSignature BASE = base();

    private static NodeSignature base() {
        NodeSignature.Builder signature = NodeSignature.builder()
                .output(PortSpec.output("image", DataType.IMAGE, "The generated image."));
        ProviderChoice.parameters(signature, "openai", "The image model; empty for the provider's default (gpt-image-1"
                + " for OpenAI).")
                .parameter(ChatSettings.promptParameter(null, "What to draw."))
                .parameter(ParameterSpec.of("size", ParameterType.STRING).label("Size").defaultValue("1024x1024")
                        .help("Width x height as the model accepts them (1024x1024, 1536x1024, 1024x1536, or auto)."));
        // Image models take no seed: every run draws a new picture.
        return signature.dynamicInputs("one Text input per {{placeholder}} in 'prompt'").nonDeterministic().waitsOnIo()
                .build();
    }

    @Override
    public NodeSignature signature() {
        return BASE;
    }

    @Override
    public NodeSignature signature(Parameters parameters) throws InvalidConfigurationException {
        return ChatSettings.signature(BASE, parameters); // one Text input per placeholder of the prompt
    }

    @Override
    public NodeExecutor configure(Parameters parameters) throws InvalidConfigurationException {
        ProviderChoice choice = ProviderChoice.of(parameters);
        TextTemplate prompt = TextTemplate.compile(parameters.string("prompt"));
        String size = parameters.string("size");
        return (inputs, context) -> {
            ProviderChoice.Opened opened = choice.open(context, Capability.IMAGE_GENERATION);
            AiProvider ai = opened.ai();
            String model = choice.modelFor(opened, ProviderSettings::imageModel, "image");
            context.progress(0, "drawing with " + ai.descriptor().label() + " (" + model + ")");
            GeneratedImage generated;
            try {
                generated = ai.generateImage(model, prompt.fill(inputs::text), size, ProviderChoice.control(context));
            } catch (AiException e) {
                context.checkCanceled();
                throw choice.failure(e);
            }
            return outputs(ai, generated, context);
        };
    }

    /** The image a model made, decoded, as the node's output; what the model said of it goes to the log. */
    static Outputs outputs(AiProvider ai, GeneratedImage generated, ExecutionContext context)
            throws NodeExecutionException {
        if (generated.revisedPrompt() != null) {
            context.log("the model drew: " + generated.revisedPrompt());
        }
        try {
            return Outputs.of("image", new ImageDecoder().decode(generated.data(), "the generated image"));
        } catch (ImageException e) {
            throw new NodeExecutionException(ai.descriptor().label() + " returned an image Pexper cannot read ("
                    + e.getMessage() + ")");
        }
    }
}
