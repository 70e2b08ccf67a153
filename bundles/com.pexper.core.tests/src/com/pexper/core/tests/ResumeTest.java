package com.pexper.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.pexper.core.cache.PersistentResultCache;
import com.pexper.core.data.ListValue;
import com.pexper.core.engine.Engine;
import com.pexper.core.engine.RunRequest;
import com.pexper.core.engine.RunResult;
import com.pexper.core.engine.RunStatus;
import com.pexper.model.Workflow;
import com.pexper.model.build.WorkflowBuilder;

/**
 * A batch run again goes past the items whose results are in place, although the values between
 * (decoded images) were never kept: each run here is a fresh engine on the cache file the last
 * one saved, as a new process would be.
 */
class ResumeTest {

    @TempDir
    Path folder;
    final TestNodes.Journal journal = new TestNodes.Journal();

    private RunResult run(Workflow workflow) throws Exception {
        PersistentResultCache cache = PersistentResultCache.open(folder.resolve("cache.json"), 64 << 20);
        try (Engine engine = Engine.builder(TestNodes.registry(journal)).parallelism(2).cache(cache)
                .scratchDirectory(folder.resolve("scratch")).build()) {
            return engine.run(workflow, RunRequest.builder().workflowFile(folder.resolve("flow.pexper"))
                    .outputDirectory(folder.resolve("out")).build());
        } finally {
            cache.save();
        }
    }

    private static WorkflowBuilder batch(String items) {
        return batch(items, false);
    }

    private static WorkflowBuilder batch(String items, boolean peek) {
        return WorkflowBuilder.named("batch").node("list", "test.list", "items", items)
                .node("decode", "test.decode").node("encode", "test.encode", "peek", peek).node("save", "test.save")
                .connect("list.items", "decode.in").connect("decode.image", "encode.image")
                .connect("encode.out", "save.in");
    }

    private int ran() {
        return journal.count("decode") + journal.count("encode") + journal.count("save");
    }

    @Test
    void aBatchRunAgainDecodesNothingWhoseResultIsSavedAlready() throws Exception {
        run(batch("a,b").build());
        assertEquals(6, ran());
        RunResult again = run(batch("a,b,c,d").build());
        assertEquals(RunStatus.SUCCEEDED, again.status());
        assertEquals(12, ran(), "only c and d went through decode, encode and save");
        assertEquals(List.of("decode#2", "decode#3"), journal.order.stream().filter(s -> s.startsWith("decode#"))
                .skip(2).sorted().toList());
        assertEquals(4, ((ListValue) again.outputs().get("save")).items().size(), "all four files are the result");
        assertEquals(2, again.node("decode").cachedItems());
        assertEquals(2, again.node("save").cachedItems());
    }

    @Test
    void anOutputDeletedSinceIsMadeAgainFromWhatTheCacheHas() throws Exception {
        run(batch("a,b,c").build());
        Files.delete(folder.resolve("out/B.txt"));
        RunResult again = run(batch("a,b,c").build());
        assertEquals(RunStatus.SUCCEEDED, again.status());
        assertEquals(9 + 1, ran(), "only the save ran again: the text it saves was in the cache");
        assertEquals(2, journal.executions.get("save#1").get());
        assertEquals("B", Files.readString(folder.resolve("out/B.txt")));
    }

    @Test
    void aNodeWhoseKeyNeedsTheValueBeforeItMakesTheItemRun() throws Exception {
        Workflow peeking = batch("a,b", true).build();
        run(peeking);
        run(peeking);
        assertEquals(2 * 2, journal.count("decode"), "its fingerprint reads the image, so it had to be decoded");
        assertEquals(2, journal.count("save"), "and then the saved results were found");
    }

    @Test
    void aNodeThatReturnsTheImagesGetsThemDecodedAgain() throws Exception {
        Workflow collecting = batch("a,b").node("all", "test.output").connect("decode.image", "all.value").build();
        run(collecting);
        RunResult again = run(collecting);
        assertEquals(2 * 2, journal.count("decode"), "the images are wanted: decoded again");
        assertEquals(2, ((ListValue) again.outputs().get("all")).items().size());
    }

    @Test
    void aNodeThatWritesAFileRunsAgainWhenItsFileIsGoneEvenIfWhatFollowsIsCached() throws Exception {
        Workflow writing = WorkflowBuilder.named("writing").node("list", "test.list", "items", "a")
                .node("decode", "test.decode").node("encode", "test.encode").node("write", "test.write", "path", "a.txt")
                .node("up", "test.upper").connect("list.items", "decode.in").connect("decode.image", "encode.image")
                .connect("encode.out", "write.in").connect("write.file", "up.in").build();
        run(writing);
        Files.delete(folder.resolve("out/a.txt"));
        RunResult again = run(writing);
        assertEquals(RunStatus.SUCCEEDED, again.status());
        assertEquals(2, journal.count("write"), "written again");
        assertEquals(1, journal.count("decode"), "from the text the cache had, without decoding");
        assertTrue(Files.exists(folder.resolve("out/a.txt")));
    }
}
