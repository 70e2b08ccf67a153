package com.pexper.core.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

import com.pexper.model.text.Quote;

/**
 * The folders a run's nodes may read and write. A workflow is data from anywhere (a download, a
 * colleague, a forum), so its paths are confined: it reads its own folder, the output folder and
 * the folders the user granted, writes the output folder and the folders granted for writing, and
 * never reaches a protected folder (Pexper's data folder, with the keys' master key and the provider
 * settings), whatever it was granted. Paths are checked after resolving symbolic links, and the
 * checked path is what the caller opens, so a link cannot lead a check one way and the open another.
 */
public final class FileAccess {

    /** What a node wants to do with a path. */
    public enum Mode {
        READ("read"), WRITE("write");

        private final String verb;

        Mode(String verb) {
            this.verb = verb;
        }

        public String verb() {
            return verb;
        }
    }

    /**
     * How the application lets the user grant a folder: a command-line flag, a prompt. It is asked
     * once for every refusal that a grant would lift, at validation and while the run goes on, and
     * never for one that no grant lifts (Pexper's data folder, a device, the workflow's own file):
     * an application that asks the user can note here what to ask.
     */
    @FunctionalInterface
    public interface GrantAdvice {

        /**
         * A sentence telling the user how to let the workflow {@code mode} inside {@code folder}.
         *
         * @param folder the folder to grant: the refused path's own when it is one, else the one it is in
         */
        String howToAllow(Mode mode, Path folder);

        /** Advice in words for hosts without flags of their own. */
        GrantAdvice IN_WORDS = (mode, folder) -> "To allow it, grant the workflow " + mode.verb() + " access to "
                + Quote.path(folder) + ".";
    }

    /** Linux's PATH_MAX: longer paths cannot be opened anywhere. */
    static final int MAX_PATH_LENGTH = 4096;

    private final Path workflowFolder;
    private final Path outputFolder;
    private final List<Path> readable;
    private final List<Path> writable;
    private final List<Path> protectedFolders;
    private final Path workflowFile;
    private final GrantAdvice advice;

    private FileAccess(Builder builder) {
        this.workflowFolder = real(builder.workflowFolder);
        this.outputFolder = real(builder.outputFolder);
        this.writable = reals(builder.writable);
        this.writable.add(0, outputFolder);
        this.readable = reals(builder.readable);
        this.readable.add(0, workflowFolder);
        this.readable.addAll(writable);
        this.protectedFolders = new ArrayList<>();
        for (Path folder : builder.protectedFolders) {
            Path absolute = absolute(folder);
            protectedFolders.add(absolute);
            Path real = real(absolute);
            if (!real.equals(absolute)) {
                protectedFolders.add(real);
            }
        }
        this.workflowFile = builder.workflowFile == null ? null : real(builder.workflowFile);
        this.advice = builder.advice;
    }

    /**
     * @param workflowFolder the workflow's own folder: relative input paths resolve against it
     * @param outputFolder the run's output folder: relative output paths resolve against it
     */
    public static Builder builder(Path workflowFolder, Path outputFolder) {
        return new Builder(workflowFolder, outputFolder);
    }

    public Path workflowFolder() {
        return workflowFolder;
    }

    public Path outputFolder() {
        return outputFolder;
    }

