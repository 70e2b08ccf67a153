package com.pexper.model.validation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.pexper.model.ColorParameter;
import com.pexper.model.Connection;
import com.pexper.model.DecimalParameter;
import com.pexper.model.Node;
import com.pexper.model.ParameterValue;
import com.pexper.model.Workflow;
import com.pexper.model.graph.WorkflowGraph;
import com.pexper.model.text.Quote;

/**
 * The checks that need nothing but the workflow itself: ids, connections that lead nowhere, cycles,
 * repeated parameters, malformed literals. Whether node types exist and ports and values fit them is
 * checked where node types are known (com.pexper.core).
 */
public final class StructureCheck {

    /** Node ids and port names: letters, digits, '_' and '-', so that "node.port" is unambiguous. */
    public static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");
    /** A colour as a workflow holds it: #RRGGBB, or #RRGGBBAA with alpha. */
    public static final Pattern COLOR = Pattern.compile("#(?:[0-9A-Fa-f]{6}|[0-9A-Fa-f]{8})");

    private StructureCheck() {
    }

    public static List<Problem> check(Workflow workflow, WorkflowGraph graph) {
        List<Problem> problems = new ArrayList<>();
        for (Node node : workflow.getNodes()) {
            checkNode(node, problems);
        }
        for (String id : graph.duplicateIds()) {
            problems.add(Problem.error("duplicate-id", id, "more than one node has the id '" + id + "'.",
                    "Give each node its own id."));
        }
        checkConnections(workflow, graph, problems);
        for (int[] cycle : graph.cycles()) {
            StringBuilder path = new StringBuilder();
            for (int index : cycle) {
                path.append(graph.node(index).getId()).append(" -> ");
            }
            path.append(graph.node(cycle[0]).getId());
            problems.add(Problem.error("cycle", graph.node(cycle[0]).getId(),
                    "the connections form a cycle: " + path + ".",
                    "Remove one of the connections in the cycle; a workflow must flow one way."));
        }
        return problems;
    }

    private static void checkNode(Node node, List<Problem> problems) {
        String id = node.getId();
        if (id == null || id.isEmpty()) {
            problems.add(Problem.error("missing-id", null,
                    "a node" + (node.getType() == null ? "" : " of type " + node.getType()) + " has no id.",
                    "Give it an \"id\" such as \"step1\"."));
        } else if (!IDENTIFIER.matcher(id).matches()) {
            problems.add(Problem.error("invalid-id", id, "the id '" + id + "' has characters other than letters,"
                    + " digits, '_' and '-', or does not start with a letter.", "Rename the node."));
        }
        if (node.getType() == null || node.getType().isEmpty()) {
            problems.add(Problem.error("missing-type", id, "the node has no \"type\".",
                    "Set the node type, for example com.pexper.nodes.basic.text."));
        }
        Set<String> seen = new HashSet<>();
        for (ParameterValue parameter : node.getParameters()) {
            String name = parameter.getName();
            if (!seen.add(name)) {
                problems.add(Problem.error("duplicate-parameter", id, "parameter '" + name + "' is set twice.",
                        "Keep one value."));
            }
            if (parameter instanceof ColorParameter color
                    && (color.getValue() == null || !COLOR.matcher(color.getValue()).matches())) {
                problems.add(Problem.error("invalid-color", id, "parameter '" + name + "': '" + color.getValue()
                        + "' is not a colour.", "Write it as #RRGGBB or #RRGGBBAA, e.g. #1E90FF."));
            }
            if (parameter instanceof DecimalParameter decimal && !Double.isFinite(decimal.getValue())) {
                problems.add(Problem.error("invalid-number", id, "parameter '" + name + "' is not a finite number.",
                        "Enter a number."));
            }
        }
    }

    private static void checkConnections(Workflow workflow, WorkflowGraph graph, List<Problem> problems) {
        for (Connection c : graph.dangling()) {
            boolean sourceMissing = graph.indexOf(c.getSourceNode()) < 0;
            String missing = sourceMissing ? c.getSourceNode() : c.getTargetNode();
            String other = sourceMissing ? c.getTargetNode() : c.getSourceNode();
            problems.add(Problem.error("dangling-connection", graph.indexOf(other) >= 0 ? other : null,
                    "the connection " + describe(c) + " refers to node '" + missing + "', which does not exist.",
                    "Remove the connection or add the node '" + missing + "'."));
        }
        Set<Endpoint> targets = new HashSet<>();
        Set<Edge> edges = new HashSet<>();
        for (Connection c : workflow.getConnections()) {
            if (c.getSourceNode() != null && c.getSourceNode().equals(c.getTargetNode())) {
                continue; // reported as a cycle of one
            }
            Endpoint target = new Endpoint(c.getTargetNode(), c.getTargetPort());
            if (!edges.add(new Edge(new Endpoint(c.getSourceNode(), c.getSourcePort()), target))) {
                problems.add(Problem.error("duplicate-connection", c.getTargetNode(),
                        "the connection " + describe(c) + " appears twice.", "Remove one of them."));
                continue;
            }
            if (!targets.add(target)) {
                problems.add(Problem.error("input-connected-twice", c.getTargetNode(),
                        "input '" + c.getTargetPort() + "' has more than one incoming connection.",
                        "An input takes one connection; remove the extra ones or join the values first."));
            }
        }
    }

    private record Endpoint(String node, String port) {
    }

    private record Edge(Endpoint from, Endpoint to) {
    }

    /** "a.out -> b.in", as connections are shown to users. */
    public static String describe(Connection c) {
        return Quote.shorten(c.getSourceNode() + "." + c.getSourcePort()) + " -> "
                + Quote.shorten(c.getTargetNode() + "." + c.getTargetPort());
    }
}
