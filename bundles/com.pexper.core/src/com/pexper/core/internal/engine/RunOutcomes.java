package com.pexper.core.internal.engine;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.pexper.core.data.FileValue;
import com.pexper.core.data.ListValue;
import com.pexper.core.data.Value;
import com.pexper.core.engine.NodeOutcome;
import com.pexper.core.engine.NodeStatus;
import com.pexper.core.engine.RunResult;
import com.pexper.core.engine.RunStatus;
import com.pexper.core.node.PortSpec;
import com.pexper.model.Node;
import com.pexper.model.Workflow;

/** What a finished run reports: how each node fared, the outputs, the files written. */
final class RunOutcomes {

    private RunOutcomes() {
    }

    static RunResult result(String runId, Workflow workflow, Path workflowFile, boolean cancelled, Instant started,
            NodeRun[] runs, List<RunResult.WrittenFile> written) {
        RunStatus status = cancelled ? RunStatus.CANCELLED
                : Stream.of(runs).anyMatch(r -> r.status == NodeStatus.FAILED) ? RunStatus.FAILED : RunStatus.SUCCEEDED;
        List<NodeOutcome> outcomes = new ArrayList<>(runs.length);
        Map<Node, Value> outputsByNode = new HashMap<>();
        for (NodeRun run : runs) {
            Plan.Step step = run.step;
            outcomes.add(new NodeOutcome(step.id(), step.type().id(), step.label(), run.status, run.nanos, run.cached,
                    run.isMapped() ? Math.max(run.itemCount, 0) : -1, run.cachedItems, List.copyOf(run.failures),
                    run.error, run.summaries));
            if (step.signature().output() && run.status == NodeStatus.SUCCEEDED && run.outputs != null
                    && run.outputs.length > 0) {
                outputsByNode.put(step.node(), run.outputs[0]);
            }
        }
        Map<String, Value> outputs = new LinkedHashMap<>();
        Set<Path> files = new LinkedHashSet<>();
        written.forEach(w -> files.add(w.file()));
        for (Node node : workflow.getNodes()) {
            Value value = outputsByNode.get(node);
            if (value != null) {
                outputs.put(node.getId(), value);
                collectFiles(value, files);
            }
        }
        return new RunResult(runId, workflow.getName(), workflowFile, status, started, Instant.now(),
                List.copyOf(outcomes), Collections.unmodifiableMap(outputs), List.copyOf(files), written);
    }

    /** One line per output port, for progress output and run records; redacted by the caller's events. */
    static Map<String, String> summarize(NodeRun run, RunEvents events) {
        List<PortSpec> ports = run.step.signature().outputs();
        Map<String, String> summaries = new LinkedHashMap<>();
        for (int p = 0; p < ports.size(); p++) {
            if (run.outputs != null && run.outputs[p] != null) {
                summaries.put(ports.get(p).name(), events.redact(run.outputs[p].summary()));
            } else if (run.isMapped()) {
                int done = run.itemCount - run.failures.size();
                summaries.put(ports.get(p).name(), done + (done == 1 ? " item" : " items")
                        + (p == 0 && run.firstItemSummary != null ? ": " + run.firstItemSummary + (done > 1 ? ", ..." : "")
                                : ""));
            }
        }
        return summaries;
    }

    private static void collectFiles(Value value, Set<Path> files) {
        if (value instanceof FileValue file) {
            files.add(file.path());
        } else if (value instanceof ListValue list) {
            for (Value item : list.items()) {
                collectFiles(item, files);
            }
        }
    }
}
