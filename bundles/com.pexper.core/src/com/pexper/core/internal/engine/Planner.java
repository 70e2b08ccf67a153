package com.pexper.core.internal.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.pexper.core.data.Conversions;
import com.pexper.core.data.DataType;
import com.pexper.core.node.InvalidConfigurationException;
import com.pexper.core.node.NodeExecutor;
import com.pexper.core.node.NodeSignature;
import com.pexper.core.node.NodeType;
import com.pexper.core.node.NodeTypeRegistry;
import com.pexper.core.node.NodeTypeUnavailableException;
import com.pexper.core.node.Parameters;
import com.pexper.core.node.PortSpec;
import com.pexper.core.workflow.ParameterValues;
import com.pexper.model.Connection;
import com.pexper.model.Node;
import com.pexper.model.Workflow;
import com.pexper.model.graph.WorkflowGraph;
import com.pexper.model.text.Quote;
import com.pexper.model.validation.Problem;
import com.pexper.model.validation.StructureCheck;

/**
 * Checks a workflow against the installed node types and, when nothing is wrong, turns it into a
 * {@link Plan}. Every problem is collected; planning goes on past each one so that the user sees
 * them all at once.
 */
public final class Planner {

    private final NodeTypeRegistry registry;

    public Planner(NodeTypeRegistry registry) {
        this.registry = registry;
    }

    public record Result(Plan plan, List<Problem> problems) {
        public boolean hasErrors() {
            return problems.stream().anyMatch(Problem::isError);
        }
    }

    /**
     * The plan of a workflow, reused while the workflow does not change (see {@link PlanCache}).
     * Use it for workflows that are run again and again in one process.
     */
    public Result planCached(Workflow workflow, Path baseDirectory) {
        return PlanCache.of(workflow, this).plan(workflow, baseDirectory);
    }

    public Result plan(Workflow workflow, Path baseDirectory) {
        WorkflowGraph graph = WorkflowGraph.of(workflow);
        List<Problem> problems = new ArrayList<>(StructureCheck.check(workflow, graph));
        int[] order = graph.topologicalOrder();
        int n = graph.size();
        int[] positionOf = new int[n];
        Arrays.fill(positionOf, -1);
        for (int p = 0; p < order.length; p++) {
            positionOf[order[p]] = p;
        }

        NodeType[] types = new NodeType[n];
        NodeSignature[] signatures = new NodeSignature[n];
        for (int i = 0; i < n; i++) {
            Node node = graph.node(i);
            if (node.getType() == null) {
                continue; // reported by the structure check
            }
            Optional<NodeType> type = registry.find(node.getType());
            if (type.isEmpty()) {
                problems.add(Problem.error("unknown-node-type", node.getId(), "no installed plug-in provides node type '"
                        + com.pexper.model.text.Quote.shorten(node.getType()) + "'"
                        + (node.getTypeVersion() == null ? "" : " " + com.pexper.model.text.Quote.shorten(node.getTypeVersion()))
                        + ". The node keeps its settings and connections until it is available.",
                        "Install the plug-in that provides it (see `pexper nodes` for what is installed)."));
                continue;
            }
            try {
                signatures[i] = type.get().signature();
            } catch (NodeTypeUnavailableException e) {
                problems.add(Problem.error("node-type-unavailable", node.getId(), e.getMessage(), null));
                continue;
            }
            types[i] = type.get();
            checkVersion(node, types[i], problems);
        }

        // Parameters first: a node's ports may depend on them (a template's placeholders).
        Parameters[] parameters = new Parameters[n];
        boolean[] parametersValid = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (signatures[i] == null) {
                continue;
            }
            Node node = graph.node(i);
            int before = problems.size();
            parameters[i] = ParameterValues.resolve(node, signatures[i].parameters(), baseDirectory, problems);
            parametersValid[i] = problems.subList(before, problems.size()).stream().noneMatch(Problem::isError);
            if (parametersValid[i] && signatures[i].dynamicInputs() != null) {
                try {
                    signatures[i] = types[i].factory().signature(parameters[i]);
                } catch (InvalidConfigurationException e) {
                    parametersValid[i] = false;
                    for (String message : e.problems()) {
                        problems.add(Problem.error("invalid-configuration", node.getId(), message, null));
                    }
                } catch (NodeTypeUnavailableException | RuntimeException e) {
                    parametersValid[i] = false;
                    problems.add(Problem.error("invalid-configuration", node.getId(), "node type " + types[i].id()
                            + " could not work out its inputs: " + e.getMessage(), null));
                }
            }
        }

