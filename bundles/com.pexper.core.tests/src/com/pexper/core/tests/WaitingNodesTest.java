package com.pexper.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.pexper.core.data.DataType;
import com.pexper.core.data.TextValue;
import com.pexper.core.engine.Engine;
import com.pexper.core.engine.RunEvent;
import com.pexper.core.engine.RunHandle;
import com.pexper.core.engine.RunRequest;
import com.pexper.core.engine.RunResult;
import com.pexper.core.engine.RunStatus;
import com.pexper.core.node.InMemoryNodeTypeRegistry;
import com.pexper.core.node.NodeExecutor;
import com.pexper.core.node.NodeFactory;
import com.pexper.core.node.NodeSignature;
import com.pexper.core.node.NodeType;
import com.pexper.core.node.Outputs;
import com.pexper.core.node.Parameters;
import com.pexper.core.node.PortSpec;
import com.pexper.model.build.WorkflowBuilder;

/** Nodes that wait on a server: run beside the CPU pool, stream text, are stopped through onCancel. */
class WaitingNodesTest {

    @TempDir
    Path folder;

    /** Waits for a release (as for a server's answer) and counts how many wait at once. */
    static final class Waiter implements NodeFactory {
        final AtomicInteger waiting = new AtomicInteger();
        final AtomicInteger most = new AtomicInteger();
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger cancelActions = new AtomicInteger();

        @Override
        public NodeSignature signature() {
            return NodeSignature.builder().output(PortSpec.output("text", DataType.TEXT, "")).nonDeterministic()
                    .waitsOnIo().build();
        }

        @Override
        public NodeExecutor configure(Parameters parameters) {
            return (inputs, context) -> {
                most.accumulateAndGet(waiting.incrementAndGet(), Math::max);
                CountDownLatch cancelled = new CountDownLatch(1);
                try (AutoCloseable registration = context.onCancel(() -> {
                    cancelActions.incrementAndGet();
                    cancelled.countDown();
                })) {
                    context.text("a");
                    context.text("b");
                    while (!release.await(5, TimeUnit.MILLISECONDS)) {
                        if (cancelled.getCount() == 0) {
                            context.checkCanceled();
                        }
                    }
                } finally {
                    waiting.decrementAndGet();
                }
                return Outputs.of("text", TextValue.of("ab"));
            };
        }
    }

    private static Engine engine(Waiter waiter, Path folder) {
        InMemoryNodeTypeRegistry registry = new InMemoryNodeTypeRegistry()
                .register(NodeType.of("test.waiter", "1.0.0", "Waiter", "Test", "", waiter));
        return Engine.builder(registry).parallelism(1).scratchDirectory(folder.resolve("scratch")).build();
    }

    private static com.pexper.model.Workflow waiters(int count) {
        WorkflowBuilder workflow = WorkflowBuilder.named("waiters");
        for (int i = 0; i < count; i++) {
            workflow.node("w" + i, "test.waiter");
        }
        return workflow.build();
    }

    @Test
    void nodesWaitingOnAServerDoNotHoldTheCpuSizedPool() throws Exception {
        Waiter waiter = new Waiter();
        List<RunEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (Engine engine = engine(waiter, folder)) {
            RunHandle handle = engine.start(waiters(12), RunRequest.builder().listener(events::add).build());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (waiter.waiting.get() < 12 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertEquals(12, waiter.most.get(), "with parallelism 1, all twelve wait at once");
            waiter.release.countDown();
            RunResult result = handle.await();
            assertEquals(RunStatus.SUCCEEDED, result.status());
            assertEquals(24, events.stream().filter(e -> e instanceof RunEvent.NodeText).count(),
                    "each node's two pieces of text reach the listeners");
        }
    }

    @Test
    void cancellingRunsEachWaitingNodesCancelAction() throws Exception {
        Waiter waiter = new Waiter();
        try (Engine engine = engine(waiter, folder)) {
            RunHandle handle = engine.start(waiters(3), RunRequest.builder().build());
            while (waiter.waiting.get() < 3) {
                Thread.sleep(5);
            }
            handle.cancel();
            RunResult result = handle.await();
            assertEquals(RunStatus.CANCELLED, result.status());
            assertEquals(3, waiter.cancelActions.get());
            assertTrue(waiter.release.getCount() == 1, "they stopped without being released");
        }
    }
}
