package com.pexper.core.node;

import java.io.IOException;
import java.nio.file.Path;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What a running node may ask of the engine: report progress, check for cancellation, log, use a
 * scratch folder, resolve paths and write output files safely.
 */
@ProviderType
public interface ExecutionContext {

    /** The id of the node being run. */
    String nodeId();

    /** @throws CancelledException once the run has been cancelled; call it often in long work */
    void checkCanceled();

    boolean isCanceled();

    /**
     * Reports progress of this node (of the current item when the node is mapped over a list).
     *
     * @param fraction 0 to 1
     * @param message what is happening, or null
     */
    void progress(double fraction, String message);

    /** A line for the user about what the node did; shown in progress output and kept with events. */
    void log(String message);

    /** A private folder for temporary files, deleted when the run ends. */
    Path scratchDirectory() throws IOException;

    /** The folder of the workflow file: relative input paths are resolved against it. */
    Path workflowDirectory();

    /** The folder for results (the CLI's --out); relative output paths are resolved against it. */
    Path outputDirectory();

    /**
     * Checks that the workflow may read a file or folder, and gives the path to open: relative
     * paths resolve against the workflow's folder, links are followed, and only the workflow's
     * folders and the user's grants are readable (never Pexper's own data, never a device or a pipe).
     * Every node that reads a path it was given, by a parameter or along a connection, opens the
     * path this returns.
     *
     * @throws NodeExecutionException saying which path was refused and how the user can allow it
     */
    Path readable(Path path) throws NodeExecutionException;

    /**
     * Whether a path met while listing a readable folder is one no workflow may see (Pexper's data
     * folder inside a granted one): listings leave it out.
     */
    boolean isProtected(Path path);

    default Path resolveInput(String path) {
        return workflowDirectory().resolve(path).toAbsolutePath().normalize();
    }

    default Path resolveOutput(String path) {
        return outputDirectory().resolve(path).toAbsolutePath().normalize();
    }

    /**
     * Writes an output file atomically: if the node fails or the run is cancelled while writing, no
     * partial file is left and an existing file is untouched. The file is listed in the run record.
     * The target must lie in the output folder or a folder granted for writing (links followed),
     * never the workflow's own file; its folders are made as needed. Replacing a file this run did
     * not write keeps the old one beside it, as {@code NAME.bak} (see {@link ExistingFile#REPLACE}).
     *
     * @throws NodeExecutionException when the workflow may not write there, saying how to allow it
     */
    void writeFile(Path target, FileContent content, ExistingFile existing)
            throws IOException, NodeExecutionException;

    /**
     * What the result being made depends on, as a hash in hex: the node's settings, where its
     * inputs came from (the keys of the results they are) and its fingerprint. Runs that give the
     * same key make the same result, so a node that writes files may record it in them and know its
     * own work when it finds it again. Empty for a node whose results are never reused (one that is
     * not deterministic).
     */
    default java.util.Optional<String> resultKey() {
        return java.util.Optional.empty();
    }

    /** The index of the item being processed when the node is mapped over a list, else -1. */
    int itemIndex();

    /** The number of items when the node is mapped over a list, else -1. */
    int itemCount();

    /**
     * Streams a piece of the node's text result as it arrives (an AI model's tokens), for live
     * display. The node still returns the whole text as its output.
     */
    default void text(String delta) {
    }

    /**
     * Runs {@code action} as soon as the run is cancelled (at once if it already is), from another
     * thread: for work that blocks where {@link #checkCanceled()} cannot be called, such as an HTTP
     * call to abort. Close the returned registration when the work is over.
     */
    default AutoCloseable onCancel(Runnable action) {
        return () -> {
        };
    }

    /**
     * A service the application offers (its {@code ServiceDirectory}: in Pexper, the OSGi service
     * registry), such as the AI providers with their keys and network gate; empty when there is
     * none. Declare it with {@code NodeSignature.Builder#needs} and validation refuses a workflow
     * with this node where the service is missing.
     */
    default <T> java.util.Optional<T> service(Class<T> type) {
        return java.util.Optional.empty();
    }
}
