package com.pexper.core.files;

import com.pexper.core.node.NodeExecutionException;

/** A path a workflow may not use: outside its folders, inside a protected one, or not a plain file. */
public class FileAccessException extends NodeExecutionException {

    private static final long serialVersionUID = 1L;

    public FileAccessException(String message) {
        super(message);
    }
}
