package com.pexper.edit;

/** An edit that would break the workflow (a loop, ports whose types do not fit); the message says why. */
public final class EditRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    public EditRefusedException(String message) {
        super(message);
    }
}
