package com.pexper.core.internal.engine;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import com.pexper.core.data.Conversions;
import com.pexper.core.data.DataType;
import com.pexper.core.data.FileValue;
import com.pexper.core.data.ListValue;
import com.pexper.core.data.Value;
import com.pexper.core.node.Inputs;
import com.pexper.model.text.Quote;

/** Gathers what arrives at a node's inputs, converted to each port's type. Coordinator thread only. */
final class InputAssembly {

    private final NodeRun[] runs;
    private final Path baseDirectory;

    InputAssembly(NodeRun[] runs, Path baseDirectory) {
        this.runs = runs;
        this.baseDirectory = baseDirectory;
    }

    /** The inputs that take a source's whole result: all of a node's inputs unless it is mapped. */
    Inputs whole(NodeRun run) {
        Map<String, Value> values = new HashMap<>();
        for (Plan.Binding b : run.step.bindings()) {
            if (b == null || b.perItem()) {
                continue;
            }
            values.put(b.port().name(), convert(runs[b.source()].outputs[b.sourcePort()], b));
        }
        return Inputs.of(values);
    }

    /** Item i's inputs of a mapped node: the shared ones and item i of each list it maps over. */
    Inputs item(NodeRun run, int i) {
        Inputs inputs = itemWithout(run, i, Map.of());
        if (inputs == null) {
            throw new IllegalStateException("item " + (i + 1) + " of '" + run.step.id() + "' started before its inputs");
        }
        return inputs;
    }

    /**
     * Item i's inputs with the values of the nodes in {@code notComputed} standing in as
     * {@link NotComputed}; null when some other input is not there yet.
     */
    Inputs itemWithout(NodeRun run, int i, Map<Integer, ?> notComputed) {
        Map<String, Value> values = new HashMap<>(run.sharedInputs.asMap());
        for (Plan.Binding b : run.step.bindings()) {
            if (b == null || !b.perItem()) {
                continue;
            }
            NodeRun source = runs[b.source()];
            Value value;
            if (notComputed.containsKey(b.source())) {
                value = new NotComputed(b.targetType());
            } else if (source.isMapped()) {
                NodeRun.Item upstream = source.items[i];
                if (upstream.state != NodeRun.ItemState.DONE || upstream.outputs == null) {
                    return null;
                }
                value = convert(upstream.outputs[b.sourcePort()], b);
            } else {
                value = convert(((ListValue) source.outputs[b.sourcePort()]).get(i), b);
            }
            values.put(b.port().name(), value);
        }
        return Inputs.of(values);
    }

    /**
     * The file an item came from: a file among its per-item inputs, else the source of the item it
     * reads from the mapped node before it (a cutout's photo, through Read image and Remove
     * background); null when there is none.
     */
    static Path sourceOf(NodeRun run, int i, Inputs inputs, NodeRun[] runs) {
        Path inherited = null;
        for (Plan.Binding b : run.step.bindings()) {
            if (b != null && b.perItem()) {
                if (inputs.get(b.port().name()) instanceof FileValue file) {
                    return file.path();
                }
                if (inherited == null && runs[b.source()].isMapped()) {
                    inherited = runs[b.source()].items[i].source;
                }
            }
        }
        return inherited;
    }

    /** How an item is named in messages: its file's name, or its number and what it holds. */
    static String describeItem(NodeRun run, int i, Inputs inputs) {
        for (Plan.Binding b : run.step.bindings()) {
            if (b != null && b.perItem()) {
                Value value = inputs.get(b.port().name());
                if (value instanceof FileValue file) {
                    return file.path().getFileName().toString();
                }
                return "item " + (i + 1) + " (" + value.summary() + ")";
            }
        }
        return "item " + (i + 1);
    }

    private Value convert(Value value, Plan.Binding b) {
        try {
            return Conversions.convert(value, b.targetType(), baseDirectory);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("input '" + Quote.shorten(b.port().name()) + "': " + e.getMessage(), e);
        }
    }

    /** Stands for a value that was not computed, while working out a key: anything that looks into it fails. */
    private record NotComputed(DataType type) implements Value {

        @Override
        public long sizeBytes() {
            return 0;
        }

        @Override
        public String summary() {
            throw new IllegalStateException("not computed");
        }

        @Override
        public String toString() {
            throw new IllegalStateException("not computed");
        }
    }
}
