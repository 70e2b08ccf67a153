package com.pexper.model.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;

import com.pexper.model.Workflow;
import com.pexper.model.internal.io.JsonWorkflowReader;
import com.pexper.model.internal.io.JsonWorkflowWriter;

/**
 * Reads and writes .pexper files: one JSON document, upgraded from older formats on reading and
 * saved atomically with the previous version kept as {@code NAME.pexper.bak}.
 */
public final class WorkflowFiles {

    /** The file extension of workflow documents, without the dot. */
    public static final String EXTENSION = "pexper";

    /** The largest workflow file read: far above any real one, far below what would exhaust memory. */
    public static final int MAX_BYTES = 32 << 20;

    /** The format version this Pexper writes. */
    public static final int FORMAT_VERSION = 2;

    private WorkflowFiles() {
    }

    /**
     * Reads a workflow file. Only a regular file is opened (a FIFO would block forever, a device
     * never end), and no more than {@link #MAX_BYTES} of it are read.
     *
     * @throws WorkflowFormatException for a file that is not a workflow, too large or not a file at all
     */
    public static Workflow load(Path file) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "no such workflow file; check the path");
        }
        if (attributes.isDirectory()) {
            throw new WorkflowFormatException(file.toString(), "it is a folder, not a workflow file; give the .pexper file in it");
        }
        if (!attributes.isRegularFile()) {
            throw new WorkflowFormatException(file.toString(), "it is not a regular file (a device, a pipe or a socket);"
                    + " give a .pexper file");
        }
        byte[] content;
        try (InputStream in = Files.newInputStream(file)) {
            content = in.readNBytes(MAX_BYTES + 1); // bounded even if the file grows while it is read
        }
        if (content.length > MAX_BYTES) {
            throw new WorkflowFormatException(file.toString(), "it has more than " + (MAX_BYTES >> 20) + " MiB; a"
                    + " workflow is a small JSON document, so this is not one (or it embeds data that belongs in files)");
        }
        return read(new ByteArrayInputStream(content), file.toString());
    }

    public static Workflow read(InputStream in, String source) throws IOException {
        return new JsonWorkflowReader().read(in, source);
    }

    /** The document as it is saved, in the current format. */
    public static byte[] toBytes(Workflow workflow) {
        return JsonWorkflowWriter.write(workflow);
    }

    /**
     * Saves atomically: after a crash at any point the file holds either the previous or the new
     * document, and the previous one is also kept as {@link AtomicFile#backupOf(Path)}. Saving a
     * document identical to the file's content leaves the file and its backup alone.
     */
    public static void save(Workflow workflow, Path file) throws IOException {
        byte[] content = toBytes(workflow); // before touching the disk: a model that cannot be written changes nothing
        if (Files.isRegularFile(file) && Files.size(file) == content.length
                && Arrays.equals(Files.readAllBytes(file), content)) {
            return;
        }
        AtomicFile.write(file, content, AtomicFile.Existing.REPLACE_KEEPING_BACKUP);
    }
}
