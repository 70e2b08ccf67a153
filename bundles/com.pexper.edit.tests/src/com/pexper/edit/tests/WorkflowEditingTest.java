package com.pexper.edit.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.pexper.core.contribution.Contributions;
import com.pexper.core.data.TextValue;
import com.pexper.core.engine.Engine;
import com.pexper.core.engine.RunRequest;
import com.pexper.core.engine.RunResult;
import com.pexper.core.node.ContributedNodeTypes;
import com.pexper.core.node.NodeTypeRegistry;
import com.pexper.edit.EditRefusedException;
import com.pexper.edit.NodeGroup;
import com.pexper.edit.PortMatch;
import com.pexper.edit.WorkflowEditing;
import com.pexper.model.Connection;
import com.pexper.model.Node;
import com.pexper.model.Workflow;
import com.pexper.model.WorkflowFactory;
import com.pexper.model.io.WorkflowFiles;

/** Every edit is a command: done, undone and redone, the file saved after each is what it should be. */
class WorkflowEditingTest {

    private static final String TEXT = "com.pexper.nodes.basic.text";
    private static final String TEMPLATE = "com.pexper.nodes.basic.template";
    private static final String OUTPUT = "com.pexper.nodes.basic.output";
    private static final String NUMBER = "com.pexper.nodes.basic.number";
    private static final String READ_TEXT = "com.pexper.nodes.basic.readText";

    @TempDir
    Path folder;
    NodeTypeRegistry registry;
    WorkflowEditing editing;
    int changes;

    @BeforeEach
    void setUp() throws Exception {
        registry = ContributedNodeTypes.of(Contributions.ofBundlesContaining(
                Class.forName("com.pexper.nodes.basic.internal.TextNode")));
        Workflow empty = WorkflowFactory.eINSTANCE.createWorkflow();
        empty.setName("Hello");
        editing = new WorkflowEditing(empty, registry, folder);
        editing.onChange(() -> changes++);
    }

    private byte[] bytes() {
        return WorkflowFiles.toBytes(editing.workflow());
    }

    /** Builds hello.pexper, edit by edit, and returns the bytes after each edit. */
    private List<byte[]> buildHello() throws Exception {
        List<byte[]> states = new ArrayList<>();
        Node name = editing.addNode(TEXT, 40, 80);
        states.add(bytes());
        editing.setParameter(name, "text", "World");
        states.add(bytes());
        Node greet = editing.addNode(TEMPLATE, 280, 80);
        states.add(bytes());
        editing.setParameter(greet, "template", "Hello, {{name}}!");
        states.add(bytes());
        Node result = editing.addNode(OUTPUT, 520, 80);
        states.add(bytes());
        editing.connect(name, "text", greet, "name");
        states.add(bytes());
        editing.connect(greet, "text", result, "value");
        states.add(bytes());
        editing.move(List.of(result), 20, 0);
        states.add(bytes());
        return states;
    }

    @Test
    void helloBuiltEditByEditRunsAndUndoesToEmptyAndRedoesToTheSameBytes() throws Exception {
        byte[] empty = bytes();
        List<byte[]> states = buildHello();
        assertTrue(editing.isDirty());
        Path file = folder.resolve("hello.pexper");
        WorkflowFiles.save(editing.workflow(), file);
        editing.saved();
        assertFalse(editing.isDirty());
        try (Engine engine = Engine.builder(registry).scratchDirectory(folder.resolve("scratch")).build()) {
            RunResult result = engine.run(WorkflowFiles.load(file), RunRequest.builder().workflowFile(file).build());
            assertEquals(TextValue.of("Hello, World!"), result.outputs().values().iterator().next());
        }
        assertEquals("template", editing.node("template").orElseThrow().getId(), "ids come from the type's name");
        for (int i = states.size() - 1; i > 0; i--) {
            assertArrayEquals(states.get(i), bytes());
            editing.undo();
            assertArrayEquals(states.get(i - 1), bytes(), "undo of edit " + i);
        }
        editing.undo();
        assertArrayEquals(empty, bytes(), "undone all the way: the empty workflow");
        assertFalse(editing.canUndo());
        assertTrue(editing.isDirty(), "not what was saved");
        for (byte[] state : states) {
            editing.redo();
            assertArrayEquals(state, bytes());
        }
        assertArrayEquals(Files.readAllBytes(file), bytes(), "redone all the way: the file saved");
        assertFalse(editing.isDirty(), "back where it was saved");
        assertEquals(3 * states.size() + 1, changes, "listeners hear every edit, undo, redo and the save");
    }

