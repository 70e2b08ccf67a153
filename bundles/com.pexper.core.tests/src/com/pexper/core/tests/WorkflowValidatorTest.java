package com.pexper.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.pexper.core.workflow.WorkflowValidator;
import com.pexper.model.Workflow;
import com.pexper.model.build.WorkflowBuilder;
import com.pexper.model.validation.Problem;

class WorkflowValidatorTest {

    private final WorkflowValidator validator = new WorkflowValidator(TestNodes.registry(new TestNodes.Journal()));

    private List<Problem> validate(Workflow workflow) {
        return validator.validate(workflow, Path.of("/tmp"));
    }

    private static Problem only(List<Problem> problems, String code) {
        List<Problem> matching = problems.stream().filter(p -> p.code().equals(code)).toList();
        assertEquals(1, matching.size(), code + " in " + problems);
        return matching.get(0);
    }

    @Test
    void aSoundWorkflowValidates() {
        Workflow workflow = WorkflowBuilder.named("ok").node("t", "test.text", "text", "hi").node("u", "test.upper")
                .connect("t.text", "u.in").build();
        assertEquals(List.of(), validate(workflow));
    }

    @Test
    void everyKindOfProblemIsReportedInOnePassEachNamingItsNodeAndFix() {
        Workflow workflow = WorkflowBuilder.named("broken")
                .node("mystery", "com.thirdparty.Frobnicate")       // unknown node type
                .node("lonely", "test.upper")                        // missing required input
                .node("list", "test.list", "items", "a")
                .node("sleepy", "test.sleep", "millis", "soon")     // wrong parameter kind
                .node("negative", "test.sleep", "millis", -5L)      // out of range
                .node("typo", "test.text", "txet", "x")             // unknown parameter (warning)
                .node("emptyList", "test.list", "items", " ")       // the node type's own check
                .node("a", "test.upper").node("b", "test.upper")    // cycle
                .node("num", "test.spin").node("needsText", "test.upper")
                .connect("a.out", "b.in").connect("b.out", "a.in")
                .connect("num.out", "needsText.in")                  // Number -> Text converts: fine
                .connect("list.items", "ghost.in")                   // dangling
                .connect("list.nope", "sleepy.in")                   // unknown output
                .build();
        List<Problem> problems = validate(workflow);
        assertEquals(List.of("cycle", "dangling-connection", "invalid-configuration", "missing-input",
                "parameter-range", "parameter-type", "unknown-node-type", "unknown-output", "unknown-parameter"),
                problems.stream().map(Problem::code).sorted().toList());
        assertEquals("mystery", only(problems, "unknown-node-type").nodeId());
        assertEquals("lonely", only(problems, "missing-input").nodeId());
        assertTrue(only(problems, "parameter-type").message().contains("should be whole number"));
        assertTrue(only(problems, "parameter-range").fix().contains("[0, inf]"));
        assertEquals(Problem.Severity.WARNING, only(problems, "unknown-parameter").severity());
        assertTrue(only(problems, "invalid-configuration").message().contains("'items' is empty"));
        for (Problem problem : problems) {
            assertTrue(problem.toString().length() > 20, problem.toString());
        }
    }

    @Test
    void anEmptyOrImpossibleFilePathIsAProblemNamingTheNodeAndParameterNotACrash() {
        Workflow workflow = WorkflowBuilder.named("paths").node("t", "test.text", "text", "hi")
                .node("empty", "test.write", "path", "").node("nul", "test.write", "path", "out/a\u0000b.txt")
                .connect("t.text", "empty.in").connect("t.text", "nul.in").build();
        List<Problem> problems = validate(workflow);
        Problem empty = only(problems, "empty-parameter");
        assertEquals("empty", empty.nodeId());
        assertTrue(empty.message().contains("parameter 'path' (file path) is empty"), empty.message());
        assertTrue(empty.fix().contains("relative to the workflow's folder"), empty.fix());
        Problem nul = only(problems, "invalid-path");
        assertEquals("nul", nul.nodeId());
        assertTrue(nul.message().contains("parameter 'path' is not a valid path: \"out/a\\u0000b.txt\""),
                nul.message());
    }

    @Test
    void aConnectionWhoseTypesCannotMeetIsAMismatch() {
        Workflow workflow = WorkflowBuilder.named("mismatch").node("t", "test.text", "text", "x")
                .node("w", "test.write", "path", "out.txt").node("spin", "test.spin")
                .node("join", "test.join")
                .connect("t.text", "w.in").connect("w.file", "join.a")  // File -> Text converts: fine
                .connect("spin.out", "join.b")                           // Number -> Text converts: fine
                .build();
        assertEquals(List.of(), validate(workflow));

        Workflow bad = WorkflowBuilder.named("bad").node("t", "test.text", "text", "x").node("spin", "test.spin")
                .node("s", "test.sleep").node("l", "test.list", "items", "a")
                .connect("l.items", "s.in")   // a list to a single-text port: mapped, fine
                .build();
        assertEquals(List.of(), validate(bad));
    }

    @Test
    void aTypeMismatchNamesBothTypesAndTheFix() {
        Workflow workflow = WorkflowBuilder.named("mismatch").node("t", "test.text", "text", "7")
                .node("l", "test.list", "items", "1, 2").node("n", "test.negate").node("m", "test.negate")
                .connect("t.text", "n.x").connect("l.items", "m.x").build();
        List<Problem> problems = validate(workflow);
        assertEquals(List.of("n", "m"), problems.stream().map(Problem::nodeId).toList(), problems.toString());
        assertEquals("type-mismatch", problems.get(0).code());
        assertEquals("the connection t.text -> n.x gives Text but input 'x' takes Number.", problems.get(0).message());
        assertEquals("Connect an output that gives Number, or convert the value first.", problems.get(0).fix());
        assertTrue(problems.get(1).message().contains("gives List of Text but input 'x' takes Number"),
                "a list of what cannot convert is a mismatch too, not a mapping");
    }

    @Test
    void aListFedToASingleItemPortIsMappedNotAMismatch() {
        Workflow workflow = WorkflowBuilder.named("mapped").node("l", "test.list", "items", "a")
                .node("up", "test.upper").connect("l.items", "up.in").build();
        assertEquals(List.of(), validate(workflow));
    }
}
