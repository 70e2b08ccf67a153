package com.pexper.model.validation;

/**
 * One thing wrong with a workflow: which node (if any), what is wrong, and what to do about it.
 * Validation collects all of them at once rather than stopping at the first.
 *
 * @param severity whether the workflow can still run
 * @param code a stable identifier for the kind of problem (for tools and tests)
 * @param nodeId the node concerned, or null for the workflow as a whole
 * @param message what is wrong, in a sentence
 * @param fix what the user can do about it
 */
public record Problem(Severity severity, String code, String nodeId, String message, String fix) {

    public enum Severity {
        /** The workflow cannot run until this is fixed. */
        ERROR,
        /** The workflow runs, but probably not as meant. */
        WARNING
    }

    public static Problem error(String code, String nodeId, String message, String fix) {
        return new Problem(Severity.ERROR, code, nodeId, message, fix);
    }

    public static Problem warning(String code, String nodeId, String message, String fix) {
        return new Problem(Severity.WARNING, code, nodeId, message, fix);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        String where = nodeId == null ? "workflow" : "node '" + nodeId + "'";
        return (severity == Severity.WARNING ? "warning: " : "") + where + ": " + message
                + (fix == null ? "" : " Fix: " + fix);
    }
}
