package com.pexper.core.node;

/** The kinds of parameter a node type can declare; each matches one kind of value in the workflow file. */
public enum ParameterType {
    STRING("text"),
    INTEGER("whole number"),
    DECIMAL("number"),
    BOOLEAN("true/false"),
    CHOICE("choice"),
    FILE("file path"),
    COLOR("colour"),
    /** The name of a credential in secure storage; the secret itself never appears in a workflow. */
    CREDENTIAL("credential name");

    private final String description;

    ParameterType(String description) {
        this.description = description;
    }

    /** How the kind is named in messages. */
    public String description() {
        return description;
    }
}
