package com.pexper.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.pexper.core.data.ListValue;
import com.pexper.core.data.TextValue;
import com.pexper.core.engine.Engine;
import com.pexper.core.engine.MemoryBudget;
import com.pexper.core.engine.NodeOutcome;
import com.pexper.core.engine.RunRequest;
import com.pexper.core.engine.RunResult;
import com.pexper.core.engine.RunStatus;
import com.pexper.model.Workflow;
import com.pexper.model.build.WorkflowBuilder;

/** Items that declare their memory wait for it instead of failing for want of it. */
class MemoryAdmissionTest {

    @TempDir
    Path folder;
    final TestNodes.Journal journal = new TestNodes.Journal();

    private RunResult run(Workflow workflow, long budgetMegabytes, int parallelism) throws Exception {
        try (Engine engine = Engine.builder(TestNodes.registry(journal)).parallelism(parallelism)
                .scratchDirectory(folder.resolve("scratch"))
                .memory(MemoryBudget.of(budgetMegabytes << 20, "Give it more.")).build()) {
            return engine.run(workflow, RunRequest.builder().workflowFile(folder.resolve("flow.pexper")).build());
        }
    }

    private static Workflow batch(int items, long megabytes) {
        String list = IntStream.range(0, items).mapToObj(i -> "photo" + i).collect(Collectors.joining(","));
        return WorkflowBuilder.named("batch").node("list", "test.list", "items", list)
                .node("read", "test.hungry", "megabytes", megabytes).node("work", "test.settle")
                .node("out", "test.output").connect("list.items", "read.in").connect("read.out", "work.in")
                .connect("work.out", "out.value").build();
    }

    @Test
    void itemsRunFewerAtOnceSoThatWhatTheyHoldStaysWithinTheBudget() throws Exception {
        RunResult result = run(batch(12, 400), 1000, 4);
        assertEquals(RunStatus.SUCCEEDED, result.status());
        assertEquals(12, ((ListValue) result.outputs().get("out")).items().size(), "every item succeeds");
        assertEquals(2, journal.maxHolding.get(), "two items of 400 MB fit into 1000 MB, three do not");
    }

    @Test
    void itemsThatDeclareNothingRunAsManyAtOnceAsThePoolAllows() throws Exception {
        RunResult result = run(batch(12, 0), 1000, 4);
        assertEquals(RunStatus.SUCCEEDED, result.status());
        assertTrue(journal.maxHolding.get() > 2, "held at most " + journal.maxHolding.get());
    }

    @Test
    void anItemNeedingMoreThanTheWholeBudgetFailsBeforeItStartsSayingWhatItNeeds() throws Exception {
        RunResult result = run(batch(3, 2048), 1000, 2);
        NodeOutcome read = result.node("read");
        assertEquals(3, read.itemFailures().size());
        assertEquals(0, journal.count("read"), "nothing was started");
        String message = read.itemFailures().get(0).message();
        assertTrue(message.startsWith("it needs about 2.0 GiB of memory, more than the 1000 MiB Pexper may give the"
                + " items it works on"), message);
        assertTrue(message.endsWith("Give it more."), message);
    }

    @Test
    void aChainOfNodesThatEachReserveForTheSameItemMakesProgressInsteadOfWaitingForEver() throws Exception {
        Workflow chain = WorkflowBuilder.named("chain").node("list", "test.list", "items", "a,b,c,d")
                .node("first", "test.hungry", "megabytes", 600L).node("second", "test.hungry", "megabytes", 600L)
                .node("out", "test.output").connect("list.items", "first.in").connect("first.out", "second.in")
                .connect("second.out", "out.value").build();
        RunResult result = run(chain, 1000, 2);
        assertEquals(RunStatus.SUCCEEDED, result.status());
        assertEquals(List.of(TextValue.of("a"), TextValue.of("b"), TextValue.of("c"), TextValue.of("d")),
                ((ListValue) result.outputs().get("out")).items());
    }

    @Test
    void whatAFailedOrCancelledRunReservedIsGivenBack() throws Exception {
        MemoryBudget budget = MemoryBudget.of(1000L << 20, "Give it more.");
        Workflow failing = WorkflowBuilder.named("fails").node("list", "test.list", "items", "a,b,c")
                .node("read", "test.hungry", "megabytes", 400L).node("bad", "test.fail").node("out", "test.output")
                .connect("list.items", "read.in").connect("read.out", "bad.in").connect("bad.out", "out.value").build();
        try (Engine engine = Engine.builder(TestNodes.registry(journal)).parallelism(2)
                .scratchDirectory(folder.resolve("scratch")).memory(budget).build()) {
            engine.run(failing, RunRequest.builder().workflowFile(folder.resolve("flow.pexper")).build());
        }
        assertEquals(0, budget.reserved());
    }
}
