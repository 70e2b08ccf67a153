package com.pexper.core.node;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import com.pexper.model.validation.StructureCheck;

/**
 * Text with {{name}} placeholders, as the Template and Prompt nodes use it. A filter after a bar
 * changes the value: {{file|filename}}, {{file|basename}}, {{name|upper}}, {{name|lower}},
 * {{name|trim}}; filters chain left to right.
 */
public final class TextTemplate {

    /** The help text nodes show for a template parameter's filters. */
    public static final String FILTER_HELP = "Filters: {{file|filename}}, {{file|basename}}, {{name|upper}},"
            + " {{name|lower}}, {{name|trim}}.";

    /** A literal piece, or a placeholder with the filters applied to its value. */
    private record Part(String text, boolean placeholder, List<UnaryOperator<String>> filters) {

        String fill(Function<String, String> values) {
            if (!placeholder) {
                return text;
            }
            String value = values.apply(text);
            for (UnaryOperator<String> filter : filters) {
                value = filter.apply(value);
            }
            return value;
        }
    }

    private final List<Part> parts;

    private TextTemplate(List<Part> parts) {
        this.parts = parts;
    }

    private static final Map<String, UnaryOperator<String>> FILTERS = Map.of(
            "filename", TextTemplate::fileName,
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

    /** The distinct placeholder names, in order of first use. */
    public Set<String> placeholders() {
        Set<String> names = new LinkedHashSet<>();
        for (Part part : parts) {
            if (part.placeholder) {
                names.add(part.text);
            }
        }
        return names;
    }

    /** Declares one Text input per placeholder, except those named in {@code skip} (the node's own inputs). */
    public static void addInputs(NodeSignature.Builder signature, Set<String> placeholders, Set<String> skip) {
        for (String name : placeholders) {
            if (!skip.contains(name)) {
                signature.input(PortSpec.required(name, com.pexper.core.data.DataType.TEXT, "Fills {{" + name + "}}."));
            }
        }
    }

    /** The text with each placeholder replaced by {@code values.apply(name)}, filters applied. */
    public String fill(Function<String, String> values) {
        StringBuilder text = new StringBuilder();
        for (Part part : parts) {
            text.append(part.fill(values));
        }
        return text.toString();
    }

    /**
     * @throws InvalidConfigurationException with one message per malformed placeholder or unknown filter
     */
    public static TextTemplate compile(String template) throws InvalidConfigurationException {
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
        return new TextTemplate(List.copyOf(parts));
    }
}
