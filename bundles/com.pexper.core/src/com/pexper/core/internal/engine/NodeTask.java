package com.pexper.core.internal.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import com.pexper.core.data.Conversions;
import com.pexper.core.data.DataType;
import com.pexper.core.data.ImageValue;
import com.pexper.core.data.Value;
import com.pexper.core.engine.EngineDiagnostics;
import com.pexper.core.engine.RunEvent;
import com.pexper.core.engine.RunResult;
import com.pexper.core.engine.UnsavedImages;
import com.pexper.core.node.CancelledException;
import com.pexper.core.node.Inputs;
import com.pexper.core.node.NodeExecutionException;
import com.pexper.core.node.Outputs;
import com.pexper.core.node.ParameterSpec;
import com.pexper.core.node.PortSpec;
import com.pexper.model.Workflow;
import com.pexper.model.text.Quote;

/** One execution of a node (or of one item of it) on a worker thread; it posts a {@link Completion} when done. */
final class NodeTask implements Runnable, Comparable<NodeTask> {

    /** What a worker reports back. */
    record Completion(NodeTask task, Value[] outputs, String error, boolean cancelled, long nanos) {
    }

    private static final System.Logger LOG = System.getLogger(NodeTask.class.getName());
    private static final AtomicLong SEQUENCE = new AtomicLong();

    final NodeRun run;
    final int item;
    final int itemCount;
    final Inputs inputs;
    private final long sequence = SEQUENCE.incrementAndGet();
    private final RunScope scope;
    private final Consumer<Completion> done;
    private Thread thread;

    NodeTask(NodeRun run, int item, int itemCount, Inputs inputs, RunScope scope, Consumer<Completion> done) {
        this.run = run;
        this.item = item;
        this.itemCount = itemCount;
        this.inputs = inputs;
        this.scope = scope;
        this.done = done;
    }

    /**
     * Lower item indexes first, and among equals the node furthest downstream: an item is carried
     * through the chain before the next one is started, which keeps memory flat.
     */
    @Override
    public int compareTo(NodeTask other) {
        int byItem = Integer.compare(Math.max(item, 0), Math.max(other.item, 0));
        if (byItem != 0) {
            return byItem;
        }
        int byDepth = Integer.compare(other.run.step.position(), run.step.position());
        return byDepth != 0 ? byDepth : Long.compare(sequence, other.sequence);
    }

    synchronized void interrupt() {
        if (thread != null) {
            thread.interrupt();
        }
    }

    /**
     * Always posts a completion, whatever is thrown, and whoever throws it (the node, a listener,
     * the bookkeeping): a lost completion would leave the coordinator waiting for ever.
     */
    @Override
    public void run() {
        Completion completion;
        try {
            completion = scope.cancellation().isCancelled() ? new Completion(this, null, null, true, 0) : execute();
        } catch (Throwable t) {
            LOG.log(System.Logger.Level.ERROR, "the engine failed running node " + run.step.id(), t);
            completion = new Completion(this, null, "internal error in the engine ("
                    + t.getClass().getSimpleName() + "; details in the log)", false, 0);
        }
        done.accept(completion);
    }

    private Completion execute() {
        synchronized (this) {
            thread = Thread.currentThread();
        }
        Cancellation cancellation = scope.cancellation();
        cancellation.started(this);
        long start = System.nanoTime();
        NodeContext context = new NodeContext(scope, run, item, itemCount);
        try {
            if (run.firstStart.compareAndSet(0, start)) {
                scope.events().emit(new RunEvent.NodeStarted(scope.events().runId(), run.step.id(), itemCount));
                scope.service(EngineDiagnostics.class).ifPresent(d -> d.nodeRan(run.step.type().id()));
            }
            Outputs outputs = run.step.executor().execute(inputs, context);
            Value[] values = checked(outputs);
            keepUnsavedImage(values);
            return new Completion(this, values, null, false, System.nanoTime() - start);
        } catch (CancelledException e) {
            return cancellation.isCancelled() ? new Completion(this, null, null, true, System.nanoTime() - start)
                    : new Completion(this, null, "stopped itself as if cancelled, but the run was not cancelled",
                            false, System.nanoTime() - start);
        } catch (Throwable t) {
            if (cancellation.isCancelled()) {
                return new Completion(this, null, null, true, System.nanoTime() - start);
            }
            if (!(t instanceof NodeExecutionException)) {
                LOG.log(System.Logger.Level.WARNING, "node " + run.step.id() + " failed", t);
                reportCrash(t);
            }
            return new Completion(this, null, describe(t), false, System.nanoTime() - start);
        } finally {
            context.flushText(); // before the completion, so the held-back text precedes the node's last event
            cancellation.ended(this);
            synchronized (this) {
                thread = null;
                Thread.interrupted(); // an interrupt meant for this task must not reach the next one
            }
        }
    }