    @Test
    void portsOfDifferentTypesAreRefusedOrConvertedAndALoopIsRefused() throws Exception {
        Node number = editing.addNode(NUMBER, 0, 0);
        Node text = editing.addNode(TEXT, 0, 100);
        Node template = editing.addNode(TEMPLATE, 200, 0);
        editing.setParameter(template, "template", "{{a}}");
        Node read = editing.addNode(READ_TEXT, 400, 0);
        assertEquals(PortMatch.CONVERTS, editing.match(number, "number", template, "a"), "Number to Text");
        assertEquals(PortMatch.FITS, editing.match(text, "text", template, "a"));
        assertEquals(PortMatch.REFUSED, editing.match(template, "text", template, "a"), "not onto itself");
        editing.connect(template, "text", read, "file");
        assertEquals(PortMatch.CONVERTS, editing.match(template, "text", read, "file"), "Text to File: a path");
        EditRefusedException loop = assertThrows(EditRefusedException.class,
                () -> editing.connect(read, "text", template, "a"));
        assertTrue(loop.getMessage().contains("would make a loop"), loop.getMessage());
        EditRefusedException unknown = assertThrows(EditRefusedException.class,
                () -> editing.connect(number, "nothing", template, "a"));
        assertTrue(unknown.getMessage().contains("has no output 'nothing'"), unknown.getMessage());
        assertThrows(EditRefusedException.class, () -> editing.setParameter(number, "number", "many"));
    }

    @Test
    void connectingAnInputAgainReplacesItsConnectionAndUndoBringsItBack() throws Exception {
        Node first = editing.addNode(TEXT, 0, 0);
        Node second = editing.addNode(TEXT, 0, 100);
        Node out = editing.addNode(OUTPUT, 200, 0);
        editing.connect(first, "text", out, "value");
        byte[] before = bytes();
        editing.connect(second, "text", out, "value");
        assertEquals(1, editing.workflow().getConnections().size(), "an input takes one value");
        assertEquals("text2", editing.workflow().getConnections().get(0).getSourceNode());
        editing.undo();
        assertArrayEquals(before, bytes());
    }

    @Test
    void deletingANodeTakesItsConnectionsAndUndoPutsEverythingBackInPlace() throws Exception {
        buildHello();
        byte[] before = bytes();
        Node greet = editing.node("template").orElseThrow();
        editing.delete(List.of(greet), List.of());
        assertEquals(2, editing.workflow().getNodes().size());
        assertEquals(List.of(), editing.workflow().getConnections(), "both of its connections went with it");
        assertEquals("Delete Node", editing.undoLabel());
        editing.undo();
        assertArrayEquals(before, bytes(), "the same bytes: every node and connection at its place");
        Connection first = editing.workflow().getConnections().get(0);
        editing.delete(List.of(), List.of(first));
        assertEquals(1, editing.workflow().getConnections().size());
        editing.undo();
        assertArrayEquals(before, bytes());
    }

    @Test
    void pastingCopiesTheNodesWithTheConnectionsAmongThemUnderFreshIdsInOneEdit() throws Exception {
        buildHello();
        byte[] before = bytes();
        Node name = editing.node("text").orElseThrow();
        Node greet = editing.node("template").orElseThrow();
        Workflow copied = editing.copy(List.of(name, greet));
        assertEquals(2, copied.getNodes().size());
        assertEquals(1, copied.getConnections().size(), "only the connection between the two; not the one to Output");
        Workflow fromClipboard = WorkflowFiles.read(new java.io.ByteArrayInputStream(WorkflowFiles.toBytes(copied)),
                "the clipboard");
        List<Node> pasted = editing.paste(fromClipboard, 40, 40);
        assertEquals(List.of("text2", "template2"), pasted.stream().map(Node::getId).toList());
        assertEquals(name.getX() + 40, pasted.get(0).getX());
        Connection inner = editing.workflow().getConnections().get(editing.workflow().getConnections().size() - 1);
        assertEquals(List.of("text2", "text", "template2", "name"), List.of(inner.getSourceNode(),
                inner.getSourcePort(), inner.getTargetNode(), inner.getTargetPort()));
        assertEquals("Paste 2 Nodes", editing.undoLabel());
        editing.undo();
        assertArrayEquals(before, bytes(), "one undo takes the whole paste back");
    }

