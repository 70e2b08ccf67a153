package com.pexper.core.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A file's size and modification time: cheap to read, and what stands for its content when
 * deciding whether a cached result still holds (as make does).
 */
public record FileStamp(Path path, long size, long modified) {

    /** The file as it is now, or null when it does not exist or cannot be read. */
    public static FileStamp of(Path path) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            return new FileStamp(path, attributes.size(), attributes.lastModifiedTime().toMillis());
        } catch (IOException e) {
            return null;
        }
    }

    /** Whether the file still has this size and modification time. */
    public boolean isCurrent() {
        return equals(of(path));
    }

    /** A one-line form for fingerprints: "path|size|modified", or "path|missing". */
    public static String describe(Path path) {
        FileStamp stamp = of(path);
        return stamp == null ? path + "|missing" : path + "|" + stamp.size + "|" + stamp.modified;
    }
}
