package com.pexper.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pexper.core.engine.Engine;
import com.pexper.core.engine.RunRequest;
import com.pexper.core.home.PexperHome;
import com.pexper.core.runs.RunRecords;
import com.pexper.model.Workflow;
import com.pexper.model.build.WorkflowBuilder;

class RunRecordTest {

    @TempDir
    Path folder;

    @Test
    void everyRunIsRecordedWithNodeStatusesDurationsCacheHitsAndOutputs() throws Exception {
        RunRecords store = RunRecords.open(folder.resolve("runs"));
        Workflow workflow = WorkflowBuilder.named("recorded").node("t", "test.text", "text", "the secret recipe")
                .node("bad", "test.fail").node("out", "test.output").connect("t.text", "out.value").build();
        try (Engine engine = Engine.builder(TestNodes.registry(new TestNodes.Journal())).runRecords(store).build()) {
            engine.run(workflow, RunRequest.builder().workflowFile(folder.resolve("r.pexper")).build());
            engine.run(workflow, RunRequest.builder().workflowFile(folder.resolve("r.pexper")).build());
        }
        List<RunRecords.Summary> recent = store.recent(10);
        assertEquals(2, recent.size());
        assertEquals("FAILED", recent.get(0).status());
        assertEquals(2, recent.get(0).cachedNodes(), "the second run reused t and out");
        assertEquals(1, recent.get(0).failedNodes());
        JsonNode record = new ObjectMapper().readTree(recent.get(0).file().toFile());
        assertEquals("recorded", record.get("workflow").asText());
        assertTrue(record.get("started").asText().endsWith("Z"));
        JsonNode bad = record.get("nodes").findValues("id").stream().map(JsonNode::asText).toList().contains("bad")
                ? findNode(record, "bad") : null;
        assertEquals("FAILED", bad.get("status").asText());
        assertTrue(bad.get("error").asText().contains("disk is full"));
        assertTrue(findNode(record, "t").get("cached").asBoolean());
        assertTrue(findNode(record, "t").has("durationMillis"));
        assertFalse(Files.readString(recent.get(0).file()).contains("\"parameters\""),
                "parameter values are not recorded");
    }

    @Test
    void aRunWhoseBatchItemsFailedIsRecordedAndListedAsFailedWithHowManyOfHowMany() throws Exception {
        RunRecords store = RunRecords.open(folder.resolve("runs"));
        Workflow workflow = WorkflowBuilder.named("batch").node("list", "test.list", "items", "a, boom, c, boom")
                .node("up", "test.upper").node("out", "test.output").connect("list.items", "up.in")
                .connect("up.out", "out.value").build();
        try (Engine engine = Engine.builder(TestNodes.registry(new TestNodes.Journal())).runRecords(store).build()) {
            engine.run(workflow, RunRequest.builder().build());
        }
        RunRecords.Summary run = store.recent(1).get(0);
        assertEquals("FAILED", run.status());
        assertEquals(2, run.failedItems());
        assertEquals(4, run.items());
        assertEquals("FAILED 2 of 4 items", run.statusText());
        JsonNode record = new ObjectMapper().readTree(run.file().toFile());
        assertEquals("FAILED", record.get("status").asText());
        assertEquals(2, record.get("failedItems").asInt());

        // A record written before "failedItems" existed says SUCCEEDED; its nodes tell the truth.
        ((com.fasterxml.jackson.databind.node.ObjectNode) record).put("status", "SUCCEEDED").remove("failedItems");
        Files.writeString(run.file(), record.toString());
        assertEquals("FAILED 2 of 4 items", store.recent(1).get(0).statusText());
    }

    @Test
    void onlyTheNewestRecordsAreKept() throws Exception {
        RunRecords store = RunRecords.open(folder.resolve("runs"), 3);
        Workflow workflow = WorkflowBuilder.named("many").node("r", "test.random").build();
        try (Engine engine = Engine.builder(TestNodes.registry(new TestNodes.Journal())).runRecords(store).build()) {
            for (int i = 0; i < 5; i++) {
                engine.run(workflow, RunRequest.builder().build());
                Thread.sleep(2); // distinct start times
            }
        }
        try (Stream<Path> files = Files.list(folder.resolve("runs"))) {
            assertEquals(3, files.filter(f -> f.toString().endsWith(".json")).count());
        }
    }