        // Effective output types, in topological order, so that a mapped node's lists flow on.
        DataType[][] outputTypes = new DataType[n][];
        boolean[] mapped = new boolean[n];
        Plan.Binding[][] bindings = new Plan.Binding[n][];
        List<Integer>[] consumers = newLists(n);
        for (int i : order) {
            if (signatures[i] == null) {
                continue;
            }
            Node node = graph.node(i);
            NodeSignature signature = signatures[i];
            bindings[i] = new Plan.Binding[signature.inputs().size()];
            List<Connection> incoming = graph.incoming(i);
            for (int k = 0; k < incoming.size(); k++) {
                Connection c = incoming.get(k);
                int source = graph.sourceOf(i, k);
                PortSpec port = signature.input(c.getTargetPort());
                if (port == null) {
                    if (signatures[i].dynamicInputs() != null && !parametersValid[i]) {
                        continue; // its inputs are unknown until its parameters are fixed
                    }
                    problems.add(Problem.error("unknown-input", node.getId(), types[i].label() + " has no input '"
                            + Quote.shorten(c.getTargetPort()) + "' (connection " + StructureCheck.describe(c) + ").",
                            suggest(c.getTargetPort(), signature.inputs()) + "Connect to one of its inputs: "
                                    + names(signature.inputs()) + "."));
                    continue;
                }
                if (signatures[source] == null) {
                    continue; // the source's own problem is reported
                }
                int sourcePort = indexOf(signatures[source].outputs(), c.getSourcePort());
                if (sourcePort < 0) {
                    problems.add(Problem.error("unknown-output", c.getSourceNode(), types[source].label()
                            + " has no output '" + c.getSourcePort() + "' (connection " + StructureCheck.describe(c)
                            + ").", suggest(c.getSourcePort(), signatures[source].outputs())
                                    + "Connect from one of its outputs: " + names(signatures[source].outputs()) + "."));
                    continue;
                }
                if (outputTypes[source] == null) {
                    continue;
                }
                DataType given = outputTypes[source][sourcePort];
                boolean perItem;
                if (Conversions.canConvert(given, port.type())) {
                    perItem = false;
                } else if (given.isList() && Conversions.canConvert(given.element(), port.type())) {
                    perItem = true;
                    mapped[i] = true;
                } else {
                    problems.add(Problem.error("type-mismatch", node.getId(), "the connection "
                            + StructureCheck.describe(c) + " gives " + given.displayName() + " but input '"
                            + port.name() + "' takes " + port.type().displayName() + ".",
                            "Connect an output that gives " + port.type().displayName()
                                    + ", or convert the value first."));
                    continue;
                }
                bindings[i][signature.inputs().indexOf(port)] = new Plan.Binding(positionOf[source], sourcePort, port,
                        perItem);
                consumers[source].add(i);
            }
            for (int p = 0; p < signature.inputs().size(); p++) {
                PortSpec port = signature.inputs().get(p);
                if (port.required() && bindings[i][p] == null && !isConnected(graph.incoming(i), port.name())) {
                    problems.add(Problem.error("missing-input", node.getId(), "input '" + Quote.shorten(port.name()) + "' ("
                            + port.type().displayName() + ") is not connected.",
                            "Connect an output that gives " + port.type().displayName() + " to it."));
                }
            }
            outputTypes[i] = new DataType[signature.outputs().size()];
            for (int p = 0; p < outputTypes[i].length; p++) {
                DataType declared = signature.outputs().get(p).type();
                outputTypes[i][p] = mapped[i] ? DataType.listOf(declared) : declared;
            }
        }

