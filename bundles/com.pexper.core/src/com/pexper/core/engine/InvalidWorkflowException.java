package com.pexper.core.engine;

import java.util.List;

import com.pexper.model.validation.Problem;

/** The workflow cannot run; every problem found is listed. */
public class InvalidWorkflowException extends Exception {

    private static final long serialVersionUID = 1L;

    private final List<Problem> problems;

    public InvalidWorkflowException(String workflow, List<Problem> problems) {
        super(workflow + " cannot run: " + problems.stream().filter(Problem::isError).count() + " problem(s)\n  "
                + String.join("\n  ", problems.stream().map(Problem::toString).toList()));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
