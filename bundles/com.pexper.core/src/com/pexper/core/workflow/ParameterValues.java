package com.pexper.core.workflow;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.pexper.core.node.ParameterSpec;
import com.pexper.core.node.ParameterType;
import com.pexper.core.node.Parameters;
import com.pexper.model.BooleanParameter;
import com.pexper.model.ChoiceParameter;
import com.pexper.model.ColorParameter;
import com.pexper.model.CredentialReference;
import com.pexper.model.DecimalParameter;
import com.pexper.model.FilePathParameter;
import com.pexper.model.IntegerParameter;
import com.pexper.model.Node;
import com.pexper.model.ParameterValue;
import com.pexper.model.StringParameter;
import com.pexper.model.WorkflowFactory;
import com.pexper.model.text.Quote;
import com.pexper.model.validation.Problem;
import com.pexper.model.validation.StructureCheck;

/**
 * Turns a node's parameter values from the model into the typed {@link Parameters} its node type
 * declared, checking kind, range and choices on the way; and parses text typed by a user (--set)
 * into model values.
 */
public final class ParameterValues {

    private ParameterValues() {
    }

    /**
     * Resolves the parameters of a node against its type's declarations, adding a problem for each
     * value of the wrong kind, out of range, not among the choices, or missing.
     */
    public static Parameters resolve(Node node, List<ParameterSpec> specs, Path baseDirectory, List<Problem> problems) {
        Map<String, Object> values = new HashMap<>();
        Map<String, ParameterType> types = new HashMap<>();
        for (ParameterSpec spec : specs) {
            types.put(spec.name(), spec.type());
            ParameterValue set = node.getParameter(spec.name());
            Object value = set == null ? spec.defaultValue() : fromModel(set, spec, node.getId(), problems);
            if (value == null && set == null && spec.required()) {
                problems.add(Problem.error("missing-parameter", node.getId(), "parameter '" + spec.name()
                        + "' (" + spec.type().description() + ") is required.", "Set a value for it."));
            }
            if (value != null && spec.type() == ParameterType.FILE && !isUsablePath(spec, (String) value, baseDirectory,
                    node.getId(), problems)) {
                continue;
            }
            if (value != null) {
                checkBounds(spec, value, node.getId(), problems);
                values.put(spec.name(), value);
            }
        }
        for (ParameterValue parameter : node.getParameters()) {
            if (!types.containsKey(parameter.getName())) {
                problems.add(Problem.warning("unknown-parameter", node.getId(), "parameter '" + parameter.getName()
                        + "' is not used by node type " + node.getType() + ".",
                        "Remove it, or check its spelling against `pexper nodes`."));
            }
        }
        return Parameters.of(values, types, baseDirectory);
    }

    private static Object fromModel(ParameterValue value, ParameterSpec spec, String nodeId, List<Problem> problems) {
        Object result = switch (spec.type()) {
            case STRING -> value instanceof StringParameter p ? p.getValue() : null;
            case INTEGER -> value instanceof IntegerParameter p ? Long.valueOf(p.getValue()) : null;
            case DECIMAL -> switch (value) {
                case DecimalParameter p -> Double.valueOf(p.getValue());
                case IntegerParameter p -> Double.valueOf(p.getValue());
                default -> null;
            };
            case BOOLEAN -> value instanceof BooleanParameter p ? Boolean.valueOf(p.isValue()) : null;
            // Hand-written files may give these as plain text; the tagged form is what Pexper writes.
            case CHOICE -> switch (value) {
                case ChoiceParameter p -> p.getValue();
                case StringParameter p -> p.getValue();
                default -> null;
            };
            case FILE -> switch (value) {
                case FilePathParameter p -> p.getValue();
                case StringParameter p -> p.getValue();
                default -> null;
            };
            case COLOR -> switch (value) {
                case ColorParameter p -> p.getValue();
                case StringParameter p -> p.getValue();
                default -> null;
            };
            case CREDENTIAL -> switch (value) {
                case CredentialReference p -> p.getCredentialName();
                case StringParameter p -> p.getValue();
                default -> null;
            };
        };
        if (result == null) {
            problems.add(Problem.error("parameter-type", nodeId, "parameter '" + spec.name() + "' should be "
                    + spec.type().description() + ", but the workflow gives " + describe(value) + ".",
                    "Set it to " + example(spec) + "."));
        }
        return result;
    }

