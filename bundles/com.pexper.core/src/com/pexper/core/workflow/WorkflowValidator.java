package com.pexper.core.workflow;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.pexper.core.engine.RunRequest;
import com.pexper.core.engine.ServiceDirectory;
import com.pexper.core.internal.engine.FileParameterCheck;
import com.pexper.core.internal.engine.Planner;
import com.pexper.core.internal.engine.ServiceCheck;
import com.pexper.core.node.NodeTypeRegistry;
import com.pexper.model.Workflow;
import com.pexper.model.validation.Problem;

/**
 * Checks a workflow against the installed node types: everything the structure check finds, plus
 * unknown node types, unconnected required inputs, connections whose types do not fit, parameters
 * of the wrong kind or out of range, and each node type's own checks. Reports all at once.
 */
public final class WorkflowValidator {

    private final NodeTypeRegistry registry;

    public WorkflowValidator(NodeTypeRegistry registry) {
        this.registry = registry;
    }

    /** @param baseDirectory the folder relative paths resolve against: the workflow file's folder */
    public List<Problem> validate(Workflow workflow, Path baseDirectory) {
        return new Planner(registry).plan(workflow, baseDirectory).problems();
    }

    /**
     * All of {@link #validate(Workflow, Path)}, plus the file parameters the run would refuse: paths
     * outside the workflow's folders and the request's grants, or inside a protected folder.
     */
    public List<Problem> validate(Workflow workflow, RunRequest request, List<Path> protectedFolders) {
        return validate(workflow, request, protectedFolders, null);
    }

    /**
     * All of {@link #validate(Workflow, RunRequest, List)}, plus the nodes that need a service
     * {@code services} does not have (the engine refuses those too): what the application that
     * will run the workflow checks.
     */
    public List<Problem> validate(Workflow workflow, RunRequest request, List<Path> protectedFolders,
            ServiceDirectory services) {
        Planner.Result planned = new Planner(registry).plan(workflow, request.baseDirectory());
        if (planned.hasErrors()) {
            return planned.problems();
        }
        List<Problem> problems = new ArrayList<>(planned.problems());
        problems.addAll(FileParameterCheck.problems(planned.plan(), request.fileAccess(protectedFolders)));
        if (services != null) {
            problems.addAll(ServiceCheck.problems(planned.plan(), type -> services.find(type).isPresent()));
        }
        return problems;
    }
}