    @Test
    void eachFileARunWroteIsRecordedWithTheNodeAndItemThatWroteIt() throws Exception {
        RunRecords store = RunRecords.open(folder.resolve("runs"));
        Workflow workflow = WorkflowBuilder.named("saves").node("list", "test.list", "items", "a, b")
                .node("save", "test.save").connect("list.items", "save.in").build();
        try (Engine engine = Engine.builder(TestNodes.registry(new TestNodes.Journal())).runRecords(store).build()) {
            engine.run(workflow, RunRequest.builder().outputDirectory(folder.resolve("out")).build());
        }
        JsonNode written = new ObjectMapper().readTree(store.recent(1).get(0).file().toFile()).get("writtenFiles");
        assertEquals(2, written.size());
        for (JsonNode file : written) {
            int item = file.get("item").asInt();
            assertEquals("save", file.get("node").asText());
            assertEquals(folder.resolve("out").resolve(List.of("a", "b").get(item) + ".txt").toString(),
                    file.get("file").asText());
            assertFalse(file.has("source"), "the items came from no file");
        }
    }

    @Test
    void theWorkflowAsItRanIsKeptOncePerContentAndGoesWithTheLastRecordThatNamesIt() throws Exception {
        RunRecords store = RunRecords.open(folder.resolve("runs"), 2);
        Workflow first = WorkflowBuilder.named("first").node("t", "test.text", "text", "a prompt").build();
        Workflow second = WorkflowBuilder.named("second").node("t", "test.text", "text", "another").build();
        try (Engine engine = Engine.builder(TestNodes.registry(new TestNodes.Journal())).runRecords(store).build()) {
            engine.run(first, RunRequest.builder().build());
            Thread.sleep(2);
            engine.run(first, RunRequest.builder().build());
            Path kept = store.recent(1).get(0).workflowAsRun();
            assertEquals(kept, store.recent(2).get(1).workflowAsRun(), "both runs of one workflow share one file");
            assertEquals("a prompt", com.pexper.core.workflow.ParameterValues.text(com.pexper.model.io.WorkflowFiles
                    .load(kept).getNodes().get(0).getParameters().get(0)), "what ran, parameters and all");
            // what "a while ago" means to the pruning: older than any kept record was written
            Files.setLastModifiedTime(kept, java.nio.file.attribute.FileTime.from(java.time.Instant.now()
                    .minus(java.time.Duration.ofHours(1))));
            for (int i = 0; i < 2; i++) {
                Thread.sleep(2);
                engine.run(second, RunRequest.builder().build());
            }
            assertFalse(Files.exists(kept), "no record names the first workflow any more");
            Path other = store.recent(1).get(0).workflowAsRun();
            assertTrue(Files.isRegularFile(other));
            Files.delete(other);
            assertEquals(null, store.recent(1).get(0).workflowAsRun(), "a kept workflow that is gone is none");
        }
        assertFalse(Files.readString(store.recent(1).get(0).file()).contains("\"parameters\""),
                "the record itself holds no parameter values");
    }

    @Test
    void theDataDirectoryIsPexperHomeWhenSetElseTheUsersDotPexper() {
        assertEquals(Path.of("/data/p"), PexperHome.resolve(null, java.util.Map.of("PEXPER_HOME", "/data/p"), "/home/u").root());
        assertEquals(Path.of("/home/u/.pexper"), PexperHome.resolve(null, java.util.Map.of(), "/home/u").root());
        assertEquals(Path.of("/prop"), PexperHome.resolve("/prop", java.util.Map.of("PEXPER_HOME", "/env"), "/h").root());
        PexperHome home = new PexperHome(Path.of("/data/p"));
        assertTrue(home.cacheFor(Path.of("/w/a flow.pexper")).toString().startsWith("/data/p/cache/a_flow.pexper-"));
    }

    private static JsonNode findNode(JsonNode record, String id) {
        for (JsonNode node : record.get("nodes")) {
            if (node.get("id").asText().equals(id)) {
                return node;
            }
        }
        throw new AssertionError("no node " + id);
    }
}
