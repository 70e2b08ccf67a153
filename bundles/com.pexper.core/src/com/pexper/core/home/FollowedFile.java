package com.pexper.core.home;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * A settings file that a running Pexper follows, because another one (the command line, the
 * workbench) or the user's editor may change it meanwhile and the change must count at once. Each
 * look costs one stat; the file counts as changed when it appears, goes, or has another time, size
 * or identity (a file replaced whole by a rename is another file even with the same size and time).
 */
public final class FollowedFile {

    private final Path path;
    private Object seen = new Object();

    public FollowedFile(Path path) {
        this.path = path;
    }

    public Path path() {
        return path;
    }

    /** Whether the file changed since the last look; true at the first. */
    public synchronized boolean changed() {
        Object now;
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            now = List.of(attributes.lastModifiedTime(), attributes.size(), String.valueOf(attributes.fileKey()));
        } catch (IOException e) {
            now = "absent";
        }
        if (now.equals(seen)) {
            return false;
        }
        seen = now;
        return true;
    }
}
