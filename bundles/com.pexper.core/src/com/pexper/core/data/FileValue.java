package com.pexper.core.data;

import java.nio.file.Path;
import java.util.Objects;

/** A file on the user's disk, by absolute path. The content is read by the nodes that need it. */
public record FileValue(Path path) implements Value {

    public FileValue {
        path = Objects.requireNonNull(path, "path").toAbsolutePath().normalize();
    }

    public static FileValue of(Path path) {
        return new FileValue(path);
    }

    @Override
    public DataType type() {
        return DataType.FILE;
    }

    @Override
    public long sizeBytes() {
        return 64 + 2L * path.toString().length();
    }

    @Override
    public String summary() {
        return path.toString();
    }
}
