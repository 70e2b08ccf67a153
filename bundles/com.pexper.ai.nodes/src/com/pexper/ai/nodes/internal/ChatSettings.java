package com.pexper.ai.nodes.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.pexper.ai.ChatRequest;
import com.pexper.ai.ImageInput;
import com.pexper.core.node.InvalidConfigurationException;
import com.pexper.core.node.NodeSignature;
import com.pexper.core.node.ParameterSpec;
import com.pexper.core.node.Parameters;
import com.pexper.core.node.TextTemplate;

/**
 * A chat node's prompt and system templates and sampling settings, compiled once at configure time;
 * each {{placeholder}} in either is a Text input of the node.
 */
record ChatSettings(TextTemplate system, TextTemplate prompt, Double temperature, Long seed, Integer maxTokens) {

    static ChatSettings of(Parameters parameters) throws InvalidConfigurationException {
        return new ChatSettings(TextTemplate.compile(orEmpty(parameters.string("system"))),
                TextTemplate.compile(orEmpty(parameters.string("prompt"))),
                parameters.isSet("temperature") ? parameters.decimal("temperature") : null,
                parameters.isSet("seed") ? parameters.integer("seed") : null,
                parameters.isSet("maxTokens") ? (int) Math.min(Integer.MAX_VALUE, parameters.integer("maxTokens")) : null);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    Set<String> placeholders() {
        Set<String> names = new LinkedHashSet<>(system.placeholders());
        names.addAll(prompt.placeholders());
        return names;
    }

    /**
     * One chat node's signature: the base's own inputs, then a Text input per placeholder; not
     * cacheable when it samples without a seed.
     */
    static NodeSignature signature(NodeSignature base, Parameters parameters) throws InvalidConfigurationException {
        NodeSignature.Builder signature = NodeSignature.builder();
        base.inputs().forEach(signature::input);
        signature.from(base);
        Set<String> own = new LinkedHashSet<>();
        base.inputs().forEach(port -> own.add(port.name()));
        TextTemplate.addInputs(signature, of(parameters).placeholders(), own);
        if (ProviderChoice.samples(parameters)) {
            signature.nonDeterministic();
        }
        return signature.build();
    }

    ChatRequest request(String model, Function<String, String> values, List<ImageInput> images, JsonNode schema) {
        String systemText = system.fill(values);
        return new ChatRequest(model, systemText.isEmpty() ? null : systemText, prompt.fill(values), images, temperature,
                maxTokens, seed, schema);
    }

    static void checkInputNames(Set<String> placeholders, String reserved) throws InvalidConfigurationException {
        if (placeholders.contains(reserved)) {
            throw new InvalidConfigurationException("{{" + reserved + "}} is the node's own input; name the placeholder"
                    + " differently");
        }
    }

    static ParameterSpec promptParameter(String defaultValue, String help) {
        ParameterSpec.Builder spec = ParameterSpec.of("prompt", com.pexper.core.node.ParameterType.STRING).label("Prompt").multiline()
                .help(help + " {{name}} placeholders become Text inputs. " + TextTemplate.FILTER_HELP);
        return (defaultValue == null ? spec.required() : spec.defaultValue(defaultValue)).build();
    }

    static ParameterSpec systemParameter() {
        return ParameterSpec.of("system", com.pexper.core.node.ParameterType.STRING).label("System").defaultValue("").multiline()
                .help("Instructions that frame every answer (the system prompt); may use {{placeholders}} too.").build();
    }
}
