package com.pexper.model.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a file so that readers, and the disk after a crash, see either the old content or the new
 * one, never a mix: the content goes to a temporary file in the same folder, is flushed to the
 * device, then renamed over the target. If writing fails or is cancelled the temporary file is
 * removed and the target is untouched.
 */
public final class AtomicFile {

    private static final String TEMPORARY = ".tmp-";
    private static final Pattern OF_PROCESS = Pattern.compile("\\..+\\.tmp-([0-9]{1,19})-[0-9a-f]{1,16}");
    private static final Pattern UNNAMED = Pattern.compile("\\..+\\.tmp-[0-9a-f]{1,16}");

    /** Writes the content of a file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** What to do when the target already exists. */
    public enum Existing {
        /** Replace it. */
        REPLACE,
        /** Replace it, keeping the previous version as {@code NAME.bak} beside it. */
        REPLACE_KEEPING_BACKUP,
        /** Refuse with {@link FileAlreadyExistsException}. */
        FAIL
    }

    private AtomicFile() {
    }

    public static void write(Path target, byte[] content, Existing existing) throws IOException {
        write(target, out -> out.write(content), existing);
    }

    public static void write(Path target, Content content, Existing existing) throws IOException {
        Path file = target.toAbsolutePath();
        Path folder = file.getParent();
        Files.createDirectories(folder);
        if (existing == Existing.FAIL && Files.exists(file)) {
            throw new FileAlreadyExistsException(file.toString(), null, "already exists and is not replaced");
        }
        Path temp = temporaryFor(file);
        boolean committed = false;
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    OutputStream out = Channels.newOutputStream(channel)) {
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            switch (existing) {
                case FAIL -> {
                    // link() refuses an existing name atomically, where rename() would replace it
                    Files.createLink(file, temp);
                    Files.delete(temp);
                }
                case REPLACE_KEEPING_BACKUP -> {
                    keepBackup(file);
                    rename(temp, file);
                }
                case REPLACE -> rename(temp, file);
            }
            committed = true;
            syncFolder(folder);
        } finally {
            if (!committed) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /**
     * A hidden temporary file beside {@code file}, named for the process writing it, so that one
     * left by a killed process can be told from one being written right now.
     */
    private static Path temporaryFor(Path file) {
        return file.resolveSibling("." + file.getFileName() + TEMPORARY + ProcessHandle.current().pid() + "-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong()));
    }

    /**
     * Removes the temporary files that writers killed in the middle of a write (kill -9, a power
     * cut) left in {@code folder}: those of processes that no longer run, and unnamed ones of
     * older Pexper versions after an hour. Files being written by a live process are left alone.
     * Nothing else in the folder is touched.
     *
     * @return how many were removed
     */
    public static int removeAbandoned(Path folder) {
        int removed = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, ".*" + TEMPORARY + "*")) {
            for (Path entry : entries) {
                if (isAbandoned(entry)) {
                    try {
                        removed += Files.deleteIfExists(entry) ? 1 : 0;
                    } catch (IOException e) {
                        // in use or not ours to delete: left for the next sweep
                    }
                }
            }
        } catch (IOException | DirectoryIteratorException e) {
            // a folder that cannot be listed has nothing we could remove
        }
        return removed;
    }

    private static boolean isAbandoned(Path entry) throws IOException {
        Matcher named = OF_PROCESS.matcher(entry.getFileName().toString());
        if (named.matches()) {
            long pid;
            try {
                pid = Long.parseLong(named.group(1));
            } catch (NumberFormatException e) {
                return false;
            }
            return ProcessHandle.of(pid).map(process -> !process.isAlive()).orElse(true);
        }
        return UNNAMED.matcher(entry.getFileName().toString()).matches() && Files.isRegularFile(entry,
                LinkOption.NOFOLLOW_LINKS) && Files.getLastModifiedTime(entry).toInstant()
                        .isBefore(Instant.now().minus(Duration.ofHours(1)));
    }

    /** Where {@link Existing#REPLACE_KEEPING_BACKUP} keeps the previous version of a file. */
    public static Path backupOf(Path file) {
        return file.resolveSibling(file.getFileName() + ".bak");
    }

    private static void keepBackup(Path file) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        Path backup = backupOf(file);
        Path next = temporaryFor(backup);
        try {
            Files.createLink(next, file); // the old inode survives the rename as the backup
        } catch (UnsupportedOperationException | IOException e) {
            Files.copy(file, next, StandardCopyOption.COPY_ATTRIBUTES);
        }
        rename(next, backup);
    }

    private static void rename(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void syncFolder(Path folder) {
        // Makes the rename itself durable. Not every platform can open a folder; the content is
        // already durable then, and the rename is at worst lost, never half-done.
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // best effort, see above
        }
    }
}