    /** A failure of the diagnostics must not become the node's: it is logged and the node's own error stands. */
    private void reportCrash(Throwable thrown) {
        Optional<EngineDiagnostics> diagnostics = scope.service(EngineDiagnostics.class);
        if (diagnostics.isEmpty()) {
            return;
        }
        try {
            diagnostics.get().nodeCrashed(run.step.type().id(), thrown, userTexts());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not report the failure of node " + run.step.id(), e);
        }
    }

    /** What the user wrote into this node: its label, its text parameters and the workflow's name. */
    private List<String> userTexts() {
        List<String> texts = new ArrayList<>();
        if (run.step.node().getLabel() != null) {
            texts.add(run.step.node().getLabel());
        }
        if (run.step.node().eContainer() instanceof Workflow workflow && workflow.getName() != null) {
            texts.add(workflow.getName());
        }
        for (ParameterSpec parameter : run.step.signature().parameters()) {
            if (run.step.parameters().raw(parameter.name()) instanceof String text) {
                texts.add(text);
            }
        }
        return texts;
    }

    /** See {@link UnsavedImages}: a failure to keep it is logged, and the node has still succeeded. */
    private void keepUnsavedImage(Value[] values) {
        if (run.unsavedImagePort < 0 || !(values[run.unsavedImagePort] instanceof ImageValue image)) {
            return;
        }
        Optional<UnsavedImages> keeper = scope.service(UnsavedImages.class);
        if (keeper.isEmpty()) {
            return;
        }
        String port = run.step.signature().outputs().get(run.unsavedImagePort).name();
        try {
            Path kept = keeper.get().keep(scope.events().runId(), run.step.id(), item, port, image);
            if (kept != null) {
                scope.files().written(new RunResult.WrittenFile(kept, run.step.id(), item,
                        item < 0 ? null : run.items[item].source));
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not keep the image node " + run.step.id() + " made"
                    + (item < 0 ? "" : " for item " + (item + 1)), e);
        }
    }

    private Value[] checked(Outputs outputs) throws NodeExecutionException {
        List<PortSpec> ports = run.step.signature().outputs();
        Value[] values = new Value[ports.size()];
        for (int p = 0; p < values.length; p++) {
            PortSpec port = ports.get(p);
            Value value = outputs == null ? null : outputs.get(port.name());
            if (value == null) {
                throw new NodeExecutionException("node type " + run.step.type().id() + " produced no value for"
                        + " output '" + port.name() + "'; report this to the plug-in's author.");
            }
            if (!value.type().equals(port.type()) && !port.type().equals(DataType.ANY)) {
                try {
                    value = Conversions.convert(value, port.type());
                } catch (IllegalArgumentException e) {
                    throw new NodeExecutionException("node type " + run.step.type().id() + " produced "
                            + value.type().displayName() + " for output '" + port.name() + "', which declares "
                            + port.type().displayName() + "; report this to the plug-in's author.");
                }
            }
            values[p] = value;
        }
        return values;
    }

    private static String describe(Throwable t) {
        if (t instanceof NodeExecutionException) {
            return t.getMessage();
        }
        String text = t.getMessage() == null ? "" : ": " + Quote.shorten(t.getMessage(), 3 * Quote.MAX);
        return "unexpected " + t.getClass().getSimpleName() + text + " (details in the log)";
    }
}
