package com.pexper.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.pexper.model.io.AtomicFile;

class AbandonedTemporariesTest {

    @TempDir
    Path folder;

    private Path file(String name) throws Exception {
        return Files.writeString(folder.resolve(name), "x");
    }

    @Test
    void theSweepRemovesWhatKilledWritersLeftAndNothingElse() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor(10, TimeUnit.SECONDS);
        long deadPid = gone.pid();
        long livePid = ProcessHandle.current().pid();
        file(".cutout.png.tmp-" + deadPid + "-3f2a");
        file(".run.json.bak.tmp-" + deadPid + "-9");
        file(".report.txt.tmp-" + livePid + "-77"); // being written right now by a live process
        Path oldUnnamed = file(".cache.json.tmp-1a2b3c4d5e6f7a8b"); // an older Pexper's, killed long ago
        Files.setLastModifiedTime(oldUnnamed, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        file(".recent.json.tmp-1a2b"); // an older Pexper's, maybe still writing
        file("photo.tmp-1234-ab"); // not hidden: the user's
        file(".config");
        file("cutout.png");

        assertEquals(3, AtomicFile.removeAbandoned(folder));
        try (Stream<Path> left = Files.list(folder)) {
            assertEquals(Set.of(".report.txt.tmp-" + livePid + "-77", ".recent.json.tmp-1a2b", "photo.tmp-1234-ab",
                    ".config", "cutout.png"), left.map(p -> p.getFileName().toString()).collect(Collectors.toSet()));
        }
    }

    @Test
    void aFolderThatIsNotThereHasNothingToSweep() {
        assertEquals(0, AtomicFile.removeAbandoned(folder.resolve("missing")));
    }
}
