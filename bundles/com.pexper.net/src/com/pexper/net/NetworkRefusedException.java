package com.pexper.net;

import java.io.IOException;

/** The gate refused a request before anything left the machine; the message says why and what to do. */
public final class NetworkRefusedException extends IOException {

    private static final long serialVersionUID = 1L;

    public NetworkRefusedException(String message) {
        super(message);
    }
}
