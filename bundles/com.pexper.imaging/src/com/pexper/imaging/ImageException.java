package com.pexper.imaging;

import java.io.IOException;

/**
 * An image that cannot be read or written: its message names the file, says what is wrong and what
 * to do, and is meant to be shown to the user as it is.
 */
public class ImageException extends IOException {

    private static final long serialVersionUID = 1L;

    public ImageException(String message) {
        super(message);
    }

    public ImageException(String message, Throwable cause) {
        super(message, cause);
    }
}
