package com.pexper.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.pexper.model.io.WorkflowFiles;
import com.pexper.model.io.WorkflowFormatException;

/** What a workflow "file" given by someone else may really be, and what loading it does. */
class HostileWorkflowFileTest {

    @TempDir
    Path folder;

    @Test
    void aPipeIsRefusedAtOnceInsteadOfWaitingForAWriterForever() throws Exception {
        Path fifo = folder.resolve("flow.pexper");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo (coreutils) failed");
        WorkflowFormatException refused = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(WorkflowFormatException.class, () -> WorkflowFiles.load(fifo)));
        assertEquals(fifo + ": it is not a regular file (a device, a pipe or a socket); give a .pexper file",
                refused.getMessage());
    }

    @Test
    void anEndlessDeviceIsRefusedWithoutReadingIt() {
        WorkflowFormatException refused = assertThrows(WorkflowFormatException.class,
                () -> WorkflowFiles.load(Path.of("/dev/zero")));
        assertTrue(refused.getMessage().contains("not a regular file"), refused.getMessage());
    }

    @Test
    void aFileFarLargerThanAnyWorkflowIsRefusedWithoutFillingMemory() throws Exception {
        Path huge = folder.resolve("huge.pexper");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(WorkflowFiles.MAX_BYTES + 1L); // sparse: no disk used
        }
        WorkflowFormatException refused = assertThrows(WorkflowFormatException.class, () -> WorkflowFiles.load(huge));
        assertTrue(refused.getMessage().endsWith("it has more than 32 MiB; a workflow is a small JSON document, so this"
                + " is not one (or it embeds data that belongs in files)"), refused.getMessage());
    }

    @Test
    void aFolderIsNamedAsOne() throws Exception {
        Path dir = Files.createDirectories(folder.resolve("flows.pexper"));
        assertTrue(assertThrows(WorkflowFormatException.class, () -> WorkflowFiles.load(dir)).getMessage()
                .contains("it is a folder, not a workflow file"));
    }
}