    /**
     * Whether a FILE parameter's value names a file: not empty (an empty path is the workflow's
     * folder, never what was meant) and a path the file system accepts (no NUL character).
     */
    private static boolean isUsablePath(ParameterSpec spec, String path, Path baseDirectory, String nodeId,
            List<Problem> problems) {
        if (path.isBlank()) {
            problems.add(Problem.error("empty-parameter", nodeId, "parameter '" + spec.name() + "' ("
                    + spec.type().description() + ") is empty.", "Set it to a path relative to the workflow's folder,"
                            + " e.g. " + example(spec) + (spec.required() ? "" : ", or remove it") + "."));
            return false;
        }
        try {
            (baseDirectory != null ? baseDirectory : Path.of("")).resolve(path);
            return true;
        } catch (InvalidPathException e) {
            problems.add(Problem.error("invalid-path", nodeId, "parameter '" + spec.name() + "' is not a valid path: "
                    + Quote.of(path) + " (" + e.getReason() + ").", "Remove the control characters from it, or"
                            + " choose another path."));
            return false;
        }
    }

    private static void checkBounds(ParameterSpec spec, Object value, String nodeId, List<Problem> problems) {
        if (value instanceof Number number) {
            double v = number.doubleValue();
            if ((spec.min() != null && v < spec.min()) || (spec.max() != null && v > spec.max())) {
                problems.add(Problem.error("parameter-range", nodeId, "parameter '" + spec.name() + "' is " + value
                        + ", outside " + range(spec) + ".", "Choose a value in " + range(spec) + "."));
            }
        }
        if (spec.type() == ParameterType.CHOICE && !spec.choices().isEmpty() && !spec.choices().contains(value)) {
            problems.add(Problem.error("parameter-choice", nodeId, "parameter '" + spec.name() + "' is "
                    + Quote.of((String) value) + ", which is not one of its choices.", "Use one of: " + String.join(", ", spec.choices()) + "."));
        }
    }

    private static String range(ParameterSpec spec) {
        return "[" + (spec.min() == null ? "-inf" : format(spec.min())) + ", "
                + (spec.max() == null ? "inf" : format(spec.max())) + "]";
    }

