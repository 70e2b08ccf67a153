package com.pexper.cli.internal;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.pexper.commands.Options;
import com.pexper.commands.UsageException;
import com.pexper.core.engine.RunRequest;
import com.pexper.core.files.FileAccess;
import com.pexper.model.text.Quote;

/**
 * The folders the user granted a workflow on the command line, {@code --allow-read DIR} and
 * {@code --allow-write DIR}, and the advice that names those flags when a path is refused.
 */
record FileGrants(List<Path> read, List<Path> write) {

    static final FileAccess.GrantAdvice FLAGS = (mode, folder) -> "To allow it, run again with "
            + (mode == FileAccess.Mode.READ ? "--allow-read " : "--allow-write ") + quoted(folder)
            + (mode == FileAccess.Mode.WRITE ? " (or --out " + quoted(folder) + ")" : "") + ".";

    FileGrants {
        read = List.copyOf(read);
        write = List.copyOf(write);
    }

    static FileGrants none() {
        return new FileGrants(List.of(), List.of());
    }

    /** The grants given as options, each an existing folder (or, to read, a file), resolved against {@code cwd}. */
    static FileGrants of(Options options, Path cwd) throws UsageException {
        return new FileGrants(paths(options.all("allow-read"), "allow-read", cwd),
                paths(options.all("allow-write"), "allow-write", cwd));
    }

    /** These grants plus reading {@code paths} (the inputs a command was given by name). */
    FileGrants readingAlso(List<Path> paths) {
        List<Path> all = new ArrayList<>(read);
        all.addAll(paths);
        return new FileGrants(all, write);
    }

    void applyTo(RunRequest.Builder request) {
        read.forEach(request::allowRead);
        write.forEach(request::allowWrite);
        request.grantAdvice(FLAGS);
    }

    private static List<Path> paths(List<String> values, String flag, Path cwd) throws UsageException {
        List<Path> paths = new ArrayList<>();
        for (String value : values) {
            Path path;
            try {
                path = cwd.resolve(value).toAbsolutePath().normalize();
            } catch (InvalidPathException e) {
                throw new UsageException("--" + flag + ": '" + value + "' is not a valid path");
            }
            if (flag.equals("allow-write") ? !Files.isDirectory(path) : !Files.exists(path)) {
                throw new UsageException("--" + flag + " " + value + ": there is no such "
                        + (flag.equals("allow-write") ? "folder" : "file or folder") + "; give one that exists");
            }
            paths.add(path);
        }
        return paths;
    }

    private static String quoted(Path path) {
        String text = Quote.path(path);
        return text.matches("[A-Za-z0-9_./@%+=:,-]+") ? text : "'" + text.replace("'", "'\\''") + "'";
    }
}
