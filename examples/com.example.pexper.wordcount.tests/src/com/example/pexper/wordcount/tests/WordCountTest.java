package com.example.pexper.wordcount.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.pexper.core.data.NumberValue;
import com.pexper.core.data.TextValue;
import com.pexper.core.engine.Engine;
import com.pexper.core.engine.RunRequest;
import com.pexper.core.engine.RunResult;
import com.pexper.core.contribution.Contributions;
import com.pexper.core.node.ContributedNodeTypes;
import com.pexper.core.node.InMemoryNodeTypeRegistry;
import com.pexper.core.data.DataType;
import com.pexper.core.node.Inputs;
import com.pexper.core.node.NodeExecutor;
import com.pexper.core.node.NodeFactory;
import com.pexper.core.node.NodeSignature;
import com.pexper.core.node.NodeType;
import com.pexper.core.node.Outputs;
import com.pexper.core.node.ParameterSpec;
import com.pexper.core.node.ParameterType;
import com.pexper.core.node.PortSpec;
import com.pexper.core.node.NodeTypeRegistry;
import com.pexper.core.node.Parameters;
import com.pexper.core.node.PluginXmlNodeTypes;
import com.pexper.core.workflow.WorkflowValidator;
import com.pexper.model.Workflow;
import com.pexper.model.io.WorkflowFiles;
import com.example.pexper.wordcount.internal.WordCountNode;

/** The proof that the node-type contract works from outside Pexper's own bundles. */
class WordCountTest {

    private static final String WORKFLOW = """
            {
              "formatVersion": 2,
              "name": "Count words",
              "nodes": [
                {"id": "poem", "type": "com.pexper.nodes.basic.text",
                 "parameters": {"text": "So much depends\\nupon a red wheel\\nbarrow \\u2014 \\ud83d\\udc13"}},
                {"id": "count", "type": "com.example.pexper.wordcount.count", "version": "1.0.0",
                 "parameters": {"minimumLength": 2}}
              ],
              "connections": [{"from": "poem.text", "to": "count.text"}]
            }
            """;

    @Test
    void countsWordsLinesAndCharacters() throws Exception {
        var executor = new WordCountNode().configure(Parameters.of(Map.of("minimumLength", 1L)));
        var outputs = executor.execute(Inputs.of(Map.of("text", TextValue.of("one two\nthree, four!\n\u00e9t\u00e9"))),
                null);
        assertEquals(NumberValue.of(5), outputs.get("words"));
        assertEquals(NumberValue.of(3), outputs.get("lines"));
        assertEquals(NumberValue.of(24), outputs.get("characters"));
    }

    @Test
    void runsInAWorkflowRegisteredFromItsPluginXml() throws Exception {
        var registry = new InMemoryNodeTypeRegistry()
                .registerAll(PluginXmlNodeTypes.ofBundleContaining(WordCountNode.class))
                .register(NodeType.of("com.pexper.nodes.basic.text", "1.0.0", "Text", "Input", "", new TextSource()));
        assertCounts(registry);
    }

    @Test
    @Tag("osgi")
    void isContributedThroughTheExtensionPointAndRunsInAWorkflow() throws Exception {
        assertCounts(ContributedNodeTypes.of(Contributions.ofPlatform()));
    }

    @Test
    void anOutOfRangeParameterIsReportedByTheGenericValidation() throws Exception {
        Workflow workflow = WorkflowFiles.read(new ByteArrayInputStream(
                WORKFLOW.replace("\"minimumLength\": 2", "\"minimumLength\": 0").getBytes(StandardCharsets.UTF_8)), "t");
        var registry = new InMemoryNodeTypeRegistry().registerAll(PluginXmlNodeTypes.ofBundleContaining(WordCountNode.class));
        var problems = new WorkflowValidator(registry).validate(workflow, java.nio.file.Path.of("."));
        assertTrue(problems.stream().anyMatch(p -> p.code().equals("parameter-range") && p.nodeId().equals("count")),
                problems.toString());
    }

    /** Stands in for Pexper's text node, which a plug-in's plain unit test need not depend on. */
    private static final class TextSource implements NodeFactory {
        @Override
        public NodeSignature signature() {
            return NodeSignature.builder().output(PortSpec.output("text", DataType.TEXT, ""))
                    .parameter(ParameterSpec.of("text", ParameterType.STRING).build()).build();
        }

        @Override
        public NodeExecutor configure(Parameters parameters) {
            return (inputs, context) -> Outputs.of("text", TextValue.of(parameters.string("text")));
        }
    }

    private static void assertCounts(NodeTypeRegistry registry) throws Exception {
        Workflow workflow = WorkflowFiles.read(new ByteArrayInputStream(WORKFLOW.getBytes(StandardCharsets.UTF_8)),
                "count.pexper");
        try (Engine engine = Engine.builder(registry).build()) {
            RunResult result = engine.run(workflow, RunRequest.builder().build());
            assertEquals(List.of(), result.nodes().stream().filter(n -> n.error() != null).toList());
            Map<String, String> counts = result.node("count").outputs();
            assertEquals("7", counts.get("words"), "'a' is shorter than 2 letters; the emoji is no word");
            assertEquals("3", counts.get("lines"));
            assertEquals("43", counts.get("characters"));
        }
    }
}
