package com.pexper.nodes.basic.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

import com.pexper.core.data.DataType;
import com.pexper.core.data.TextValue;
import com.pexper.core.node.Inputs;
import com.pexper.core.node.InvalidConfigurationException;
import com.pexper.core.node.NodeExecutor;
import com.pexper.core.node.NodeFactory;
import com.pexper.core.node.NodeSignature;
import com.pexper.core.node.Outputs;
import com.pexper.core.node.ParameterSpec;
import com.pexper.core.node.ParameterType;
import com.pexper.core.node.Parameters;
import com.pexper.core.node.PortSpec;
import com.pexper.model.validation.StructureCheck;

/**
 * Fills {{name}} placeholders. Each distinct placeholder is a Text input of the node, so
 * "Hello, {{name}}!" has one input, "name"; values of other types are converted to text. A filter
 * after a bar changes the value: {{file|filename}}, {{file|basename}}, {{name|upper}},
 * {{name|lower}}, {{name|trim}}; filters chain left to right.
 */
public final class TemplateNode implements NodeFactory {

    private static final NodeSignature BASE = NodeSignature.builder()
            .output(PortSpec.output("text", DataType.TEXT, "The filled-in text."))
            .parameter(ParameterSpec.of("template", ParameterType.STRING).label("Template").required()
                    .help("Text with {{name}} placeholders; each becomes an input of the same name. Filters:"
                            + " {{file|filename}}, {{file|basename}}, {{name|upper}}, {{name|lower}}, {{name|trim}}."))
            .dynamicInputs("one Text input per {{placeholder}} in 'template'")
            .build();

    /** A literal piece, or a placeholder with the filters applied to its value. */
    private record Part(String text, boolean placeholder, List<UnaryOperator<String>> filters) {

        String fill(Inputs inputs) {
            if (!placeholder) {
                return text;
            }
            String value = inputs.text(text);
            for (UnaryOperator<String> filter : filters) {
                value = filter.apply(value);
            }
            return value;
        }
    }

    private static final Map<String, UnaryOperator<String>> FILTERS = Map.of(
            "filename", TemplateNode::fileName,
            "basename", v -> {
                String name = fileName(v);
                int dot = name.lastIndexOf('.');
                return dot > 0 ? name.substring(0, dot) : name;
            },
            "upper", v -> v.toUpperCase(Locale.ROOT),
            "lower", v -> v.toLowerCase(Locale.ROOT),
            "trim", String::strip);

    private static String fileName(String path) {
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return path.substring(slash + 1);
    }

    @Override
    public NodeSignature signature() {
        return BASE;
    }

    @Override
    public NodeSignature signature(Parameters parameters) throws InvalidConfigurationException {
        NodeSignature.Builder signature = NodeSignature.builder().from(BASE);
        for (String name : placeholders(compile(parameters.string("template")))) {
            signature.input(PortSpec.required(name, DataType.TEXT, "Fills {{" + name + "}}."));
        }
        return signature.build();
    }

    @Override
    public NodeExecutor configure(Parameters parameters) throws InvalidConfigurationException {
        List<Part> parts = compile(parameters.string("template"));
        return (inputs, context) -> {
            StringBuilder text = new StringBuilder();
            for (Part part : parts) {
                text.append(part.fill(inputs));
            }
            return Outputs.of("text", TextValue.of(text.toString()));
        };
    }

    private static Set<String> placeholders(List<Part> parts) {
        Set<String> names = new LinkedHashSet<>();
        for (Part part : parts) {
            if (part.placeholder) {
                names.add(part.text);
            }
        }
        return names;
    }

    static List<Part> compile(String template) throws InvalidConfigurationException {
        List<Part> parts = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int at = 0;
        while (at < template.length()) {
            int open = template.indexOf("{{", at);
            if (open < 0) {
                parts.add(new Part(template.substring(at), false, List.of()));
                break;
            }
            if (open > at) {
                parts.add(new Part(template.substring(at, open), false, List.of()));
            }
            int close = template.indexOf("}}", open + 2);
            if (close < 0) {
                problems.add("the placeholder starting at character " + (open + 1) + " has no closing }}");
                break;
            }
            String[] pieces = template.substring(open + 2, close).split("\\|");
            String name = pieces[0].trim();
            List<UnaryOperator<String>> filters = new ArrayList<>();
            for (int f = 1; f < pieces.length; f++) {
                UnaryOperator<String> filter = FILTERS.get(pieces[f].trim());
                if (filter == null) {
                    problems.add("'" + pieces[f].trim() + "' in {{" + template.substring(open + 2, close).trim()
                            + "}} is not a filter; use " + String.join(", ", new TreeSet<>(FILTERS.keySet())));
                } else {
                    filters.add(filter);
                }
            }
            if (!StructureCheck.IDENTIFIER.matcher(name).matches()) {
                problems.add("'{{" + name + "}}' is not a valid placeholder: use letters, digits, '_' and '-',"
                        + " starting with a letter");
            } else {
                parts.add(new Part(name, true, List.copyOf(filters)));
            }
            at = close + 2;
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems);
        }
        return parts;
    }
}
