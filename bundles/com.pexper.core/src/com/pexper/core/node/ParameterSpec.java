package com.pexper.core.node;

import java.util.List;
import java.util.Objects;

/**
 * A parameter a node type declares: its kind, default, bounds or choices, and help text.
 *
 * @param defaultValue String, Long, Double or Boolean as fits the type; null when there is none
 * @param min lower bound for INTEGER and DECIMAL, or null
 * @param max upper bound for INTEGER and DECIMAL, or null
 * @param choices the allowed values of a CHOICE
 * @param required whether the workflow must set it (only meaningful without a default)
 * @param writes for a FILE parameter: the node writes there (relative paths go to the output
 *        folder), rather than reads; the engine confines both before anything runs
 * @param multiline for a STRING: text of several lines (a prompt, a template), which editors give
 *        room to
 */
public record ParameterSpec(String name, ParameterType type, String label, Object defaultValue, Double min,
        Double max, List<String> choices, boolean required, String help, boolean writes, boolean multiline) {

    public ParameterSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        choices = choices == null ? List.of() : List.copyOf(choices);
        label = label == null ? name : label;
        help = help == null ? "" : help;
    }

    public static Builder of(String name, ParameterType type) {
        return new Builder(name, type);
    }

    /** Fluent construction, so that declarations read like documentation. */
    public static final class Builder {
        private final String name;
        private final ParameterType type;
        private String label;
        private Object defaultValue;
        private Double min;
        private Double max;
        private List<String> choices = List.of();
        private boolean required;
        private String help;
        private boolean writes;
        private boolean multiline;

        private Builder(String name, ParameterType type) {
            this.name = name;
            this.type = type;
        }

        public Builder label(String label) {
            this.label = label;
            return this;
        }

        public Builder defaultValue(Object value) {
            this.defaultValue = value;
            return this;
        }

        public Builder range(double min, double max) {
            this.min = min;
            this.max = max;
            return this;
        }

        public Builder min(double min) {
            this.min = min;
            return this;
        }

        public Builder choices(String... choices) {
            this.choices = List.of(choices);
            return this;
        }

        public Builder required() {
            this.required = true;
            return this;
        }

        public Builder help(String help) {
            this.help = help;
            return this;
        }

        /**
         * Marks a FILE parameter as a place the node writes to (a file, or a folder it saves into);
         * {index}, {name} and such placeholders may stand for the names it makes.
         */
        public Builder writes() {
            this.writes = true;
            return this;
        }

        /** Marks a STRING parameter as text of several lines: a prompt, a template, a schema. */
        public Builder multiline() {
            this.multiline = true;
            return this;
        }

        public ParameterSpec build() {
            return new ParameterSpec(name, type, label, defaultValue, min, max, choices, required, help, writes,
                    multiline);
        }
    }
}
