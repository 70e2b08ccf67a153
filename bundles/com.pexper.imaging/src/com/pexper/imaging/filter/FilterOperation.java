package com.pexper.imaging.filter;

import com.pexper.core.node.ExecutionContext;
import com.pexper.core.node.NodeExecutionException;
import com.pexper.imaging.Image;

/** A configured filter: a pure function of its images. Must be thread-safe. */
@FunctionalInterface
public interface FilterOperation {

    /**
     * @param image the image to filter; never modified
     * @param inputs the filter's declared extra images (a mask, a background), by input name
     * @param context for cancellation checks in long loops and progress
     * @throws NodeExecutionException for problems with these images, saying what to do
     */
    Image apply(Image image, FilterInputs inputs, ExecutionContext context) throws Exception;
}
