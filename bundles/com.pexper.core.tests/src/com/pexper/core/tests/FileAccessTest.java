package com.pexper.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.pexper.core.files.FileAccess;
import com.pexper.core.files.FileAccessException;

class FileAccessTest {

    @TempDir
    Path root;
    Path downloads;
    Path out;
    Path home;
    Path elsewhere;
    FileAccess access;

    @BeforeEach
    void setUp() throws Exception {
        downloads = Files.createDirectories(root.resolve("Downloads"));
        out = Files.createDirectories(root.resolve("out"));
        home = Files.createDirectories(root.resolve(".pexper"));
        elsewhere = Files.createDirectories(root.resolve("elsewhere"));
        Files.writeString(downloads.resolve("notes.txt"), "mine");
        Files.writeString(elsewhere.resolve("secret.txt"), "not for workflows");
        Files.createDirectories(home.resolve("secure"));
        Files.writeString(home.resolve("secure/master.key"), "key");
        access = confined(FileAccess.builder(downloads, out));
    }

    private FileAccess confined(FileAccess.Builder builder) {
        return builder.protect(home).workflowFile(downloads.resolve("flow.pexper"))
                .advice((mode, folder) -> "Run with --allow-" + mode.verb() + " " + folder + ".").build();
    }

    @Test
    void aWorkflowReadsItsOwnFolderAndTheOutputFolderByRelativeOrAbsolutePath() throws Exception {
        assertEquals(downloads.toRealPath().resolve("notes.txt"), access.checkRead(Path.of("notes.txt")));
        assertEquals(downloads.toRealPath().resolve("notes.txt"), access.checkRead(downloads.resolve("notes.txt")));
        assertEquals(out.toRealPath().resolve("result.txt"), access.checkRead(out.resolve("result.txt")));
        assertEquals(out.toRealPath().resolve("sub/new.txt"), access.checkWrite(Path.of("sub/new.txt")));
    }

    @Test
    void dotDotOutOfTheFolderIsRefusedNamingThePathAndTheFlagThatAllowsIt() {
        FileAccessException refused = assertThrows(FileAccessException.class,
                () -> access.checkRead(Path.of("../elsewhere/secret.txt")));
        assertTrue(refused.getMessage().startsWith("cannot read " + elsewhere.resolve("secret.txt") + ": a workflow may"
                + " read only inside the workflow's folder " + downloads), refused.getMessage());
        assertTrue(refused.getMessage().endsWith("Run with --allow-read " + elsewhere + "."), refused.getMessage());
    }

    @Test
    void anAbsolutePathOutsideIsRefusedAndAGrantAllowsIt() throws Exception {
        assertThrows(FileAccessException.class, () -> access.checkRead(elsewhere.resolve("secret.txt")));
        FileAccess granted = confined(FileAccess.builder(downloads, out).allowRead(elsewhere));
        assertEquals(elsewhere.resolve("secret.txt"), granted.checkRead(elsewhere.resolve("secret.txt")));
        FileAccessException write = assertThrows(FileAccessException.class,
                () -> granted.checkWrite(elsewhere.resolve("secret.txt")));
        assertTrue(write.getMessage().contains("a workflow may write only inside the output folder " + out
                + ". Run with --allow-write " + elsewhere), write.getMessage());
        assertEquals(elsewhere.resolve("x.txt"),
                confined(FileAccess.builder(downloads, out).allowWrite(elsewhere)).checkWrite(elsewhere.resolve("x.txt")));
    }

    @Test
    void writesGoOnlyToTheOutputFolderNotTheWorkflowsOwnFolderWhenOutputIsElsewhere() {
        assertNull(access.refusal(Path.of("notes.txt"), FileAccess.Mode.READ));
        String refusal = access.refusal(downloads.resolve("notes.txt"), FileAccess.Mode.WRITE);
        assertTrue(refusal != null && refusal.contains("may write only inside the output folder"), refusal);
    }

