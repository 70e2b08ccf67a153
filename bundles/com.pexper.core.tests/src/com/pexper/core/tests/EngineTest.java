package com.pexper.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.pexper.core.cache.MemoryResultCache;
import com.pexper.core.data.ListValue;
import com.pexper.core.data.TextValue;
import com.pexper.core.engine.Engine;
import com.pexper.core.engine.InvalidWorkflowException;
import com.pexper.core.engine.NodeOutcome;
import com.pexper.core.engine.NodeStatus;
import com.pexper.core.engine.RunEvent;
import com.pexper.core.engine.RunHandle;
import com.pexper.core.engine.RunRequest;
import com.pexper.core.engine.RunResult;
import com.pexper.core.engine.RunStatus;
import com.pexper.core.engine.ServiceDirectory;
import com.pexper.model.Workflow;
import com.pexper.model.build.WorkflowBuilder;

class EngineTest {

    @TempDir
    Path folder;

    TestNodes.Journal journal;
    Engine engine;
    final List<RunEvent> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        journal = new TestNodes.Journal();
        engine = Engine.builder(TestNodes.registry(journal)).parallelism(2).scratchDirectory(folder.resolve("scratch"))
                .build();
    }

    @AfterEach
    void tearDown() {
        engine.close();
    }

    private RunRequest request() {
        return RunRequest.builder().workflowFile(folder.resolve("flow.pexper")).listener(events::add).build();
    }

    private RunResult run(Workflow workflow) throws Exception {
        return engine.run(workflow, request());
    }

    private static WorkflowBuilder diamond() {
        return WorkflowBuilder.named("diamond")
                .node("hello", "test.text", "text", "hello")
                .node("world", "test.text", "text", "world")
                .node("loud", "test.upper")
                .node("joined", "test.join", "separator", ", ")
                .node("result", "test.output")
                .connect("hello.text", "loud.in")
                .connect("loud.out", "joined.a")
                .connect("world.text", "joined.b")
                .connect("joined.out", "result.value");
    }

    @Test
    void runsTheGraphInDependencyOrderAndReturnsTheOutputs() throws Exception {
        RunResult result = run(diamond().build());
        assertEquals(RunStatus.SUCCEEDED, result.status());
        assertEquals(TextValue.of("HELLO, world"), result.outputs().get("result"));
        assertTrue(journal.order.indexOf("loud") > journal.order.indexOf("hello"));
        assertTrue(journal.order.indexOf("joined") > journal.order.indexOf("loud"));
        assertEquals(5, result.nodes().size());
        assertTrue(result.nodes().stream().allMatch(n -> n.status() == NodeStatus.SUCCEEDED));
    }

    @Test
    void readyNodesRunInParallelButNeverMoreThanThePoolAllows() throws Exception {
        WorkflowBuilder flows = WorkflowBuilder.named("wide");
        for (int i = 0; i < 8; i++) {
            flows.node("s" + i, "test.sleep", "millis", 60L);
        }
        long start = System.nanoTime();
        RunResult result = run(flows.build());
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(RunStatus.SUCCEEDED, result.status());
        assertEquals(2, journal.maxRunning.get(), "the pool has two workers");
        assertTrue(elapsedMillis < 8 * 60, "ran in parallel: " + elapsedMillis + " ms");
    }

    @Test
    void reRunningAnUnchangedWorkflowExecutesNothing() throws Exception {
        Workflow workflow = diamond().build();
        run(workflow);
        int executed = journal.total();
        RunResult again = run(workflow);
        assertEquals(executed, journal.total(), "nothing ran the second time");
        assertEquals(5, again.cachedNodes());
        assertEquals(0, again.executedNodes());
        assertEquals(TextValue.of("HELLO, world"), again.outputs().get("result"));
        assertTrue(events.stream().anyMatch(e -> e instanceof RunEvent.NodeFinished f && f.cached()));
    }

    @Test
    void changingOneParameterReExecutesOnlyThatNodesDownstreamCone() throws Exception {
        Workflow workflow = diamond().build();
        run(workflow);
        ((com.pexper.model.StringParameter) workflow.getNode("world").getParameter("text")).setValue("there");
        RunResult again = run(workflow);
        assertEquals(TextValue.of("HELLO, there"), again.outputs().get("result"));
        assertEquals(2, journal.count("world"));
        assertEquals(2, journal.count("joined"));
        assertEquals(1, journal.count("hello"), "upstream of the change is reused");
        assertEquals(1, journal.count("loud"), "a parallel branch is reused");
        assertTrue(again.node("loud").cached());
        assertFalse(again.node("joined").cached());
    }

    @Test
    void editsToTheWorkflowBetweenRunsAreAlwaysSeen() throws Exception {
        Workflow workflow = diamond().build();
        assertEquals(TextValue.of("HELLO, world"), run(workflow).outputs().get("result"));
        // a new node wired in: the cached plan must not be reused
        workflow.getNodes().add(WorkflowBuilder.newNode("extra", "test.upper"));
        workflow.getConnections().removeIf(c -> c.getTargetNode().equals("result"));
        workflow.getConnections().add(WorkflowBuilder.newConnection("joined.out", "extra.in"));
        workflow.getConnections().add(WorkflowBuilder.newConnection("extra.out", "result.value"));
        assertEquals(TextValue.of("HELLO, WORLD"), run(workflow).outputs().get("result"));
        // a broken edit is reported, not run with the old plan
        workflow.getConnections().removeIf(c -> c.getTargetNode().equals("extra"));
        assertThrows(InvalidWorkflowException.class, () -> run(workflow));
    }

    @Test
    void aNonDeterministicNodeIsNeverCachedAndItsDownstreamRunsAgain() throws Exception {
        Workflow workflow = WorkflowBuilder.named("random").node("r", "test.random").node("u", "test.upper")
                .node("out", "test.output").connect("r.text", "u.in").connect("u.out", "out.value").build();
        RunResult first = run(workflow);
        RunResult second = run(workflow);
        assertEquals(2, journal.count("r"));
        assertEquals(2, journal.count("u"));
        assertNotEquals(first.outputs().get("out"), second.outputs().get("out"));
    }

    @Test
    void aFailingNodeFailsOnlyItsDownstreamConeAndNamesItself() throws Exception {
        Workflow workflow = WorkflowBuilder.named("partial")
                .node("bad", "test.fail")
                .node("after", "test.upper")
                .node("afterThat", "test.output")
                .node("good", "test.text", "text", "fine")
                .node("goodOut", "test.output")
                .connect("bad.out", "after.in").connect("after.out", "afterThat.value")
                .connect("good.text", "goodOut.value").build();
        RunResult result = run(workflow);
        assertEquals(RunStatus.FAILED, result.status());
        NodeOutcome bad = result.node("bad");
        assertEquals(NodeStatus.FAILED, bad.status());
        assertEquals("the disk is full; free some space and run again", bad.error());
        assertEquals(NodeStatus.SKIPPED, result.node("after").status());
        assertEquals(NodeStatus.SKIPPED, result.node("afterThat").status());
        assertTrue(result.node("after").error().contains("'bad' failed"), result.node("after").error());
        assertEquals(TextValue.of("fine"), result.outputs().get("goodOut"), "the independent branch finished");
        assertEquals(0, journal.count("after"));
        assertTrue(events.stream().anyMatch(e -> e instanceof RunEvent.NodeFailed f && f.nodeId().equals("bad")));
    }

    @Test
    void cancellingStopsARunWithin100msOfTheRunningNodesNextCheck() throws Exception {
        Workflow workflow = WorkflowBuilder.named("spin").node("spin", "test.spin", "checkMillis", 10L)
                .node("next", "test.upper").node("side", "test.sleep", "millis", 60_000L)
                .connect("side.out", "next.in").build();
        RunHandle handle = engine.start(workflow, request());
        waitForStarted("spin");
        waitForStarted("side");
        handle.cancel();
        RunResult result = handle.await(Duration.ofSeconds(10));
        long ended = System.nanoTime();
        assertNotNull(result, "the run ended");
        long afterCheckMillis = (ended - journal.cancelObservedNanos) / 1_000_000;
        assertTrue(afterCheckMillis <= 100, "ended " + afterCheckMillis + " ms after the node saw the cancel");
        assertEquals(RunStatus.CANCELLED, result.status());
        assertEquals(NodeStatus.CANCELLED, result.node("spin").status());
        assertEquals(NodeStatus.CANCELLED, result.node("side").status(), "a sleeping node is interrupted");
        assertEquals(NodeStatus.CANCELLED, result.node("next").status(), "nodes that never started are cancelled too");
        assertEquals(0, journal.count("next"));
    }

    @Test
    void cancellingWhileAFileIsBeingWrittenLeavesNoPartialFile() throws Exception {
        Path out = folder.resolve("out");
        Workflow workflow = WorkflowBuilder.named("write").node("t", "test.text", "text", "data")
                .node("w", "test.write", "path", "big.txt", "kilobytes", 100_000L, "millisPerKilobyte", 1L)
                .connect("t.text", "w.in").build();
        RunHandle handle = engine.start(workflow,
                RunRequest.builder().workflowFile(folder.resolve("flow.pexper")).outputDirectory(out)
                        .listener(events::add).build());
        waitForStarted("w");
        Thread.sleep(100); // some kilobytes are written
        handle.cancel();
        RunResult result = handle.await(Duration.ofSeconds(10));
        assertEquals(RunStatus.CANCELLED, result.status());
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of(), files.toList(), "neither the file nor its temporary remains");
        }
    }

    @Test
    void aDeletedOutputFileIsWrittenAgainOnTheNextRun() throws Exception {
        Path out = folder.resolve("out");
        Workflow workflow = WorkflowBuilder.named("write").node("t", "test.text", "text", "data")
                .node("w", "test.write", "path", "small.txt").connect("t.text", "w.in").build();
        RunRequest request = RunRequest.builder().workflowFile(folder.resolve("flow.pexper")).outputDirectory(out)
                .build();
        RunResult first = engine.run(workflow, request);
        assertEquals(List.of(out.resolve("small.txt")), first.outputFiles());
        engine.run(workflow, request);
        assertEquals(1, journal.count("w"), "unchanged and still on disk: cached");
        Files.delete(out.resolve("small.txt"));
        engine.run(workflow, request);
        assertEquals(2, journal.count("w"), "the file was gone, so the node ran again");
        assertTrue(Files.exists(out.resolve("small.txt")));
    }

    @Test
    void aNodeFedAListRunsOncePerItemWithPerItemProgress() throws Exception {
        Workflow workflow = WorkflowBuilder.named("map").node("list", "test.list", "items", "a, b, c")
                .node("up", "test.upper").node("out", "test.output")
                .connect("list.items", "up.in").connect("up.out", "out.value").build();
        RunResult result = run(workflow);
        assertEquals(RunStatus.SUCCEEDED, result.status());
        ListValue list = (ListValue) result.outputs().get("out");
        assertEquals(List.of(TextValue.of("A"), TextValue.of("B"), TextValue.of("C")), list.items());
        assertEquals(3, journal.count("up"));
        assertEquals(3, result.node("up").items());
        List<Integer> done = events.stream().filter(e -> e instanceof RunEvent.NodeProgress p && p.nodeId().equals("up"))
                .map(e -> ((RunEvent.NodeProgress) e).itemsDone()).toList();
        assertEquals(List.of(1, 2, 3), done);
    }

    @Test
    void aFailedItemIsReportedAndSkippedWhileTheOtherItemsGoOn() throws Exception {
        Workflow workflow = WorkflowBuilder.named("batch").node("list", "test.list", "items", "x, boom, z")
                .node("up", "test.upper").node("again", "test.upper").node("out", "test.output")
                .connect("list.items", "up.in").connect("up.out", "again.in").connect("again.out", "out.value")
                .build();
        RunResult result = run(workflow);
        assertEquals(RunStatus.SUCCEEDED, result.status(), "item failures do not fail the run");
        assertEquals(List.of(TextValue.of("X"), TextValue.of("Z")), ((ListValue) result.outputs().get("out")).items());
        NodeOutcome up = result.node("up");
        assertEquals(1, up.itemFailures().size());
        assertEquals(1, up.itemFailures().get(0).index());
        assertEquals("cannot shout 'boom'", up.itemFailures().get(0).message());
        assertTrue(up.itemFailures().get(0).item().contains("boom"), up.itemFailures().get(0).item());
        assertEquals(List.of(), result.node("again").itemFailures(), "reported once, where it failed");
        assertEquals(2, journal.count("again"), "the failed item is skipped downstream");
        assertEquals(1, result.failedItems());
        assertEquals(3, result.batchItems());
        assertEquals(RunStatus.FAILED, result.outcome(), "for the user, and the exit code, the run failed");
        assertTrue(events.stream().anyMatch(e -> e instanceof RunEvent.ItemFailed f && f.index() == 1));
    }

    @Test
    void anErrorThrownOnAWorkerOutsideTheNodesOwnCodeFailsTheNodeInsteadOfHangingTheRun() throws Exception {
        Workflow workflow = WorkflowBuilder.named("listener").node("t", "test.text", "text", "hi")
                .node("up", "test.upper").connect("t.text", "up.in").build();
        RunRequest request = RunRequest.builder().listener(event -> {
            if (event instanceof RunEvent.NodeStarted started && started.nodeId().equals("up")) {
                throw new AssertionError("a listener's bug"); // an Error: listeners' RuntimeExceptions are caught
            }
        }).build();
        RunResult result = engine.start(workflow, request).await(java.time.Duration.ofSeconds(20));
        assertTrue(result != null, "the run ended");
        assertEquals(RunStatus.FAILED, result.status());
        assertTrue(result.node("up").error().startsWith("unexpected AssertionError: a listener's bug"),
                result.node("up").error());
    }

    @Test
    void itemsStreamThroughAChainOneAtATime() throws Exception {
        try (Engine serial = Engine.builder(TestNodes.registry(journal)).parallelism(1)
                .scratchDirectory(folder.resolve("scratch")).build()) {
            Workflow workflow = WorkflowBuilder.named("stream").node("list", "test.list", "items", "a, b, c")
                    .node("first", "test.upper").node("second", "test.upper")
                    .connect("list.items", "first.in").connect("first.out", "second.in").build();
            serial.run(workflow, request());
        }
        assertEquals(List.of("list", "first#0", "second#0", "first#1", "second#1", "first#2", "second#2"),
                journal.order, "each item goes through the chain before the next one starts");
    }

    @Test
    void aFastProducerStaysWithinTheWindowOfASlowConsumer() throws Exception {
        String items = String.join(",", java.util.stream.IntStream.range(0, 20).mapToObj(i -> "x" + i).toList());
        Workflow workflow = WorkflowBuilder.named("backpressure").node("list", "test.list", "items", items)
                .node("fast", "test.upper").node("slow", "test.sleep", "millis", 5L)
                .connect("list.items", "fast.in").connect("fast.out", "slow.in").build();
        RunResult result = run(workflow); // parallelism 2
        assertEquals(20, result.node("slow").items());
        List<String> order = List.copyOf(journal.order);
        for (int i = 0; i < 20; i++) {
            int at = order.indexOf("fast#" + i);
            long slowStarted = order.subList(0, at).stream().filter("slow"::equals).count();
            assertTrue(slowStarted >= i - 2, "fast item " + i + " ran when only " + slowStarted
                    + " slow items had started: the producer ran ahead unbounded");
        }
    }

    @Test
    void addingAnItemToAListRunsOnlyTheNewItem() throws Exception {
        Workflow workflow = WorkflowBuilder.named("grow").node("list", "test.list", "items", "a, b")
                .node("up", "test.upper").connect("list.items", "up.in").build();
        run(workflow);
        ((com.pexper.model.StringParameter) workflow.getNode("list").getParameter("items")).setValue("a, b, c");
        RunResult again = run(workflow);
        assertEquals(3, journal.count("up"), "a and b came from the cache");
        assertEquals(2, again.node("up").cachedItems());
    }

    @Test
    void listsOfDifferentLengthsFedToOneNodeFailWithBothLengths() throws Exception {
        Workflow workflow = WorkflowBuilder.named("zip").node("two", "test.list", "items", "a, b")
                .node("three", "test.list", "items", "x, y, z").node("join", "test.join")
                .connect("two.items", "join.a").connect("three.items", "join.b").build();
        RunResult result = run(workflow);
        NodeOutcome join = result.node("join");
        assertEquals(NodeStatus.FAILED, join.status());
        assertTrue(join.error().contains("'a' 2") && join.error().contains("'b' 3"), join.error());
    }

    @Test
    void listsOfEqualLengthAreZipped() throws Exception {
        Workflow workflow = WorkflowBuilder.named("zip").node("left", "test.list", "items", "a, b")
                .node("right", "test.list", "items", "x, y").node("join", "test.join").node("out", "test.output")
                .connect("left.items", "join.a").connect("right.items", "join.b").connect("join.out", "out.value")
                .build();
        RunResult result = run(workflow);
        assertEquals(List.of(TextValue.of("a+x"), TextValue.of("b+y")), ((ListValue) result.outputs().get("out")).items());
    }

    @Test
    void anInvalidWorkflowIsRefusedBeforeAnythingRuns() {
        Workflow workflow = WorkflowBuilder.named("invalid").node("u", "test.upper").node("x", "test.nothing").build();
        InvalidWorkflowException e = assertThrows(InvalidWorkflowException.class, () -> run(workflow));
        assertEquals(List.of("missing-input", "unknown-node-type"),
                e.problems().stream().map(p -> p.code()).sorted().toList());
        assertEquals(0, journal.total());
    }

    @Test
    void aNodeNeedingAServiceTheApplicationDoesNotProvideIsNamedBeforeAnythingRuns() throws Exception {
        Workflow workflow = WorkflowBuilder.named("greeting").node("hi", "test.greet").node("up", "test.upper")
                .connect("hi.text", "up.in").build();
        InvalidWorkflowException e = assertThrows(InvalidWorkflowException.class, () -> run(workflow));
        assertEquals(1, e.problems().size(), e.problems().toString());
        assertEquals("hi", e.problems().get(0).nodeId());
        assertEquals("Greet needs String, which this application does not provide; run the workflow with ./pexper run"
                + " or in the workbench, which do.", e.problems().get(0).message());
        assertEquals(0, journal.total());
        try (Engine greeting = Engine.builder(TestNodes.registry(journal))
                .services(ServiceDirectory.of(Map.of(String.class, "hello"))).scratchDirectory(folder.resolve("scratch")).build()) {
            RunResult greeted = greeting.run(workflow, RunRequest.builder().build());
            assertEquals(RunStatus.SUCCEEDED, greeted.status());
            assertTrue(greeted.node("up").outputs().get("out").contains("HELLO"), greeted.node("up").outputs().toString());
        }
    }

    @Test
    void eventsOfANodeArriveInOrder() throws Exception {
        run(WorkflowBuilder.named("one").node("s", "test.sleep", "millis", 1L).build());
        List<String> kinds = events.stream().filter(e -> "s".equals(e.nodeId())).map(e -> e.getClass().getSimpleName())
                .toList();
        assertEquals(List.of("NodeQueued", "NodeStarted", "NodeOutputs", "NodeFinished"), kinds);
        assertTrue(events.get(0) instanceof RunEvent.RunStarted);
        assertTrue(events.get(events.size() - 1) instanceof RunEvent.RunFinished);
    }

    @Test
    void listenersReceiveEachNodesValuesForPreviewsAndTheFirstItemOfAListNotKept() throws Exception {
        Workflow workflow = WorkflowBuilder.named("map").node("list", "test.list", "items", "a, b, c")
                .node("up", "test.upper").node("tail", "test.upper").node("out", "test.output")
                .connect("list.items", "up.in").connect("up.out", "tail.in").connect("tail.out", "out.value")
                .build();
        run(workflow);
        RunEvent.NodeOutputs list = outputsOf("list");
        assertEquals(List.of(TextValue.of("a"), TextValue.of("b"), TextValue.of("c")),
                ((ListValue) list.values().get(0)).items());
        assertEquals(-1, list.items());
        RunEvent.NodeOutputs up = outputsOf("up");
        assertTrue(up.firstItemOnly(), "a mapped node's list is not kept for a preview");
        assertEquals(List.of(TextValue.of("A")), up.values());
        assertEquals(3, up.items());
        RunEvent.NodeOutputs tail = outputsOf("tail");
        assertFalse(tail.firstItemOnly(), "an output's list is kept anyway");
        assertEquals(3, ((ListValue) tail.values().get(0)).size());

        events.clear();
        run(workflow);
        assertEquals(List.of(TextValue.of("A")), outputsOf("up").values(), "a cached node has its preview too");
    }

    private RunEvent.NodeOutputs outputsOf(String nodeId) {
        List<RunEvent.NodeOutputs> found = events.stream().filter(e -> e instanceof RunEvent.NodeOutputs o
                && o.nodeId().equals(nodeId)).map(RunEvent.NodeOutputs.class::cast).toList();
        assertEquals(1, found.size(), nodeId + ": " + found);
        int at = events.indexOf(found.get(0));
        assertTrue(events.get(at + 1) instanceof RunEvent.NodeFinished f && f.nodeId().equals(nodeId),
                "the values come just before the node's end");
        return found.get(0);
    }

    @Test
    void aRunCanBringItsOwnCache() throws Exception {
        MemoryResultCache mine = new MemoryResultCache();
        RunRequest withCache = RunRequest.builder().workflowFile(folder.resolve("flow.pexper")).cache(mine).build();
        engine.run(diamond().build(), withCache);
        assertEquals(5, mine.size());
        engine.run(diamond().build(), request());
        assertEquals(2 * 4, journal.total(), "the engine's own cache did not have the results");
    }

    @Test
    void scratchFoldersAreRemovedWhenTheRunEnds() throws Exception {
        run(diamond().build());
        Path scratch = folder.resolve("scratch");
        if (Files.exists(scratch)) {
            try (Stream<Path> left = Files.list(scratch)) {
                assertNull(left.findAny().orElse(null));
            }
        }
    }

    private void waitForStarted(String nodeId) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (events.stream().noneMatch(e -> e instanceof RunEvent.NodeStarted s && s.nodeId().equals(nodeId))) {
            if (System.nanoTime() > deadline) {
                throw new IOException(nodeId + " did not start");
            }
            Thread.sleep(2);
        }
    }
}