    /**
     * The path a node may open to read, after resolving it against the workflow's folder and
     * following its links. A path that does not exist passes (the node says it is missing); a
     * device, FIFO or socket does not: reading one would never end or never stop.
     *
     * @throws FileAccessException naming the path and how to allow it
     */
    public Path checkRead(Path path) throws FileAccessException {
        Path real = confine(workflowFolder, path, Mode.READ);
        try {
            BasicFileAttributes attributes = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isRegularFile() && !attributes.isDirectory()) {
                throw new FileAccessException(Quote.path(real) + " is not a regular file (it is a device, a pipe or a socket);"
                        + " Pexper reads only files and folders.");
            }
        } catch (NoSuchFileException e) {
            // the reading node reports the missing file with its own advice
        } catch (IOException e) {
            throw new FileAccessException("cannot read " + Quote.path(real) + ": " + Quote.shorten(e.getMessage()));
        }
        return real;
    }

    /**
     * The path a node may write, resolved against the output folder, its existing folders' links
     * followed. The workflow's own file is never writable: a workflow cannot rewrite itself.
     *
     * @throws FileAccessException naming the path and how to allow it
     */
    public Path checkWrite(Path path) throws FileAccessException {
        Path real = confine(outputFolder, path, Mode.WRITE);
        if (real.equals(workflowFile)) {
            throw new FileAccessException("writing " + Quote.path(real) + " would replace the workflow itself; a workflow never"
                    + " rewrites its own file. Choose another path.");
        }
        if (Files.exists(real, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)
                && !Files.isDirectory(real, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAccessException(Quote.path(real) + " is not a regular file (it is a device, a pipe or a socket);"
                    + " Pexper writes only files.");
        }
        return real;
    }

    /** Whether a path (already absolute, as listed from a folder) lies in a protected folder: listings skip it. */
    public boolean isProtected(Path path) {
        Path absolute = absolute(path);
        return protectedFolders.stream().anyMatch(absolute::startsWith);
    }

    /**
     * Why a path given in a workflow cannot be used, or null when it can: for validation before
     * anything runs. Relative paths resolve as {@link #checkRead} and {@link #checkWrite} resolve them.
     */
    public String refusal(Path path, Mode mode) {
        try {
            if (mode == Mode.READ) {
                checkRead(path);
            } else {
                checkWrite(path);
            }
            return null;
        } catch (FileAccessException e) {
            return e.getMessage();
        }
    }

    private Path confine(Path base, Path path, Mode mode) throws FileAccessException {
        Objects.requireNonNull(path, "path");
        if (path.toString().length() > MAX_PATH_LENGTH) {
            // no file system has such a path; following its names one by one would cost time and memory for nothing
            throw new FileAccessException(Quote.path(path) + " has " + path.toString().length() + " characters, more than"
                    + " any path a file system allows (" + MAX_PATH_LENGTH + "); check the path.");
        }
        Path absolute;
        try {
            absolute = base.resolve(path).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new FileAccessException(Quote.of(path.toString()) + " is not a valid path: " + e.getReason());
        }
        Path real = real(absolute);
        for (Path folder : protectedFolders) {
            if (absolute.startsWith(folder) || real.startsWith(folder)) {
                throw new FileAccessException("cannot " + mode.verb() + " " + Quote.path(absolute) + ": it is inside Pexper's"
                        + " data folder " + Quote.path(folder) + " (keys, settings, run records), which a workflow can never "
                        + mode.verb() + ", whatever it is granted.");
            }
        }
        List<Path> allowed = mode == Mode.READ ? readable : writable;
        for (Path folder : allowed) {
            if (real.startsWith(folder)) {
                return real;
            }
        }
        Path grant = Files.isDirectory(real) ? real : real.getParent() == null ? real : real.getParent();
        String where = mode == Mode.WRITE ? "the output folder " + Quote.path(outputFolder)
                : workflowFolder.equals(outputFolder) ? "the workflow's folder " + Quote.path(workflowFolder) + " (its output folder)"
                : "the workflow's folder " + Quote.path(workflowFolder) + ", the output folder " + Quote.path(outputFolder);
        int granted = mode == Mode.READ ? readable.size() - 1 - 1 : writable.size() - 1;
        throw new FileAccessException("cannot " + mode.verb() + " " + Quote.path(absolute)
                + (real.equals(absolute) ? "" : " (a link to " + Quote.path(real) + ")") + ": a workflow may " + mode.verb()
                + " only inside " + where + (granted > 0 ? " and the folders granted to it" : "") + ". "
                + advice.howToAllow(mode, grant));
    }

    private static Path absolute(Path path) {
        return path.toAbsolutePath().normalize();
    }

    private static List<Path> reals(List<Path> paths) {
        List<Path> result = new ArrayList<>();
        for (Path path : paths) {
            result.add(real(absolute(path)));
        }
        return result;
    }

    /**
     * The path with every link resolved, for paths that do not exist yet too: the longest existing
     * prefix is resolved by the file system and the names below it are appended.
     */
    static Path real(Path path) {
        Path absolute = absolute(path);
        Deque<Path> missing = new ArrayDeque<>();
        Path existing = absolute;
        while (existing != null) {
            try {
                Path resolved = existing.toRealPath();
                for (Path name : missing) {
                    resolved = resolved.resolve(name);
                }
                return resolved;
            } catch (IOException e) {
                if (existing.getFileName() != null) {
                    missing.push(existing.getFileName());
                }
                existing = existing.getParent();
            }
        }
        return absolute;
    }

    /** Builds the access of one run. */
    public static final class Builder {
        private final Path workflowFolder;
        private final Path outputFolder;
        private final List<Path> readable = new ArrayList<>();
        private final List<Path> writable = new ArrayList<>();
        private final List<Path> protectedFolders = new ArrayList<>();
        private Path workflowFile;
        private GrantAdvice advice = GrantAdvice.IN_WORDS;

        private Builder(Path workflowFolder, Path outputFolder) {
            this.workflowFolder = Objects.requireNonNull(workflowFolder, "workflowFolder");
            this.outputFolder = Objects.requireNonNull(outputFolder, "outputFolder");
        }

        /** Lets the workflow read in {@code folder} and below (a file: that file). */
        public Builder allowRead(Path folder) {
            readable.add(folder);
            return this;
        }

        /** Lets the workflow read and write in {@code folder} and below. */
        public Builder allowWrite(Path folder) {
            writable.add(folder);
            return this;
        }

        public Builder allowRead(List<Path> folders) {
            readable.addAll(folders);
            return this;
        }

        public Builder allowWrite(List<Path> folders) {
            writable.addAll(folders);
            return this;
        }

        /** A folder no node may read or write, even inside a granted one. */
        public Builder protect(Path folder) {
            protectedFolders.add(folder);
            return this;
        }

        public Builder protect(List<Path> folders) {
            protectedFolders.addAll(folders);
            return this;
        }

        /** The workflow's own file: never written by its nodes. */
        public Builder workflowFile(Path file) {
            this.workflowFile = file;
            return this;
        }

        public Builder advice(GrantAdvice advice) {
            this.advice = Objects.requireNonNull(advice, "advice");
            return this;
        }

        public FileAccess build() {
            return new FileAccess(this);
        }
    }
}
