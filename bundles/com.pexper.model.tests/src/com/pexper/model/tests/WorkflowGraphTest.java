package com.pexper.model.tests;

import static com.pexper.model.tests.TestWorkflows.connect;
import static com.pexper.model.tests.TestWorkflows.node;
import static com.pexper.model.tests.TestWorkflows.workflow;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.pexper.model.Workflow;
import com.pexper.model.graph.WorkflowGraph;

class WorkflowGraphTest {

    @Test
    void everyNodeComesAfterTheNodesItTakesInputFrom() {
        Workflow w = workflow("diamond");
        node(w, "sink", "t");
        node(w, "left", "t");
        node(w, "right", "t");
        node(w, "top", "t");
        connect(w, "top.o", "left.i");
        connect(w, "top.o", "right.i");
        connect(w, "left.o", "sink.a");
        connect(w, "right.o", "sink.b");
        WorkflowGraph graph = WorkflowGraph.of(w);
        assertTrue(graph.isAcyclic());
        List<String> order = Arrays.stream(graph.topologicalOrder()).mapToObj(i -> graph.node(i).getId()).toList();
        assertEquals("top", order.get(0));
        assertEquals("sink", order.get(3));
        assertEquals(2, graph.incoming(graph.indexOf("sink")).size());
        assertEquals(2, graph.outgoing(graph.indexOf("top")).size());
    }

    @Test
    void cyclesAreFoundAndTheirDownstreamIsLeftOutOfTheOrder() {
        Workflow w = workflow("cyclic");
        node(w, "a", "t");
        node(w, "b", "t");
        node(w, "c", "t");
        node(w, "after", "t");
        node(w, "free", "t");
        connect(w, "a.o", "b.i");
        connect(w, "b.o", "c.i");
        connect(w, "c.o", "a.i");
        connect(w, "c.o", "after.i");
        WorkflowGraph graph = WorkflowGraph.of(w);
        assertFalse(graph.isAcyclic());
        assertEquals(1, graph.cycles().size());
        int[] cycle = graph.cycles().get(0).clone();
        Arrays.sort(cycle);
        assertArrayEquals(new int[] { 0, 1, 2 }, cycle);
        assertArrayEquals(new int[] { graph.indexOf("free") }, graph.topologicalOrder());
    }

    @Test
    void aLongChainDoesNotOverflowTheStack() {
        Workflow w = TestWorkflows.chain("long", 50_000);
        connect(w, "n49999.out", "n0.back");
        WorkflowGraph graph = WorkflowGraph.of(w);
        assertEquals(1, graph.cycles().size());
        assertEquals(50_000, graph.cycles().get(0).length);
    }

    @Test
    void danglingConnectionsAreSetAside() {
        Workflow w = workflow("dangling");
        node(w, "a", "t");
        connect(w, "a.o", "nowhere.i");
        WorkflowGraph graph = WorkflowGraph.of(w);
        assertEquals(1, graph.dangling().size());
        assertEquals(0, graph.outgoing(0).size());
        assertEquals(-1, graph.indexOf("nowhere"));
    }
}
