package com.pexper.ui.editor.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.pexper.core.data.TextValue;
import com.pexper.core.engine.Redactor;
import com.pexper.core.engine.RunEvent;
import com.pexper.model.validation.Problem;

/**
 * The states are folded from the queued events when they are read, in the order the events were
 * told, as they were when each event was folded at once.
 */
class NodeStatesTest {

    @Test
    void whatIsReadIsEveryEventToldSoFarInTheOrderTold() {
        AtomicInteger announced = new AtomicInteger();
        NodeStates states = new NodeStates(Redactor.NONE, announced::incrementAndGet);
        states.starting(List.of("prompt", "never"));
        states.onEvent(new RunEvent.NodeQueued("r", "prompt"));
        states.onEvent(new RunEvent.NodeStarted("r", "prompt", -1));
        states.onEvent(new RunEvent.NodeText("r", "prompt", 0, "Hello, ", 1));
        assertEquals(NodeState.Phase.RUNNING, states.get("prompt").phase());
        assertEquals("Hello, ", ((Preview.Text) states.get("prompt").preview()).text());
        states.onEvent(new RunEvent.NodeText("r", "prompt", 0, "World", 2));
        states.onEvent(new RunEvent.NodeText("r", "prompt", 0, "!", 3));
        states.onEvent(new RunEvent.NodeOutputs("r", "prompt", List.of(new TextValue("Hello, World!")), -1, false));
        states.onEvent(new RunEvent.NodeFinished("r", "prompt", false, 5_000_000, -1, 0, 0));
        states.runEnded();

        NodeState prompt = states.get("prompt");
        assertEquals(NodeState.Phase.DONE, prompt.phase());
        assertEquals(5_000_000, prompt.nanos());
        assertEquals("Hello, World!", ((Preview.Text) prompt.preview()).text());
        assertEquals("Hello, World!", ((TextValue) states.produced("prompt").orElseThrow().values().get(0)).text());
        assertEquals(null, states.get("never").phase(), "a node the run never reached waits no longer");
        assertTrue(announced.get() >= 7, "every event is announced: " + announced.get());
    }

    @Test
    void aFailureToldBeforeTheRunEndedIsAProblemAndItsDownstreamIsSkipped() {
        NodeStates states = new NodeStates(Redactor.NONE, () -> {
        });
        states.starting(List.of("read", "save"));
        states.onEvent(new RunEvent.NodeStarted("r", "read", -1));
        states.onEvent(new RunEvent.NodeFailed("r", "read", "no such file: a.png"));
        states.onEvent(new RunEvent.NodeSkipped("r", "save", "not run because 'read' failed"));
        states.runEnded();

        assertEquals(NodeState.Phase.FAILED, states.get("read").phase());
        assertEquals(NodeState.Phase.SKIPPED, states.get("save").phase());
        assertEquals(List.of("read"), states.failures().stream().map(Problem::nodeId).toList());
    }
}
