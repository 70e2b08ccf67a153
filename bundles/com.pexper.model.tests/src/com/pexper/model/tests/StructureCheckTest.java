package com.pexper.model.tests;

import static com.pexper.model.tests.TestWorkflows.connect;
import static com.pexper.model.tests.TestWorkflows.node;
import static com.pexper.model.tests.TestWorkflows.workflow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.pexper.model.Node;
import com.pexper.model.Workflow;
import com.pexper.model.graph.WorkflowGraph;
import com.pexper.model.validation.Problem;
import com.pexper.model.validation.StructureCheck;

class StructureCheckTest {

    private static List<Problem> check(Workflow w) {
        return StructureCheck.check(w, WorkflowGraph.of(w));
    }

    private static List<String> codes(List<Problem> problems) {
        return problems.stream().map(Problem::code).sorted().toList();
    }

    @Test
    void aSoundWorkflowHasNoProblems() {
        Workflow w = TestWorkflows.chain("ok", 5);
        assertEquals(List.of(), check(w));
    }

    @Test
    void everyProblemIsReportedAtOnceEachNamingItsNodeAndAFix() {
        Workflow w = workflow("broken");
        node(w, "a", "t");
        node(w, "a", "t"); // duplicate id
        node(w, "bad id!", "t");
        node(w, "untyped", null);
        Node colours = node(w, "colours", "t");
        var colour = TestWorkflows.F.createColorParameter();
        colour.setName("tint");
        colour.setValue("red");
        colours.getParameters().add(colour);
        TestWorkflows.text(colours, "p", "1");
        TestWorkflows.text(colours, "p", "2");
        node(w, "x", "t");
        node(w, "y", "t");
        connect(w, "x.out", "y.in");
        connect(w, "y.out", "x.in"); // cycle
        connect(w, "a.out", "ghost.in"); // dangling
        connect(w, "colours.out", "untyped.in");
        connect(w, "colours.out", "untyped.in"); // duplicate connection
        connect(w, "a.out", "untyped.in"); // second connection into the same input

        List<Problem> problems = check(w);
        assertEquals(List.of("cycle", "dangling-connection", "duplicate-connection", "duplicate-id",
                "duplicate-parameter", "input-connected-twice", "invalid-color", "invalid-id", "missing-type"),
                codes(problems));
        for (Problem problem : problems) {
            assertTrue(problem.isError());
            assertTrue(problem.fix() != null && !problem.fix().isBlank(), problem.toString());
        }
        Problem dangling = problems.stream().filter(p -> p.code().equals("dangling-connection")).findFirst().get();
        assertEquals("a", dangling.nodeId());
        assertTrue(dangling.message().contains("'ghost'"), dangling.message());
        Problem cycle = problems.stream().filter(p -> p.code().equals("cycle")).findFirst().get();
        assertTrue(cycle.message().contains("x -> y -> x") || cycle.message().contains("y -> x -> y"),
                cycle.message());
        assertTrue(cycle.toString().startsWith("node '"), cycle.toString());
    }

    @Test
    void aNodeConnectedToItselfIsACycle() {
        Workflow w = workflow("loop");
        node(w, "me", "t");
        connect(w, "me.out", "me.in");
        assertEquals(List.of("cycle"), codes(check(w)));
    }

    @Test
    void aNodeWithoutIdIsReportedByItsType() {
        Workflow w = workflow("anon");
        node(w, null, "com.example.thing");
        Problem problem = check(w).get(0);
        assertEquals("missing-id", problem.code());
        assertTrue(problem.message().contains("com.example.thing"));
    }
}
