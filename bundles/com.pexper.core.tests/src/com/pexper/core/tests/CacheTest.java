package com.pexper.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.pexper.core.cache.CacheKey;
import com.pexper.core.cache.CachedResult;
import com.pexper.core.cache.MemoryResultCache;
import com.pexper.core.cache.PersistentResultCache;
import com.pexper.core.data.DataType;
import com.pexper.core.data.FileValue;
import com.pexper.core.data.ListValue;
import com.pexper.core.data.NumberValue;
import com.pexper.core.data.TextValue;
import com.pexper.core.engine.Engine;
import com.pexper.core.engine.RunRequest;
import com.pexper.core.engine.RunResult;
import com.pexper.model.Workflow;
import com.pexper.model.build.WorkflowBuilder;

class CacheTest {

    @TempDir
    Path folder;

    private static CacheKey key(int n) {
        return new CacheKey(n, n, n, n);
    }

    private static CachedResult text(int chars) {
        return CachedResult.of(Map.of("out", TextValue.of("x".repeat(chars))));
    }

    @Test
    void theMemoryCacheStaysWithinItsBoundEvictingTheLeastRecentlyUsed() {
        MemoryResultCache cache = new MemoryResultCache(10_000);
        for (int i = 0; i < 4; i++) {
            cache.put(key(i), text(1000)); // about 2 KB each
        }
        assertNotNull(cache.get(key(0))); // 0 is now the most recently used
        cache.put(key(4), text(1000));
        cache.put(key(5), text(1000));
        assertTrue(cache.sizeBytes() <= 10_000, "bytes: " + cache.sizeBytes());
        assertNotNull(cache.get(key(0)), "recently used: kept");
        assertNull(cache.get(key(1)), "least recently used: evicted");
        assertNotNull(cache.get(key(5)));
    }

    @Test
    void aResultLargerThanAQuarterOfTheBoundIsNotKept() {
        MemoryResultCache cache = new MemoryResultCache(10_000);
        cache.put(key(1), text(100));
        cache.put(key(2), text(2000));
        assertNotNull(cache.get(key(1)));
        assertNull(cache.get(key(2)));
    }

    @Test
    void aResultWhoseFileChangedIsStale() throws Exception {
        Path file = Files.writeString(folder.resolve("a.txt"), "one");
        MemoryResultCache cache = new MemoryResultCache();
        cache.put(key(1), CachedResult.of(Map.of("file", FileValue.of(file))));
        assertNotNull(cache.get(key(1)));
        Files.writeString(file, "longer content");
        assertNull(cache.get(key(1)));
    }

    @Test
    void aPersistentCacheKeepsWhatCanBeWrittenAndSkipsTheRest() throws Exception {
        Path file = folder.resolve("cache.json");
        PersistentResultCache cache = PersistentResultCache.open(file, 1 << 20);
        cache.put(key(1), CachedResult.of(Map.of("n", NumberValue.of(2.5), "l",
                ListValue.of(DataType.TEXT, List.of(TextValue.of("a"), TextValue.of("b\n\"c\""))))));
        cache.put(key(2), CachedResult.of(Map.of("img", new TestNodes.Pixel("photo"))));
        cache.save();
        PersistentResultCache reopened = PersistentResultCache.open(file, 1 << 20);
        assertEquals(1, reopened.size());
        assertEquals(cache.get(key(1)).outputs(), reopened.get(key(1)).outputs());
    }

    @Test
    void aDamagedCacheFileIsIgnored() throws Exception {
        Path file = Files.writeString(folder.resolve("cache.json"), "{ this is not json");
        PersistentResultCache cache = PersistentResultCache.open(file, 1 << 20);
        assertEquals(0, cache.size());
        cache.put(key(1), text(3));
        cache.save();
        assertEquals(1, PersistentResultCache.open(file, 1 << 20).size());
    }

    @Test
    void aWorkflowReRunInANewProcessReusesThePersistedCache() throws Exception {
        Path cacheFile = folder.resolve("flow.cache.json");
        Workflow workflow = WorkflowBuilder.named("persist").node("t", "test.text", "text", "hi").node("u", "test.upper")
                .connect("t.text", "u.in").build();
        TestNodes.Journal journal = new TestNodes.Journal();
        for (int process = 0; process < 2; process++) {
            PersistentResultCache cache = PersistentResultCache.open(cacheFile, 1 << 20);
            try (Engine engine = Engine.builder(TestNodes.registry(journal)).build()) {
                RunResult result = engine.run(workflow, RunRequest.builder().cache(cache).build());
                assertEquals(process == 0 ? 0 : 2, result.cachedNodes());
            }
            cache.save();
        }
        assertEquals(2, journal.total(), "each node ran once over both 'processes'");
    }

    @Test
    void theCacheFileIsWrittenDuringARunOnlyWhenResultsWereAdded() throws Exception {
        Path file = folder.resolve("cache/flow.json");
        PersistentResultCache cache = PersistentResultCache.open(file, 1 << 20);
        assertFalse(cache.saveIfChanged(), "nothing to write yet");
        assertFalse(Files.exists(file));
        Workflow workflow = WorkflowBuilder.named("saved").node("t", "test.text", "text", "hi").node("out", "test.output")
                .connect("t.text", "out.value").build();
        try (Engine engine = Engine.builder(TestNodes.registry(new TestNodes.Journal())).build()) {
            engine.run(workflow, RunRequest.builder().cache(cache).build());
        }
        assertTrue(cache.saveIfChanged());
        assertTrue(Files.size(file) > 0);
        assertFalse(cache.saveIfChanged(), "written already");
        assertEquals(cache.size(), PersistentResultCache.open(file, 1 << 20).size());
    }
}
