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
import com.pexper.model.Node;
import com.pexper.model.Workflow;
import com.pexper.model.WorkflowFactory;
import com.pexper.model.validation.Problem;
import com.pexper.nodes.basic.internal.TextNode;

/** Runs workflows of basic nodes, registered from the bundle's own plugin.xml, in a temporary folder. */
final class Harness implements AutoCloseable {

    static final String P = "com.pexper.nodes.basic.";
    private static final WorkflowFactory F = WorkflowFactory.eINSTANCE;

    final InMemoryNodeTypeRegistry registry;
    final Engine engine;
    final Path folder;
    final Workflow workflow = F.createWorkflow();
    final List<RunEvent> events = new CopyOnWriteArrayList<>();
    Path outputFolder;

    Harness(Path folder) {
        try {
            registry = new InMemoryNodeTypeRegistry().registerAll(PluginXmlNodeTypes.ofBundleContaining(TextNode.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.folder = folder;
        this.outputFolder = folder.resolve("out");
        engine = Engine.builder(registry).parallelism(2).scratchDirectory(folder.resolve("scratch")).build();
        workflow.setName("test");
    }

    Harness node(String id, String type, Object... parameters) {
        Node node = F.createNode();
        node.setId(id);
        node.setType(P + type);
        for (int i = 0; i < parameters.length; i += 2) {
            String name = (String) parameters[i];
            var value = switch (parameters[i + 1]) {
                case String s -> {
                    var p = F.createStringParameter();
                    p.setValue(s);
                    yield p;
                }
                case Double d -> {
                    var p = F.createDecimalParameter();
                    p.setValue(d);
                    yield p;
                }
                case Boolean b -> {
                    var p = F.createBooleanParameter();
                    p.setValue(b);
                    yield p;
                }
                case Path path -> {
                    var p = F.createFilePathParameter();
                    p.setValue(path.toString());
                    yield p;
                }
                default -> throw new IllegalArgumentException(String.valueOf(parameters[i + 1]));
            };
            value.setName(name);
            node.getParameters().add(value);
        }
        workflow.getNodes().add(node);
        return this;
    }

    Harness connect(String from, String to) {
        var c = F.createConnection();
        c.setSourceNode(from.substring(0, from.indexOf('.')));
        c.setSourcePort(from.substring(from.indexOf('.') + 1));
        c.setTargetNode(to.substring(0, to.indexOf('.')));
        c.setTargetPort(to.substring(to.indexOf('.') + 1));
        workflow.getConnections().add(c);
        return this;
    }

    List<Problem> validate() {
        return new WorkflowValidator(registry).validate(workflow, folder);
    }

    RunResult run() throws InvalidWorkflowException, InterruptedException {
        return engine.run(workflow, RunRequest.builder().workflowFile(folder.resolve("test.pexper"))
                .outputDirectory(outputFolder).listener(events::add).build());
    }

    @Override
    public void close() {
        engine.close();
    }
}
