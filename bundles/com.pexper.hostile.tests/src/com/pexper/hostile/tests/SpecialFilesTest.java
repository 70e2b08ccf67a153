package com.pexper.hostile.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.pexper.core.engine.RunResult;
import com.pexper.core.engine.RunStatus;
import com.pexper.imaging.ImageDecoder;
import com.pexper.imaging.ImageException;
import com.pexper.model.Workflow;
import com.pexper.model.build.WorkflowBuilder;
import com.pexper.model.io.WorkflowFiles;

/**
 * What a "file" may really be: a device that never ends, a pipe that never answers, a folder, a
 * loop of links, a name with a line break, quotes, a leading dash or bytes that are not UTF-8;
 * given as the workflow file and as every node's input. Each ends in a clear error or a result.
 */
class SpecialFilesTest {

    @TempDir
    Path root;
    Bench bench;
    Path odd;

    @BeforeEach
    void setUp() throws Exception {
        bench = new Bench(root);
        odd = Files.createDirectories(bench.folder.resolve("odd"));
    }

    @AfterEach
    void tearDown() {
        bench.close();
    }

    /** Special files and files with odd names in {@link #odd}, by what they are. */
    private Map<String, Path> specialFiles(String content) throws Exception {
        Map<String, Path> files = new LinkedHashMap<>();
        files.put("/dev/zero", Path.of("/dev/zero"));
        files.put("/dev/urandom", Path.of("/dev/urandom"));
        files.put("/dev/null", Path.of("/dev/null"));
        files.put("a FIFO", fifo(odd.resolve("pipe")));
        files.put("a folder", Files.createDirectories(odd.resolve("folder")));
        Path loop = odd.resolve("loop-a");
        Files.createSymbolicLink(odd.resolve("loop-b"), loop);
        files.put("a symbolic link loop", Files.createSymbolicLink(loop, odd.resolve("loop-b")));
        files.put("a dangling link", Files.createSymbolicLink(odd.resolve("dangling"), odd.resolve("nothing-here")));
        files.put("a link to /dev/zero", Files.createSymbolicLink(odd.resolve("zero-link"), Path.of("/dev/zero")));
        files.put("an empty file", Files.write(odd.resolve("empty"), new byte[0]));
        for (String name : List.of("line\nbreak", "carriage\rreturn", "with spaces ", " leading space", "'single'",
                "\"double\"", "-rf", "--help", "back\\slash", "tab\tname", "\u202Eright-to-left", "x".repeat(255))) {
            files.put("a name " + WorkflowCases.printable(name), Files.writeString(odd.resolve(name), content));
        }
        Process process = new ProcessBuilder("sh", "-c", "printf '%s' \"$1\" > \"$(printf 'bad\\377utf8')\"", "sh",
                content).directory(odd.toFile()).start();
        assertTrue(process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0, "sh could not make the file");
        try (var listing = Files.list(odd)) {
            listing.filter(p -> p.getFileName().toString().startsWith("bad")).findFirst()
                    .ifPresent(p -> files.put("a name that is not UTF-8", p));
        }
        return files;
    }

    private static Path fifo(Path path) throws Exception {
        Process mkfifo = new ProcessBuilder("mkfifo", path.toString()).start();
        assertTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo (coreutils) failed");
        return path;
    }

    @Test
    void specialFilesAndOddNamesGivenAsTheWorkflowFileAreRefusedOrLoad() throws Exception {
        specialFiles(Seeds.workflows().get("greeting")).forEach((what, file) -> bench.workflowFile(0, what
                + " as the workflow file", file, request -> request.allowRead(Path.of("/dev"))));
        int succeeded = bench.endings.getOrDefault("run succeeded", 0);
        bench.assertNoFindings("special workflow files");
        assertTrue(succeeded >= 12, "every file with an odd name loads and runs, only " + succeeded + " did");
    }

