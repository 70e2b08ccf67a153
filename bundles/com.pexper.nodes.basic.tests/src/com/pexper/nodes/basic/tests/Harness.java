package com.pexper.nodes.basic.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.pexper.core.engine.Engine;
import com.pexper.core.engine.InvalidWorkflowException;
import com.pexper.core.engine.RunEvent;
import com.pexper.core.engine.RunRequest;
import com.pexper.core.engine.RunResult;
import com.pexper.core.node.InMemoryNodeTypeRegistry;
import com.pexper.core.node.PluginXmlNodeTypes;
import com.pexper.core.workflow.WorkflowValidator;
import com.pexper.model.Workflow;
import com.pexper.model.WorkflowFactory;
import com.pexper.model.build.WorkflowBuilder;
import com.pexper.model.validation.Problem;
import com.pexper.nodes.basic.internal.TextNode;

/** Runs workflows of basic nodes, registered from the bundle's own plugin.xml, in a temporary folder. */
final class Harness implements AutoCloseable {

    static final String P = "com.pexper.nodes.basic.";
    final InMemoryNodeTypeRegistry registry;
    final Engine engine;
    final Path folder;
    final Workflow workflow = WorkflowFactory.eINSTANCE.createWorkflow();
    final List<RunEvent> events = new CopyOnWriteArrayList<>();
    Path outputFolder;
    /** Stands for Pexper's data folder: protected from every node. */
    final Path home;

    Harness(Path folder) {
        try {
            registry = new InMemoryNodeTypeRegistry().registerAll(PluginXmlNodeTypes.ofBundleContaining(TextNode.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.folder = folder;
        this.outputFolder = folder.resolve("out");
        this.home = folder.resolve("pexper-home");
        engine = Engine.builder(registry).parallelism(2).scratchDirectory(folder.resolve("scratch")).protect(home).build();
        workflow.setName("test");
    }

    Harness node(String id, String type, Object... parameters) {
        workflow.getNodes().add(WorkflowBuilder.newNode(id, P + type, parameters));
        return this;
    }

    Harness connect(String from, String to) {
        workflow.getConnections().add(WorkflowBuilder.newConnection(from, to));
        return this;
    }

    List<Problem> validate() {
        return new WorkflowValidator(registry).validate(workflow, folder);
    }

    /** Every problem a run would meet before starting, the file parameters' confinement included. */
    List<Problem> validateRun() {
        return new WorkflowValidator(registry).validate(workflow, request().build(), List.of(home));
    }

    RunResult run() throws InvalidWorkflowException, InterruptedException {
        return engine.run(workflow, request().build());
    }

    RunRequest.Builder request() {
        return RunRequest.builder().workflowFile(folder.resolve("test.pexper")).outputDirectory(outputFolder)
                .listener(events::add);
    }

    @Override
    public void close() {
        engine.close();
    }
}
