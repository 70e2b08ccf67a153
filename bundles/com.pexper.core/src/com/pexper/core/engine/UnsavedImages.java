package com.pexper.core.engine;

import java.io.IOException;
import java.nio.file.Path;

import org.osgi.annotation.versioning.ConsumerType;

import com.pexper.core.data.ImageValue;

/**
 * Keeps the images a run made that nothing saved, so that they are not lost when the run ends: a
 * Generate image with no Save image after it, a background removal run to see its cutout. The
 * engine finds it among the run's services (in Pexper the gallery offers it) and, when there is
 * one, gives it the first image output of each node whose outputs go nowhere and that made its
 * image rather than read it (a node with an input connected, or one that gives another result each
 * time, as a generation does). It is called on the worker that ran the node, right after, never for
 * a result reused from the cache; what it keeps is among the run's written files, with the node,
 * the item and the file the item came from.
 */
@ConsumerType
public interface UnsavedImages {

    /**
     * @param item the item of a node run once per item of a list, or -1
     * @param port the output port the image came from
     * @return the file the image is kept in, or null when it is not kept (too many items of a batch)
     */
    Path keep(String runId, String nodeId, int item, String port, ImageValue image) throws IOException;
}
