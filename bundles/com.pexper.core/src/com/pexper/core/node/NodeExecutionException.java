package com.pexper.core.node;

/**
 * A node failed for a reason the user can act on. The message is shown as it is, so it should say
 * what went wrong and what to do ("cannot read notes.txt: no such file. Check the path.").
 */
public class NodeExecutionException extends Exception {

    private static final long serialVersionUID = 1L;

    public NodeExecutionException(String message) {
        super(message);
    }

    public NodeExecutionException(String message, Throwable cause) {
        super(message, cause);
    }
}