    private static String format(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    private static String describe(ParameterValue value) {
        return switch (value) {
            case StringParameter p -> "the text " + Quote.of(p.getValue());
            case IntegerParameter p -> "the whole number " + p.getValue();
            case DecimalParameter p -> "the number " + p.getValue();
            case BooleanParameter p -> "the boolean " + p.isValue();
            case ChoiceParameter p -> "the choice " + Quote.of(p.getValue());
            case FilePathParameter p -> "the file path " + Quote.of(p.getValue());
            case ColorParameter p -> "the colour " + Quote.shorten(p.getValue());
            case CredentialReference p -> "the credential name " + Quote.of(p.getCredentialName());
            default -> value.eClass().getName();
        };
    }

    private static String example(ParameterSpec spec) {
        return switch (spec.type()) {
            case STRING -> "text in quotes";
            case INTEGER -> "a whole number such as 3";
            case DECIMAL -> "a number such as 0.5";
            case BOOLEAN -> "true or false";
            case CHOICE -> "{\"choice\": \"" + (spec.choices().isEmpty() ? "..." : spec.choices().get(0)) + "\"}";
            case FILE -> "{\"file\": \"path/to/file\"}";
            case COLOR -> "{\"color\": \"#RRGGBB\"}";
            case CREDENTIAL -> "{\"credential\": \"name\"} (a name from `pexper keys list`)";
        };
    }

    /**
     * What is wrong with text typed for a parameter, as an editor says it while the user types: not
     * a value of its kind, outside its range, not one of its choices, or missing; null when nothing
     * is. Empty text stands for the default, when there is one.
     */
    public static String problemWith(String text, ParameterSpec spec) {
        if (text.isEmpty() && spec.defaultValue() != null) {
            return null;
        }
        if (text.isEmpty() && spec.required()) {
            return "Required: set a value.";
        }
        ParameterValue value;
        try {
            value = parse(text, spec);
        } catch (IllegalArgumentException e) {
            return e.getMessage() + ".";
        }
        List<Problem> problems = new java.util.ArrayList<>();
        Object typed = fromModel(value, spec, "", problems);
        if (typed != null) {
            checkBounds(spec, typed, "", problems);
        }
        return problems.isEmpty() ? null : problems.get(0).message() + " " + problems.get(0).fix();
    }

    /**
     * A value as a user would type it: the inverse of {@link #parse}, for editors that show the
     * value as text (a credential shows its name; a key has no place in a workflow).
     */
    public static String text(ParameterValue value) {
        return switch (value) {
            case StringParameter p -> p.getValue();
            case IntegerParameter p -> Long.toString(p.getValue());
            case DecimalParameter p -> format(p.getValue());
            case BooleanParameter p -> Boolean.toString(p.isValue());
            case ChoiceParameter p -> p.getValue();
            case FilePathParameter p -> p.getValue();
            case ColorParameter p -> p.getValue();
            case CredentialReference p -> p.getCredentialName();
            default -> "";
        };
    }

    /**
     * Parses a value typed on the command line for a parameter of this kind.
     *
     * @throws IllegalArgumentException with a message saying what is expected
     */
    public static ParameterValue parse(String text, ParameterSpec spec) {
        WorkflowFactory f = WorkflowFactory.eINSTANCE;
        ParameterValue value = switch (spec.type()) {
            case STRING -> {
                StringParameter p = f.createStringParameter();
                p.setValue(text);
                yield p;
            }
            case INTEGER -> {
                IntegerParameter p = f.createIntegerParameter();
                try {
                    p.setValue(Long.parseLong(text.trim()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + text + "' is not a whole number");
                }
                yield p;
            }
            case DECIMAL -> {
                DecimalParameter p = f.createDecimalParameter();
                try {
                    double d = Double.parseDouble(text.trim());
                    if (!Double.isFinite(d)) {
                        throw new NumberFormatException();
                    }
                    p.setValue(d);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + text + "' is not a number");
                }
                yield p;
            }
            case BOOLEAN -> {
                BooleanParameter p = f.createBooleanParameter();
                switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
                    case "true", "yes", "on", "1" -> p.setValue(true);
                    case "false", "no", "off", "0" -> p.setValue(false);
                    default -> throw new IllegalArgumentException("'" + text + "' is not true or false");
                }
                yield p;
            }
            case CHOICE -> {
                ChoiceParameter p = f.createChoiceParameter();
                p.setValue(text);
                yield p;
            }
            case FILE -> {
                FilePathParameter p = f.createFilePathParameter();
                p.setValue(text);
                yield p;
            }
            case COLOR -> {
                if (!StructureCheck.COLOR.matcher(text.strip()).matches()) {
                    throw new IllegalArgumentException("'" + text + "' is not a colour: write #RRGGBB, or #RRGGBBAA with"
                            + " alpha (e.g. #1E90FF)");
                }
                ColorParameter p = f.createColorParameter();
                p.setValue(text.strip());
                yield p;
            }
            case CREDENTIAL -> {
                CredentialReference p = f.createCredentialReference();
                p.setCredentialName(text);
                yield p;
            }
        };
        value.setName(spec.name());
        return value;
    }
}
