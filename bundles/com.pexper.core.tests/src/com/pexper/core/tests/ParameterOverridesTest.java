package com.pexper.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.pexper.core.workflow.ParameterOverrides;
import com.pexper.model.IntegerParameter;
import com.pexper.model.StringParameter;
import com.pexper.model.Workflow;
import com.pexper.model.build.WorkflowBuilder;

class ParameterOverridesTest {

    @Test
    void settingsAreParsedByTheParametersDeclaredKind() {
        Workflow workflow = WorkflowBuilder.named("w").node("t", "test.text", "text", "old").node("s", "test.sleep").build();
        List<String> problems = ParameterOverrides.apply(workflow, TestNodes.registry(new TestNodes.Journal()),
                List.of("t.text=new = with equals", "s.millis=250"));
        assertEquals(List.of(), problems);
        assertEquals("new = with equals", ((StringParameter) workflow.getNode("t").getParameter("text")).getValue());
        assertEquals(250L, ((IntegerParameter) workflow.getNode("s").getParameter("millis")).getValue());
    }

    @Test
    void eachBadSettingIsExplained() {
        Workflow workflow = WorkflowBuilder.named("w").node("s", "test.sleep").build();
        List<String> problems = ParameterOverrides.apply(workflow, TestNodes.registry(new TestNodes.Journal()),
                List.of("nodot", "x.millis=1", "s.nope=1", "s.millis=soon"));
        assertEquals(4, problems.size());
        assertTrue(problems.get(0).contains("NODE.PARAMETER=VALUE"), problems.get(0));
        assertTrue(problems.get(1).contains("no node 'x'"), problems.get(1));
        assertTrue(problems.get(2).contains("has no parameter 'nope'; it has: millis"), problems.get(2));
        assertTrue(problems.get(3).contains("'soon' is not a whole number"), problems.get(3));
        assertEquals(null, workflow.getNode("s").getParameter("millis"), "nothing was applied");
    }
}
