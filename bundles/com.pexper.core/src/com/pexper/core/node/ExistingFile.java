package com.pexper.core.node;

import java.nio.file.FileAlreadyExistsException;

/** What {@link ExecutionContext#writeFile} does when the target file is already there. */
public enum ExistingFile {
    /**
     * Replace it. A file that this run did not write is kept as {@code NAME.bak} beside the new one,
     * so that a workflow never destroys the user's work.
     */
    REPLACE,
    /** Leave it as it is and throw {@link FileAlreadyExistsException}. */
    FAIL
}