    @Test
    void arrangingPlacesEachNodeRightOfItsInputsWithoutOverlapsInOneUndoableEdit() throws Exception {
        buildHello();
        Node extra = editing.addNode(TEXT, 0, 0);
        for (Node node : editing.workflow().getNodes()) {
            editing.move(List.of(node), 100 - node.getX(), 100 - node.getY()); // all on one spot
        }
        byte[] piled = bytes();
        java.util.Map<Node, double[]> sizes = new java.util.LinkedHashMap<>();
        editing.workflow().getNodes().forEach(node -> sizes.put(node, new double[] { 150, 60 }));
        editing.arrange(sizes);
        Node name = editing.node("text").orElseThrow();
        Node greet = editing.node("template").orElseThrow();
        Node result = editing.node("output").orElseThrow();
        assertTrue(name.getX() < greet.getX() && greet.getX() < result.getX(), "left to right by connections");
        List<Node> all = editing.workflow().getNodes();
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                Node a = all.get(i);
                Node b = all.get(j);
                boolean apart = a.getX() + 150 <= b.getX() || b.getX() + 150 <= a.getX() || a.getY() + 60 <= b.getY()
                        || b.getY() + 60 <= a.getY();
                assertTrue(apart, a.getId() + " and " + b.getId() + " overlap");
            }
        }
        assertEquals(100, all.stream().mapToDouble(Node::getX).min().orElseThrow(), "the block starts where it was");
        assertEquals("Arrange", editing.undoLabel());
        editing.undo();
        assertArrayEquals(piled, bytes());
        assertTrue(extra.getX() == 100);
    }

    @Test
    void aNodeInsertedIntoAConnectionTakesItsValueAndGivesItOnInOneEdit() throws Exception {
        Node text = editing.addNode(TEXT, 0, 0);
        Node output = editing.addNode(OUTPUT, 400, 0);
        Connection direct = editing.connect(text, "text", output, "value");
        Node template = editing.addNode(TEMPLATE, 200, 200);
        editing.setParameter(template, "template", "<{{x}}>");
        Node number = editing.addNode(NUMBER, 200, 300);
        byte[] before = bytes();
        assertTrue(editing.insertion(number, direct).isEmpty(), "Number takes nothing: it cannot go in between");
        editing.insert(template, direct, 0, -200);
        assertEquals(0, template.getY());
        assertEquals(List.of("text.text -> template.x", "template.text -> output.value"), editing.workflow()
                .getConnections().stream().map(c -> c.getSourceNode() + "." + c.getSourcePort() + " -> "
                        + c.getTargetNode() + "." + c.getTargetPort()).toList());
        assertEquals("Insert Text template", editing.undoLabel());
        editing.undo();
        assertArrayEquals(before, bytes(), "one undo: moved back, the direct connection back in its place");
    }

    @Test
    void aNodeOfATypeNobodyProvidesKeepsThePortsOfItsConnections() throws Exception {
        Workflow workflow = WorkflowFiles.read(new java.io.ByteArrayInputStream("""
                {"formatVersion": 2, "nodes": [
                  {"id": "a", "type": "com.pexper.nodes.basic.text", "parameters": {"text": "x"}},
                  {"id": "gone", "type": "com.example.uninstalled", "parameters": {"mood": "calm"}},
                  {"id": "b", "type": "com.pexper.nodes.basic.output"}],
                 "connections": [{"from": "a.text", "to": "gone.in"}, {"from": "gone.out", "to": "b.value"}]}
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8)), "placeholder.pexper");
        WorkflowEditing placeholder = new WorkflowEditing(workflow, registry, folder);
        Node gone = placeholder.node("gone").orElseThrow();
        assertTrue(placeholder.ports(gone).placeholder());
        assertEquals(List.of("in"), placeholder.ports(gone).inputs().stream().map(p -> p.name()).toList());
        assertEquals(List.of("out"), placeholder.ports(gone).outputs().stream().map(p -> p.name()).toList());
        byte[] before = WorkflowFiles.toBytes(workflow);
        placeholder.move(List.of(gone), 10, 10);
        placeholder.undo();
        assertArrayEquals(before, WorkflowFiles.toBytes(workflow), "its settings are kept as they were");
    }

    @Test
    void aGroupIsATitledFrameSavedInTheMetadataThatTheFileKeepsAndUndoTakesAway() throws Exception {
        Node name = editing.addNode(TEXT, 0, 0);
        Node greet = editing.addNode(TEMPLATE, 200, 0);
        Node result = editing.addNode(OUTPUT, 400, 0);
        byte[] before = bytes();
        assertThrows(EditRefusedException.class, () -> editing.group(List.of(), "Nothing"));
        assertThrows(EditRefusedException.class, () -> editing.group(List.of(name), " "));
        NodeGroup group = editing.group(List.of(name, greet), "Greeting");
        assertEquals(List.of(new NodeGroup("pexper.group.1", "Greeting", List.of(name.getId(), greet.getId()))),
                editing.groups());
        Path file = folder.resolve("grouped.pexper");
        WorkflowFiles.save(editing.workflow(), file);
        WorkflowEditing reopened = new WorkflowEditing(WorkflowFiles.load(file), registry, folder);
        assertEquals(editing.groups(), reopened.groups(), "the file keeps the group");
        editing.renameGroup(group, "Hello part");
        assertEquals("Hello part", editing.groups().get(0).title());
        NodeGroup second = editing.group(List.of(result), "Result");
        assertEquals("pexper.group.2", second.key(), "a key of its own");
        editing.ungroup(editing.groups().get(0));
        assertEquals(List.of(second), editing.groups(), "ungrouped: the frame goes, the nodes stay");
        assertEquals(3, editing.workflow().getNodes().size());
        for (int i = 0; i < 4; i++) {
            editing.undo();
        }
        assertArrayEquals(before, bytes(), "four undos: no group, the same file as before");
    }
}
