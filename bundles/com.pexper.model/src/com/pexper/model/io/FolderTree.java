package com.pexper.model.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removes a folder with everything in it: scratch space, temporary folders, half-written copies. */
public final class FolderTree {

    private FolderTree() {
    }

    /** Deletes the folder and its content, deepest first; a folder that is not there is fine. */
    public static void delete(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (NoSuchFileException e) {
            // already gone
        }
    }
}