    @Test
    void specialFilesAndOddNamesGivenToEveryNodeThatReadsFilesAreRefusedOrRead() throws Exception {
        Map<String, Path> files = specialFiles("{\"customer\": {\"name\": \"Ada\"}}");
        files.forEach((what, file) -> {
            bench.workflow(0, what + " to Read text", WorkflowBuilder.named("t")
                    .node("read", "com.pexper.nodes.basic.readText", "path", file)
                    .node("result", "com.pexper.nodes.basic.output").connect("read.text", "result.value").build(),
                    request -> request.allowRead(Path.of("/dev")));
            bench.workflow(0, what + " to Read image", WorkflowBuilder.named("t")
                    .node("read", "com.pexper.imaging.read", "path", file)
                    .node("result", "com.pexper.nodes.basic.output").connect("read.image", "result.value").build(),
                    request -> request.allowRead(Path.of("/dev")));
            bench.workflow(0, what + " to List folder", WorkflowBuilder.named("t")
                    .node("list", "com.pexper.nodes.basic.listFolder", "folder", file)
                    .node("result", "com.pexper.nodes.basic.output").connect("list.files", "result.value").build(),
                    request -> request.allowRead(Path.of("/dev")));
            bench.workflow(0, what + " to Write text", WorkflowBuilder.named("t")
                    .node("text", "com.pexper.nodes.basic.text", "text", "written")
                    .node("write", "com.pexper.nodes.basic.writeText", "path", file, "overwrite", true)
                    .connect("text.text", "write.text").build(),
                    request -> request.allowWrite(odd));
            bench.imageFile(0, what + " to the image decoder", file);
        });
        // a listed folder of all of them, each read as text and as an image
        for (String reader : List.of("com.pexper.nodes.basic.readText", "com.pexper.imaging.read")) {
            bench.workflow(0, "the folder of special files, each to " + reader, WorkflowBuilder.named("t")
                    .node("list", "com.pexper.nodes.basic.listFolder", "folder", odd, "hidden", true)
                    .node("read", reader).node("result", "com.pexper.nodes.basic.output")
                    .connect("list.files", "read.file").connect("read." + (reader.endsWith("Text") ? "text" : "image"),
                            "result.value").build(), request -> {
                            });
        }
        // every odd name in a file list, quoted as the node's lines allow
        StringBuilder lines = new StringBuilder();
        files.values().forEach(f -> lines.append('"').append(f.toString().replace("\"", "\\\"")).append("\"\n"));
        bench.workflow(0, "every special file in a file list", WorkflowBuilder.named("t")
                .node("list", "com.pexper.nodes.basic.fileList", "paths", lines.toString())
                .node("read", "com.pexper.nodes.basic.readText").node("result", "com.pexper.nodes.basic.output")
                .connect("list.files", "read.file").connect("read.text", "result.value").build(),
                request -> request.allowRead(Path.of("/dev")));
        bench.assertNoFindings("special files as inputs");
    }

    @Test
    void aWorkflowFileWhoseNameHasALineBreakLoadsAndRunsAndIsNamedOnOneLine() throws Exception {
        Path file = Files.writeString(bench.folder.resolve("my\nflow.pexper"), Seeds.workflows().get("greeting"));
        Workflow workflow = WorkflowFiles.load(file);
        RunResult result = bench.engine.run(workflow, bench.request().build());
        assertEquals(RunStatus.SUCCEEDED, result.status(), result.toString());
        Path broken = Files.writeString(bench.folder.resolve("broken\nflow.pexper"), "{\"formatVersion\": 2,");
        String message = assertThrows(java.io.IOException.class, () -> WorkflowFiles.load(broken)).getMessage();
        assertTrue(message.startsWith(broken.toString()), message);
    }

    @Test
    void devZeroAndDevUrandomAsAnImageAreRefusedWithoutReadingThem() {
        for (String device : List.of("/dev/zero", "/dev/urandom")) {
            long before = allocated();
            ImageException refused = assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> assertThrows(ImageException.class, () -> bench.decoder.read(Path.of(device))));
            assertEquals(device + " is not a regular file (a device, a pipe or a socket), not an image.",
                    refused.getMessage());
            assertTrue(allocated() - before < (16 << 20), "read only the file's kind, nothing of it");
        }
    }

    @Test
    void aFifoAsAnImageIsRefusedAtOnceInsteadOfWaitingForAWriterForever() throws Exception {
        Path pipe = fifo(bench.folder.resolve("photo.png"));
        ImageException refused = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(ImageException.class, () -> bench.decoder.read(pipe)));
        assertEquals(pipe + " is not a regular file (a device, a pipe or a socket), not an image.", refused.getMessage());
    }

    @Test
    void aDecompressionBombIsRefusedFromItsHeaderBeforeAnyPixelMemoryIsAllocated() throws Exception {
        byte[] bomb = ImageCases.pngBomb(20_000); // 400 megapixels of black in a few kilobytes
        assertTrue(bomb.length < (1 << 20), bomb.length + " bytes");
        Path file = Files.write(bench.folder.resolve("bomb.png"), bomb);
        long before = allocated();
        ImageException refused = assertThrows(ImageException.class, () -> new ImageDecoder().read(file));
        assertTrue(allocated() - before < 4L * bomb.length + (16 << 20), "the pixels were never allocated");
        assertTrue(refused.getMessage().startsWith(file + " is 20000x20000 (400.0 megapixels), above the limit of"
                + " 150.0 megapixels that protects against decompression bombs."), refused.getMessage());
    }

    private static long allocated() {
        return Bench.allocated();
    }
}
