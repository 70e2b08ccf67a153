package com.pexper.core.node;

import java.util.List;

/** A node's parameters do not make sense together; each message says what to change. */
public class InvalidConfigurationException extends Exception {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public InvalidConfigurationException(String problem) {
        this(List.of(problem));
    }

    public InvalidConfigurationException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
