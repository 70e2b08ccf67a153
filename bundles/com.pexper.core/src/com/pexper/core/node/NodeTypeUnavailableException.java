package com.pexper.core.node;

/** A node type is known but its code could not be loaded; the message says which plug-in and why. */
public class NodeTypeUnavailableException extends Exception {

    private static final long serialVersionUID = 1L;

    public NodeTypeUnavailableException(String message) {
        super(message);
    }
}
