package com.pexper.core.internal.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import com.pexper.model.validation.Problem;

/**
 * Refuses, before anything runs, a workflow whose nodes need an application service the host did
 * not provide (the AI providers in an application without them): the node is named up front, not
 * failed item by item halfway through a batch.
 */
public final class ServiceCheck {

    private ServiceCheck() {
    }

    public static List<Problem> problems(Plan plan, Predicate<Class<?>> provided) {
        List<Problem> problems = new ArrayList<>();
        for (Plan.Step step : plan.steps()) {
            for (Class<?> service : step.signature().services()) {
                if (!provided.test(service)) {
                    problems.add(Problem.error("missing-service", step.id(), step.type().label() + " needs "
                            + service.getSimpleName() + ", which this application does not provide; run the workflow"
                            + " with ./pexper run or in the workbench, which do.", null));
                }
            }
        }
        return problems;
    }
}
