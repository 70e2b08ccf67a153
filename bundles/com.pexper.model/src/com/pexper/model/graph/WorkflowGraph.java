package com.pexper.model.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.pexper.model.Connection;
import com.pexper.model.Node;
import com.pexper.model.Workflow;

/**
 * An index over a workflow's nodes and connections, taken at one moment: nodes by id, the
 * connections into and out of each node, a topological order and the cycles that prevent one.
 * Connections whose ends name no node are kept aside as dangling. Building it is linear in the size
 * of the workflow.
 */
public final class WorkflowGraph {

    private final List<Node> nodes;
    private final Map<String, Integer> indexById;
    private final List<Connection>[] incoming;
    private final List<Connection>[] outgoing;
    /** For each node, the index of the source of each of its incoming connections, in the same order. */
    private final int[][] incomingSources;
    /** For each node, the index of the target of each of its outgoing connections, in the same order. */
    private final int[][] outgoingTargets;
    private final int[] topologicalOrder;
    private final List<Connection> dangling;
    private final Set<String> duplicateIds;

    @SuppressWarnings("unchecked")
    private WorkflowGraph(Workflow workflow) {
        nodes = List.copyOf(workflow.getNodes());
        int n = nodes.size();
        indexById = HashMap.newHashMap(n);
        Set<String> duplicates = new LinkedHashSet<>();
        for (int i = 0; i < n; i++) {
            String id = nodes.get(i).getId();
            if (id != null && indexById.putIfAbsent(id, i) != null) {
                duplicates.add(id);
            }
        }
        duplicateIds = Collections.unmodifiableSet(duplicates);
        incoming = new List[n];
        outgoing = new List[n];
        List<Connection> unresolved = new ArrayList<>();
        for (Connection c : workflow.getConnections()) {
            Integer from = c.getSourceNode() == null ? null : indexById.get(c.getSourceNode());
            Integer to = c.getTargetNode() == null ? null : indexById.get(c.getTargetNode());
            if (from == null || to == null) {
                unresolved.add(c);
                continue;
            }
            add(outgoing, from, c);
            add(incoming, to, c);
        }
        dangling = List.copyOf(unresolved);
        incomingSources = new int[n][];
        outgoingTargets = new int[n][];
        for (int i = 0; i < n; i++) {
            incomingSources[i] = ends(incoming[i], true);
            outgoingTargets[i] = ends(outgoing[i], false);
        }
        topologicalOrder = kahn();
    }

    public static WorkflowGraph of(Workflow workflow) {
        return new WorkflowGraph(workflow);
    }

    private static void add(List<Connection>[] lists, int index, Connection c) {
        if (lists[index] == null) {
            lists[index] = new ArrayList<>(2);
        }
        lists[index].add(c);
    }

    private int[] ends(List<Connection> connections, boolean sources) {
        if (connections == null) {
            return new int[0];
        }
        int[] ends = new int[connections.size()];
        for (int k = 0; k < ends.length; k++) {
            Connection c = connections.get(k);
            ends[k] = indexById.get(sources ? c.getSourceNode() : c.getTargetNode());
        }
        return ends;
    }

    private int[] kahn() {
        int n = nodes.size();
        int[] pending = new int[n];
        for (int i = 0; i < n; i++) {
            pending[i] = incoming[i] == null ? 0 : incoming[i].size();
        }
        int[] order = new int[n];
        int head = 0;
        int tail = 0;
        for (int i = 0; i < n; i++) {
            if (pending[i] == 0) {
                order[tail++] = i;
            }
        }
        while (head < tail) {
            int i = order[head++];
            for (int to : outgoingTargets[i]) {
                if (--pending[to] == 0) {
                    order[tail++] = to;
                }
            }
        }
        return tail == n ? order : Arrays.copyOf(order, tail);
    }

    public List<Node> nodes() {
        return nodes;
    }

    public int size() {
        return nodes.size();
    }

    public Node node(int index) {
        return nodes.get(index);
    }

    /** The index of the node with this id, or -1. With duplicate ids, the first one. */
    public int indexOf(String id) {
        Integer index = id == null ? null : indexById.get(id);
        return index == null ? -1 : index;
    }

    /** Resolved connections into the node at this index. */
    public List<Connection> incoming(int index) {
        return incoming[index] == null ? List.of() : Collections.unmodifiableList(incoming[index]);
    }

    /** The index of the source node of each of {@link #incoming(int)}, in the same order. */
    public int sourceOf(int index, int k) {
        return incomingSources[index][k];
    }

    /** Resolved connections out of the node at this index. */
    public List<Connection> outgoing(int index) {
        return outgoing[index] == null ? List.of() : Collections.unmodifiableList(outgoing[index]);
    }

    /** Connections that name a node the workflow does not have. */
    public List<Connection> dangling() {
        return dangling;
    }

    /** Ids used by more than one node. */
    public Set<String> duplicateIds() {
        return duplicateIds;
    }

    public boolean isAcyclic() {
        return topologicalOrder.length == nodes.size();
    }

    /**
     * Node indexes such that every node comes after the nodes it takes input from. When the graph
     * has cycles, only the nodes that do not depend on a cycle.
     */
    public int[] topologicalOrder() {
        return topologicalOrder.clone();
    }

    /**
     * The cycles, each as the node indexes of one strongly connected component (Tarjan), in the
     * order they are met. A node connected to itself is a cycle of one.
     */
    public List<int[]> cycles() {
        if (isAcyclic()) {
            return List.of();
        }
        return new Tarjan().run();
    }

    private final class Tarjan {
        private final int[] index = new int[nodes.size()];
        private final int[] low = new int[nodes.size()];
        private final boolean[] onStack = new boolean[nodes.size()];
        private final Deque<Integer> stack = new ArrayDeque<>();
        private final List<int[]> components = new ArrayList<>();
        private int counter = 1;

        List<int[]> run() {
            for (int v = 0; v < nodes.size(); v++) {
                if (index[v] == 0) {
                    visit(v);
                }
            }
            return components;
        }

        // Iterative, so that a long chain of nodes cannot overflow the stack.
        private void visit(int root) {
            Deque<int[]> work = new ArrayDeque<>(); // {node, next edge}
            work.push(new int[] { root, 0 });
            open(root);
            while (!work.isEmpty()) {
                int[] frame = work.peek();
                int v = frame[0];
                int[] edges = outgoingTargets[v];
                if (frame[1] < edges.length) {
                    int w = edges[frame[1]++];
                    if (index[w] == 0) {
                        open(w);
                        work.push(new int[] { w, 0 });
                    } else if (onStack[w]) {
                        low[v] = Math.min(low[v], index[w]);
                    }
                    continue;
                }
                work.pop();
                if (!work.isEmpty()) {
                    int parent = work.peek()[0];
                    low[parent] = Math.min(low[parent], low[v]);
                }
                if (low[v] == index[v]) {
                    List<Integer> component = new ArrayList<>();
                    int w;
                    do {
                        w = stack.pop();
                        onStack[w] = false;
                        component.add(w);
                    } while (w != v);
                    if (component.size() > 1 || selfLoop(v)) {
                        Collections.reverse(component);
                        components.add(component.stream().mapToInt(Integer::intValue).toArray());
                    }
                }
            }
        }

        private void open(int v) {
            index[v] = counter;
            low[v] = counter++;
            stack.push(v);
            onStack[v] = true;
        }

        private boolean selfLoop(int v) {
            for (int w : outgoingTargets[v]) {
                if (w == v) {
                    return true;
                }
            }
            return false;
        }
    }
}