        // Configure every node whose type is known, even when others have problems.
        NodeExecutor[] executors = new NodeExecutor[n];
        for (int i = 0; i < n; i++) {
            if (signatures[i] == null || !parametersValid[i]) {
                continue; // configure() may assume well-typed parameters
            }
            Node node = graph.node(i);
            try {
                executors[i] = types[i].factory().configure(parameters[i]);
                if (executors[i] == null) {
                    problems.add(Problem.error("invalid-configuration", node.getId(), "node type " + types[i].id()
                            + " returned no executor; report this to the plug-in's author.", null));
                }
            } catch (NodeTypeUnavailableException e) {
                problems.add(Problem.error("node-type-unavailable", node.getId(), e.getMessage(), null));
            } catch (InvalidConfigurationException e) {
                for (String message : e.problems()) {
                    problems.add(Problem.error("invalid-configuration", node.getId(), message, null));
                }
            } catch (RuntimeException e) {
                problems.add(Problem.error("invalid-configuration", node.getId(), "node type " + types[i].id()
                        + " failed while checking its parameters: " + e,
                        "Check the parameters; if they look right, report this to the plug-in's author."));
            }
        }

        Result withoutPlan = new Result(null, List.copyOf(problems));
        if (withoutPlan.hasErrors()) {
            return withoutPlan;
        }
        List<Plan.Step> steps = new ArrayList<>(n);
        for (int p = 0; p < order.length; p++) {
            int i = order[p];
            int[] consumerPositions = positions(consumers[i], positionOf);
            String parameterKey = types[i].id() + "@" + types[i].version() + "|" + parameters[i].canonical();
            steps.add(new Plan.Step(p, graph.node(i), types[i], signatures[i], parameters[i], executors[i],
                    bindings[i], mapped[i], outputTypes[i], consumerPositions, parameterKey));
        }
        return new Result(new Plan(List.copyOf(steps)), List.copyOf(problems));
    }

    /**
     * Distinct plan positions of the given node indexes, ascending: consumers are added in
     * topological order, so the positions already ascend and only repeats need dropping.
     */
    private static int[] positions(List<Integer> nodes, int[] positionOf) {
        int[] result = new int[nodes.size()];
        for (int k = 0; k < result.length; k++) {
            result[k] = positionOf[nodes.get(k)];
        }
        int distinct = 0;
        for (int k = 0; k < result.length; k++) {
            if (k == 0 || result[k] != result[k - 1]) {
                result[distinct++] = result[k];
            }
        }
        return distinct == result.length ? result : Arrays.copyOf(result, distinct);
    }

    private static void checkVersion(Node node, NodeType type, List<Problem> problems) {
        if (node.getTypeVersion() == null || node.getTypeVersion().equals(type.version())) {
            return;
        }
        int saved = major(node.getTypeVersion());
        int installed = major(type.version());
        if (saved > installed) {
            problems.add(Problem.warning("newer-node-version", node.getId(), "the workflow was made with version "
                    + node.getTypeVersion() + " of " + type.id() + ", but version " + type.version()
                    + " is installed; it may behave differently.", "Update the plug-in that provides it."));
        }
    }

    private static int major(String version) {
        if (version == null) {
            return 0;
        }
        int dot = version.indexOf('.');
        try {
            return Integer.parseInt(dot < 0 ? version : version.substring(0, dot));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static boolean isConnected(List<Connection> incoming, String port) {
        for (Connection c : incoming) {
            if (port.equals(c.getTargetPort())) {
                return true;
            }
        }
        return false;
    }

    private static int indexOf(List<PortSpec> ports, String name) {
        for (int i = 0; i < ports.size(); i++) {
            if (ports.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** "Did you mean 'name'? " when a port's name is a small typo away, else nothing. */
    private static String suggest(String wrong, List<PortSpec> ports) {
        for (PortSpec port : ports) {
            if (editDistance(wrong.toLowerCase(java.util.Locale.ROOT), port.name().toLowerCase(java.util.Locale.ROOT)) <= 2) {
                return "Did you mean '" + port.name() + "'? ";
            }
        }
        return "";
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** The ports' names for a message: the first twenty, each shortened (a template's placeholders are user text). */
    private static String names(List<PortSpec> ports) {
        if (ports.isEmpty()) {
            return "(none)";
        }
        String shown = String.join(", ", ports.stream().limit(20).map(p -> Quote.shorten(p.name())).toList());
        return ports.size() > 20 ? shown + " and " + (ports.size() - 20) + " more" : shown;
    }

    @SuppressWarnings("unchecked")
    private static List<Integer>[] newLists(int n) {
        List<Integer>[] lists = new List[n];
        for (int i = 0; i < n; i++) {
            lists[i] = new ArrayList<>(2);
        }
        return lists;
    }
}
