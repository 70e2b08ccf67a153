package com.pexper.ai.nodes.internal;

import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.pexper.ai.AiException;
import com.pexper.ai.AiProvider;
import com.pexper.ai.Capability;
import com.pexper.ai.ProviderSettings;
import com.pexper.core.data.DataType;
import com.pexper.core.data.JsonValue;
import com.pexper.core.node.InvalidConfigurationException;
import com.pexper.core.node.NodeExecutor;
import com.pexper.core.node.NodeFactory;
import com.pexper.core.node.NodeSignature;
import com.pexper.core.node.Outputs;
import com.pexper.core.node.Parameters;
import com.pexper.core.node.PortSpec;

/** Turns text into an embedding vector (for search, clustering, deduplication). */
public final class EmbedTextNode implements NodeFactory {

    private static final NodeSignature SIGNATURE = ProviderChoice.parameters(NodeSignature.builder()
            .input(PortSpec.required("text", DataType.TEXT, "The text to embed."))
            .output(PortSpec.output("embedding", DataType.JSON, "The vector, as a JSON array of numbers.")),
            "ollama", "The embedding model; empty for the provider's default (text-embedding-3-small for OpenAI,"
                    + " nomic-embed-text for Ollama).")
            .waitsOnIo().build();

    @Override
    public NodeSignature signature() {
        return SIGNATURE;
    }

    @Override
    public NodeExecutor configure(Parameters parameters) throws InvalidConfigurationException {
        ProviderChoice choice = ProviderChoice.of(parameters);
        return (inputs, context) -> {
            ProviderChoice.Opened opened = choice.open(context, Capability.EMBEDDINGS);
            AiProvider ai = opened.ai();
            String model = choice.modelFor(opened, ProviderSettings::embeddingModel, "embedding");
            float[] vector;
            try {
                vector = ai.embed(model, List.of(inputs.text("text")), ProviderChoice.control(context)).get(0);
            } catch (AiException e) {
                context.checkCanceled();
                throw choice.failure(e);
            }
            ArrayNode array = JsonNodeFactory.instance.arrayNode(vector.length);
            for (float value : vector) {
                array.add(value);
            }
            return Outputs.of("embedding", JsonValue.of(array));
        };
    }
}
