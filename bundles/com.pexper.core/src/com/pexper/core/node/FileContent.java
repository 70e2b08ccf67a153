package com.pexper.core.node;

import java.io.IOException;
import java.io.OutputStream;

/**
 * What a node writes into an output file through {@link ExecutionContext#writeFile}. The stream
 * goes to a temporary file; the engine closes it and puts the file in place only once this returns.
 */
@FunctionalInterface
public interface FileContent {

    void writeTo(OutputStream out) throws IOException;
}
