package com.pexper.model.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.pexper.model.Workflow;
import com.pexper.model.io.AtomicFile;
import com.pexper.model.io.WorkflowFiles;

class AtomicSaveTest {

    @TempDir
    Path folder;

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void savingReplacesTheFileAndKeepsThePreviousVersionAsBackup() throws IOException {
        Path file = folder.resolve("flow.pexper");
        Workflow first = TestWorkflows.chain("first", 3);
        Workflow second = TestWorkflows.chain("second", 4);
        WorkflowFiles.save(first, file);
        assertEquals(List.of("flow.pexper"), names(), "no backup before there is a previous version");
        WorkflowFiles.save(second, file);
        assertEquals(List.of("flow.pexper", "flow.pexper.bak"), names(), "no temporary file is left");
        assertArrayEquals(WorkflowFiles.toBytes(second), Files.readAllBytes(file));
        assertArrayEquals(WorkflowFiles.toBytes(first), Files.readAllBytes(AtomicFile.backupOf(file)));
        assertEquals("first", WorkflowFiles.load(AtomicFile.backupOf(file)).getName());
    }

    @Test
    void savingAnUnchangedWorkflowLeavesFileAndBackupAlone() throws IOException {
        Path file = folder.resolve("flow.pexper");
        WorkflowFiles.save(TestWorkflows.chain("a", 2), file);
        WorkflowFiles.save(TestWorkflows.chain("b", 2), file);
        byte[] backup = Files.readAllBytes(AtomicFile.backupOf(file));
        WorkflowFiles.save(WorkflowFiles.load(file), file);
        assertArrayEquals(backup, Files.readAllBytes(AtomicFile.backupOf(file)), "the backup still holds 'a'");
    }

    @Test
    void aWriteThatFailsHalfwayLeavesTheOriginalUntouchedAndNoTemporaryFile() throws IOException {
        Path file = folder.resolve("notes.txt");
        Files.writeString(file, "precious");
        IOException failure = assertThrows(IOException.class, () -> AtomicFile.write(file, out -> {
            out.write("half of the new cont".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }, AtomicFile.Existing.REPLACE));
        assertEquals("disk full", failure.getMessage());
        assertEquals("precious", Files.readString(file));
        assertEquals(List.of("notes.txt"), names());
    }

    @Test
    void refusingToReplaceKeepsTheExistingFile() throws IOException {
        Path file = folder.resolve("out.txt");
        Files.writeString(file, "mine");
        assertThrows(FileAlreadyExistsException.class,
                () -> AtomicFile.write(file, "theirs".getBytes(StandardCharsets.UTF_8), AtomicFile.Existing.FAIL));
        assertEquals("mine", Files.readString(file));
        assertEquals(List.of("out.txt"), names());
        Path fresh = folder.resolve("new.txt");
        AtomicFile.write(fresh, "new".getBytes(StandardCharsets.UTF_8), AtomicFile.Existing.FAIL);
        assertEquals("new", Files.readString(fresh));
        assertFalse(names().stream().anyMatch(n -> n.contains(".tmp-")));
    }

    @Test
    void missingFoldersAreCreated() throws IOException {
        Path file = folder.resolve("a/b/c.txt");
        AtomicFile.write(file, new byte[] { 1, 2, 3 }, AtomicFile.Existing.REPLACE);
        assertTrue(Files.isRegularFile(file));
    }
}
