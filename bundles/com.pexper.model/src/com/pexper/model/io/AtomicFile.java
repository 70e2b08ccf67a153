package com.pexper.model.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file so that readers, and the disk after a crash, see either the old content or the new
 * one, never a mix: the content goes to a temporary file in the same folder, is flushed to the
 * device, then renamed over the target. If writing fails or is cancelled the temporary file is
 * removed and the target is untouched.
 */
public final class AtomicFile {

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
        Path temp = folder.resolve("." + file.getFileName() + ".tmp-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong()));
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

    /** Where {@link Existing#REPLACE_KEEPING_BACKUP} keeps the previous version of a file. */
    public static Path backupOf(Path file) {
        return file.resolveSibling(file.getFileName() + ".bak");
    }

    private static void keepBackup(Path file) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        Path backup = backupOf(file);
        Path next = backup.resolveSibling("." + backup.getFileName() + ".tmp-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong()));
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