    @Test
    void symbolicLinksAreResolvedBeforeTheCheck() throws Exception {
        Files.createSymbolicLink(downloads.resolve("shortcut"), elsewhere);
        Files.createSymbolicLink(downloads.resolve("secret-link.txt"), elsewhere.resolve("secret.txt"));
        Files.createSymbolicLink(out.resolve("to-home"), home);
        FileAccessException folder = assertThrows(FileAccessException.class,
                () -> access.checkRead(Path.of("shortcut/secret.txt")));
        assertTrue(folder.getMessage().contains("(a link to " + elsewhere.resolve("secret.txt") + ")"), folder.getMessage());
        assertThrows(FileAccessException.class, () -> access.checkRead(Path.of("secret-link.txt")));
        FileAccessException writeThroughLink = assertThrows(FileAccessException.class,
                () -> access.checkWrite(Path.of("to-home/settings/providers.json")));
        assertTrue(writeThroughLink.getMessage().contains("inside Pexper's data folder"), writeThroughLink.getMessage());
    }

    @Test
    void pexperHomeIsNeverReachableEvenInsideAGrantedFolder() {
        FileAccess generous = confined(FileAccess.builder(root, root).allowRead(root).allowWrite(root));
        FileAccessException read = assertThrows(FileAccessException.class,
                () -> generous.checkRead(home.resolve("secure/master.key")));
        assertEquals("cannot read " + home.resolve("secure/master.key") + ": it is inside Pexper's data folder " + home
                + " (keys, settings, run records), which a workflow can never read, whatever it is granted.",
                read.getMessage());
        assertThrows(FileAccessException.class, () -> generous.checkWrite(Path.of(".pexper/settings/providers.json")));
        assertThrows(FileAccessException.class, () -> generous.checkRead(Path.of("Downloads/../.pexper")));
        assertTrue(generous.isProtected(home.resolve("secure")));
        assertFalse(generous.isProtected(downloads));
    }

    @Test
    void theAdviceIsAskedForEachRefusalAGrantLiftsAndNeverForOneNoGrantLifts() throws Exception {
        List<String> asked = new ArrayList<>();
        FileAccess noting = FileAccess.builder(downloads, downloads).protect(home).workflowFile(downloads.resolve("flow.pexper"))
                .advice((mode, folder) -> {
                    asked.add(mode.verb() + " " + folder);
                    return "Allow it when asked.";
                }).build();
        assertThrows(FileAccessException.class, () -> noting.checkRead(elsewhere.resolve("secret.txt")));
        assertThrows(FileAccessException.class, () -> noting.checkWrite(elsewhere));
        assertThrows(FileAccessException.class, () -> noting.checkRead(home.resolve("secure/master.key")));
        assertThrows(FileAccessException.class, () -> noting.checkWrite(Path.of("flow.pexper")));
        assertEquals(List.of("read " + elsewhere.toRealPath(), "write " + elsewhere.toRealPath()), asked);
    }

    @Test
    void theWorkflowCannotRewriteItsOwnFile() {
        FileAccess writesBeside = confined(FileAccess.builder(downloads, downloads));
        FileAccessException refused = assertThrows(FileAccessException.class,
                () -> writesBeside.checkWrite(Path.of("flow.pexper")));
        assertTrue(refused.getMessage().contains("would replace the workflow itself"), refused.getMessage());
    }

    @Test
    void devicesAndPipesAreRefusedToReadersAndWriters() throws Exception {
        FileAccess everything = FileAccess.builder(Path.of("/"), out).build();
        FileAccessException device = assertThrows(FileAccessException.class, () -> everything.checkRead(Path.of("/dev/zero")));
        assertEquals("/dev/zero is not a regular file (it is a device, a pipe or a socket); Pexper reads only files and"
                + " folders.", device.getMessage());
        assertThrows(FileAccessException.class, () -> everything.checkRead(Path.of("/dev/urandom")));
        Path fifo = downloads.resolve("pipe");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo (coreutils) failed");
        assertThrows(FileAccessException.class, () -> access.checkRead(Path.of("pipe")));
        assertThrows(FileAccessException.class, () -> confined(FileAccess.builder(downloads, downloads))
                .checkWrite(Path.of("pipe")));
    }

    @Test
    void aMissingFileInsideTheFoldersPassesSoTheReaderCanSayItIsMissing() throws Exception {
        assertEquals(downloads.toRealPath().resolve("later/missing.txt"), access.checkRead(Path.of("later/missing.txt")));
    }
}
