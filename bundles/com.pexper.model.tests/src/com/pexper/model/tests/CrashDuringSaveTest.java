package com.pexper.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pexper.model.Workflow;
import com.pexper.model.io.AtomicFile;
import com.pexper.model.io.WorkflowFiles;

/**
 * Kills a JVM (SIGKILL, no shutdown hooks) while it saves a workflow over and over, and checks that
 * the file is always one complete version: never truncated, never a mix.
 */
class CrashDuringSaveTest {

    @TempDir
    Path folder;

    @Test
    void aProcessKilledWhileSavingNeverLeavesATruncatedOrMixedFile() throws Exception {
        Path file = folder.resolve("flow.pexper");
        byte[] small = WorkflowFiles.toBytes(TestWorkflows.chain("small", 10));
        byte[] large = WorkflowFiles.toBytes(TestWorkflows.chain("large", 3000));
        Random random = new Random(42);
        for (int round = 0; round < 6; round++) {
            Process saver = new ProcessBuilder(javaCommand(), "-cp", classPath(), SaveLoop.class.getName(),
                    file.toString()).redirectErrorStream(true).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(saver.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String first = out.readLine();
                if (!"saving".equals(first)) {
                    fail("the saving process did not start: " + first + "\n" + String.join("\n", out.lines().toList()));
                }
                Thread.sleep(30 + random.nextInt(250));
                saver.destroyForcibly();
                assertTrue(saver.waitFor(10, TimeUnit.SECONDS));
            }
            byte[] content = Files.readAllBytes(file);
            if (!Arrays.equals(content, small) && !Arrays.equals(content, large)) {
                fail("round " + round + ": the file is neither version (" + content.length + " bytes)");
            }
            Workflow loaded = WorkflowFiles.load(file);
            assertTrue(loaded.getName().equals("small") || loaded.getName().equals("large"));
            Path backup = AtomicFile.backupOf(file);
            if (Files.exists(backup)) {
                String backupName = WorkflowFiles.load(backup).getName();
                assertTrue(Set.of("small", "large").contains(backupName), "the backup is complete too");
            }
        }
        AtomicFile.removeAbandoned(folder);
        try (Stream<Path> left = Files.list(folder)) {
            List<String> temporaries = left.map(p -> p.getFileName().toString()).filter(n -> n.contains(".tmp-")).toList();
            assertEquals(List.of(), temporaries, "what the killed savers left is removed by the next sweep");
        }
    }

    private static String javaCommand() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString());
    }

    /** The jars or folders of the classes SaveLoop needs, found the same way inside and outside OSGi. */
    private static String classPath() throws URISyntaxException {
        List<String> entries = new ArrayList<>();
        for (Class<?> type : List.of(SaveLoop.class, WorkflowFiles.class, org.eclipse.emf.ecore.EObject.class,
                org.eclipse.emf.common.util.URI.class, ObjectMapper.class, JsonParser.class, JsonProperty.class)) {
            var location = type.getProtectionDomain().getCodeSource().getLocation();
            String path = Path.of(location.toURI()).toString();
            if (!entries.contains(path)) {
                entries.add(path);
            }
        }
        return String.join(File.pathSeparator, entries);
    }
}
