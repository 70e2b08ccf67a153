package com.pexper.model.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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

    /** The format version this Pexper writes. */
    public static final int FORMAT_VERSION = 2;

    private WorkflowFiles() {
    }

    public static Workflow load(Path file) throws IOException {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "no such workflow file; check the path");
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
