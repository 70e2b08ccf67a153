package com.pexper.imaging.onnx;

/** A model that cannot be installed, found or loaded; the message says what to do. */
public class ModelException extends Exception {

    private static final long serialVersionUID = 1L;

    public ModelException(String message) {
        super(message);
    }

    public ModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
