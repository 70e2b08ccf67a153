package com.pexper.ui.editor.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.pexper.model.Connection;
import com.pexper.model.Workflow;

/** The nodes before and after others along a workflow's connections: what Run to Here runs, what an edit dims. */
final class Cone {

    private Cone() {
    }

    /** Each node's incoming connections, as "source.port>input". */
    static Map<String, Set<String>> inputs(Workflow workflow) {
        Map<String, Set<String>> inputs = new HashMap<>();
        for (Connection c : workflow.getConnections()) {
            inputs.computeIfAbsent(c.getTargetNode(), id -> new HashSet<>()).add(c.getSourceNode() + "."
                    + c.getSourcePort() + ">" + c.getTargetPort());
        }
        return inputs;
    }

    /** The nodes and every node they take input from, directly or not. */
    static Set<String> upstream(Workflow workflow, Collection<String> ids) {
        Map<String, List<String>> sources = new HashMap<>();
        for (Connection c : workflow.getConnections()) {
            sources.computeIfAbsent(c.getTargetNode(), id -> new ArrayList<>()).add(c.getSourceNode());
        }
        return reach(ids, sources);
    }

    /** The nodes and every node that takes input from them, directly or not. */
    static Set<String> downstream(Workflow workflow, Collection<String> ids) {
        Map<String, List<String>> targets = new HashMap<>();
        for (Connection c : workflow.getConnections()) {
            targets.computeIfAbsent(c.getSourceNode(), id -> new ArrayList<>()).add(c.getTargetNode());
        }
        return reach(ids, targets);
    }

    private static Set<String> reach(Collection<String> from, Map<String, List<String>> next) {
        Set<String> reached = new HashSet<>(from);
        ArrayDeque<String> queue = new ArrayDeque<>(from);
        while (!queue.isEmpty()) {
            for (String id : next.getOrDefault(queue.poll(), List.of())) {
                if (reached.add(id)) {
                    queue.add(id);
                }
            }
        }
        return reached;
    }

    static void keepOnly(Workflow workflow, Set<String> ids) {
        workflow.getNodes().removeIf(node -> !ids.contains(node.getId()));
        workflow.getConnections().removeIf(c -> !ids.contains(c.getSourceNode()) || !ids.contains(c.getTargetNode()));
    }
}
