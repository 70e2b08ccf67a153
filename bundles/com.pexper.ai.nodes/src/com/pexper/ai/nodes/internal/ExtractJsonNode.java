package com.pexper.ai.nodes.internal;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pexper.ai.AiProvider;
import com.pexper.ai.Capability;
import com.pexper.ai.ProviderSettings;
import com.pexper.ai.ChatRequest;
import com.pexper.core.data.DataType;
import com.pexper.core.data.JsonValue;
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
 * Pulls structured data out of text: the model answers in JSON following the node's schema (through
 * the provider's structured-output option where it has one), the answer is validated, and a wrong
 * answer gets one repair request that quotes the problems before the node fails.
 */
public final class ExtractJsonNode implements NodeFactory {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final NodeSignature BASE = base();

    private static NodeSignature base() {
        NodeSignature.Builder signature = NodeSignature.builder()
                .input(PortSpec.required("text", DataType.TEXT, "The text to extract from."))
                .output(PortSpec.output("json", DataType.JSON, "The extracted data, valid against the schema."));
        ProviderChoice.parameters(signature, "ollama", "The chat model; empty for the provider's default.")
                .parameter(ParameterSpec.of("schema", ParameterType.STRING).label("JSON Schema").required().multiline()
                        .help("What to extract, as a JSON Schema: {\"type\":\"object\",\"properties\":{\"name\":"
                                + "{\"type\":\"string\"}},\"required\":[\"name\"]}."))
                .parameter(ChatSettings.systemParameter())
                .parameter(ChatSettings.promptParameter("Extract the data described by the schema from this text:\n\n"
                        + "{{text}}", "The request; {{text}} is the input text."));
        ProviderChoice.samplingParameters(0.0).forEach(signature::parameter);
        return signature.dynamicInputs("one Text input per other {{placeholder}} in 'prompt' and 'system'").waitsOnIo()
                .build();
    }

    @Override
    public NodeSignature signature() {
        return BASE;
    }

    @Override
    public NodeSignature signature(Parameters parameters) throws InvalidConfigurationException {
        return ChatSettings.signature(BASE, parameters);
    }

    static JsonNode schema(Parameters parameters) throws InvalidConfigurationException {
        try {
            JsonNode schema = JSON.readTree(parameters.string("schema"));
            if (schema == null || !schema.isObject()) {
                throw new InvalidConfigurationException("'schema' must be a JSON object (a JSON Schema)");
            }
            return schema;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InvalidConfigurationException("'schema' is not valid JSON" + Quote.jsonLocation(e) + ": "
                    + Quote.jsonProblem(e));
        }
    }

    @Override
    public NodeExecutor configure(Parameters parameters) throws InvalidConfigurationException {
        ProviderChoice choice = ProviderChoice.of(parameters);
        ChatSettings chat = ChatSettings.of(parameters);
        JsonNode schema = schema(parameters);
        return (inputs, context) -> {
            ProviderChoice.Opened opened = choice.open(context, Capability.CHAT);
            AiProvider ai = opened.ai();
            String model = choice.modelFor(opened, ProviderSettings::defaultModel, "chat");
            ChatRequest request = chat.request(model, inputs::text, List.of(), schema);
            String answer = PromptNode.ask(choice, ai, request, context).text();
            List<String> problems = problems(answer, schema);
            if (problems.isEmpty()) {
                return Outputs.of("json", JsonValue.of(parse(answer)));
            }
            context.log("the answer did not follow the schema (" + String.join("; ", problems) + "); asking once more");
            String repaired = PromptNode.ask(choice, ai, request.withPrompt(request.prompt() + "\n\nYour previous answer"
                    + " was:\n" + answer + "\n\nIt is not valid: " + String.join("; ", problems) + ".\nAnswer again with"
                    + " only the JSON value, following the schema exactly."), context).text();
            List<String> still = problems(repaired, schema);
            if (!still.isEmpty()) {
                throw new NodeExecutionException(ai.descriptor().label() + " (" + model + ") did not answer with JSON"
                        + " that follows the schema, also after one repair request: " + String.join("; ", still)
                        + ". Try a stronger model, a simpler schema or temperature 0.");
            }
            return Outputs.of("json", JsonValue.of(parse(repaired)));
        };
    }

    private static List<String> problems(String answer, JsonNode schema) {
        JsonNode value = parse(answer);
        if (value == null) {
            return List.of("it is not JSON");
        }
        return JsonSchemaCheck.problems(schema, value);
    }

    /** The JSON in an answer, also when a model wrapped it in a ```json fence; null if there is none. */
    static JsonNode parse(String answer) {
        String text = answer.strip();
        if (text.startsWith("```")) {
            int start = text.indexOf('\n');
            int end = text.lastIndexOf("```");
            if (start > 0 && end > start) {
                text = text.substring(start + 1, end).strip();
            }
        }
        try {
            JsonNode value = JSON.readTree(text);
            return value == null || value.isMissingNode() ? null : value;
        } catch (IOException e) {
            return null;
        }
    }
}
