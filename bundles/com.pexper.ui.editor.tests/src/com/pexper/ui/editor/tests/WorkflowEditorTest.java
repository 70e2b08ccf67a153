package com.pexper.ui.editor.tests;

import static com.pexper.ui.editor.tests.UserInput.answerTheNextDialogWith;
import static com.pexper.ui.editor.tests.UserInput.drag;
import static com.pexper.ui.editor.tests.UserInput.key;
import static com.pexper.ui.editor.tests.UserInput.open;
import static com.pexper.ui.editor.tests.UserInput.openEmpty;
import static com.pexper.ui.editor.tests.UserInput.page;
import static com.pexper.ui.editor.tests.UserInput.pump;
import static com.pexper.ui.editor.tests.UserInput.screenshot;
import static com.pexper.ui.editor.tests.UserInput.send;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.jface.bindings.keys.KeySequence;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.keys.IBindingService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.pexper.core.engine.Engine;
import com.pexper.core.engine.RunRequest;
import com.pexper.core.engine.RunResult;
import com.pexper.edit.NodeGroup;
import com.pexper.edit.WorkflowEditing;
import com.pexper.model.Node;
import com.pexper.model.io.WorkflowFiles;
import com.pexper.ui.editor.internal.EditorProbe;
import com.pexper.ui.editor.internal.WorkflowEditor;

/**
 * The editor driven as a user drives it: real mouse and key events posted to the display (under
 * Xvfb), the model checked after each, the file saved and run headless.
 */
class WorkflowEditorTest {

    @TempDir
    Path folder;

    @AfterEach
    void closeEditors() {
        page().closeAllEditors(false);
    }

    @Test
    void aConnectionDrawnWithTheMouseIsMadeUndoneWithCtrlZAndTheSavedFileRunsHeadless() throws Exception {
        WorkflowEditor editor = openEmpty(folder, "hello.pexper");
        Path file = editor.file();
        WorkflowEditing editing = EditorProbe.editing(editor);
        // the node repository view comes next; the nodes are added as it will add them
        Node name = editing.addNode("com.pexper.nodes.basic.text", 40, 80);
        editing.setParameter(name, "text", "World");
        Node greet = editing.addNode("com.pexper.nodes.basic.template", 300, 80);
        editing.setParameter(greet, "template", "Hello, {{name}}!");
        Node result = editing.addNode("com.pexper.nodes.basic.output", 560, 80);
        pump();
        assertTrue(editor.isDirty());
        assertEquals("*hello.pexper \u2014 Pexper", page().getWorkbenchWindow().getShell().getText());

        Control canvas = EditorProbe.canvas(editor);
        assertEquals(List.of("missing-input"), EditorProbe.problems(editor, greet).stream().map(p -> p.code()).toList(),
                "the template's input is not connected yet: its node shows it");
        Point greetTitle = EditorProbe.titleOnDisplay(editor, greet);
        send(canvas, SWT.MouseHover, canvas.toControl(greetTitle), 0, 0);
        assertTrue(canvas.getToolTipText().contains("input 'name' (Text) is not connected."), canvas.getToolTipText());
        screenshot("editor-unconnected-input.png");
        // hovering over empty canvas takes the tooltip away (under Xvfb its window would take the keys)
        send(canvas, SWT.MouseHover, new Point(5, 5), 0, 0);
        assertEquals(null, canvas.getToolTipText());
        Point from = EditorProbe.portOnDisplay(editor, name, "text", false);
        Point to = EditorProbe.portOnDisplay(editor, greet, "name", true);
        drag(canvas, from, to);
        assertEquals(1, editing.workflow().getConnections().size(), "the connection from " + from + " to " + to);
        assertEquals(List.of(), EditorProbe.problems(editor, greet), "connected: no problem left on it");
        drag(canvas, EditorProbe.portOnDisplay(editor, greet, "text", false),
                EditorProbe.portOnDisplay(editor, result, "value", true));
        assertEquals(2, editing.workflow().getConnections().size(), "both connections were drawn");

        Point title = EditorProbe.titleOnDisplay(editor, result);
        double x = result.getX();
        drag(canvas, title, new Point(title.x + 60, title.y + 30));
        assertTrue(result.getX() > x + 20, "dragging the title moved the node: " + x + " -> " + result.getX());
        key('z', SWT.MOD1);
        assertEquals(x, result.getX(), "Ctrl+Z put it back");
        key('z', SWT.MOD1);
        assertEquals(1, editing.workflow().getConnections().size(), "the second Ctrl+Z took the last connection");
        key('z', SWT.MOD1, SWT.SHIFT);
        assertEquals(2, editing.workflow().getConnections().size(), "Ctrl+Shift+Z made it again");

        editor.doSave(null);
        pump();
        assertFalse(editor.isDirty());
        assertEquals("hello.pexper \u2014 Pexper", page().getWorkbenchWindow().getShell().getText());
        assertArrayEquals(WorkflowFiles.toBytes(WorkflowFiles.load(file)), Files.readAllBytes(file),
                "the bytes the command line writes");
        try (Engine engine = Engine.builder(editing.registry()).scratchDirectory(folder.resolve("scratch")).build()) {
            RunResult run = engine.run(WorkflowFiles.load(file), RunRequest.builder().workflowFile(file).build());
            assertEquals(List.of("Hello, World!"), run.outputs().values().stream().map(v -> v.summary()
                    .replace("\"", "")).toList());
        }
    }

    @Test
    void aNodeCannotBeConnectedToItself() throws Exception {
        WorkflowEditor editor = openEmpty(folder, "loop.pexper");
        WorkflowEditing editing = EditorProbe.editing(editor);
        Node template = editing.addNode("com.pexper.nodes.basic.template", 360, 80);
        editing.setParameter(template, "template", "{{a}}");
        pump();
        drag(EditorProbe.canvas(editor), EditorProbe.portOnDisplay(editor, template, "text", false),
                EditorProbe.portOnDisplay(editor, template, "a", true));
        assertEquals(List.of(), editing.workflow().getConnections(), "it would make a loop");
        assertEquals("Set template", editing.undoLabel(), "nothing was done that could be undone");
    }

    @Test
    void addNodeFromTheNodeTypesPutsItNextToTheSelectedNodeConnectedToIt() throws Exception {
        WorkflowEditor editor = openEmpty(folder, "add.pexper");
        WorkflowEditing editing = EditorProbe.editing(editor);
        addNode("com.pexper.nodes.basic.text");
        assertEquals(1, editing.workflow().getNodes().size(), "added with nothing selected");
        Node text = editing.workflow().getNodes().get(0);
        addNode("com.pexper.nodes.basic.output");
        assertEquals(2, editing.workflow().getNodes().size());
        Node output = editing.workflow().getNodes().get(1);
        assertTrue(output.getX() > text.getX() + 100, "to the right of the text node");
        assertEquals(1, editing.workflow().getConnections().size(), "connected from it");
        assertEquals("text", editing.workflow().getConnections().get(0).getSourceNode());
        assertEquals("output", editing.workflow().getConnections().get(0).getTargetNode());
        assertEquals("Connect", editing.undoLabel());
    }

    @Test
    void aMarqueeSelectsNodesThatCtrlCAndCtrlVCopyWithTheirConnectionAndCtrlDDuplicates() throws Exception {
        WorkflowEditor editor = openEmpty(folder, "copy.pexper");
        WorkflowEditing editing = EditorProbe.editing(editor);
        Node text = editing.addNode("com.pexper.nodes.basic.text", 40, 80);
        Node output = editing.addNode("com.pexper.nodes.basic.output", 300, 80);
        editing.connect(text, "text", output, "value");
        Node apart = editing.addNode("com.pexper.nodes.basic.number", 40, 400);
        pump();
        Control canvas = EditorProbe.canvas(editor);
        // from above-left of the two connected nodes to below-right of them, on empty canvas
        Point corner = EditorProbe.titleOnDisplay(editor, text);
        Point far = EditorProbe.portOnDisplay(editor, output, "value", true);
        drag(canvas, new Point(corner.x - 40, corner.y - 30), new Point(far.x + 200, far.y + 40));
        key('c', SWT.MOD1);
        key('v', SWT.MOD1);
        assertEquals(5, editing.workflow().getNodes().size(), "the two selected were pasted; not the third");
        assertEquals(2, editing.workflow().getConnections().size(), "with the connection between them");
        assertEquals(List.of("text", "output", "number", "text2", "output2"), editing.workflow().getNodes().stream()
                .map(Node::getId).toList());
        key('d', SWT.MOD1);
        assertEquals(7, editing.workflow().getNodes().size(), "Ctrl+D duplicated the pasted pair, selected after the paste");
        assertEquals(3, editing.workflow().getConnections().size());
        key(SWT.DEL);
        assertEquals(5, editing.workflow().getNodes().size(), "Delete took the duplicates");
        assertTrue(editing.workflow().getNodes().contains(apart));
    }

    @Test
    void aConnectionDroppedOnEmptyCanvasOffersTheTypesThatTakeItAndAddsTheChosenOneConnected() throws Exception {
        WorkflowEditor editor = openEmpty(folder, "offer.pexper");
        WorkflowEditing editing = EditorProbe.editing(editor);
        Node text = editing.addNode("com.pexper.nodes.basic.text", 40, 80);
        pump();
        Point from = EditorProbe.portOnDisplay(editor, text, "text", false);
        drag(EditorProbe.canvas(editor), from, new Point(from.x + 250, from.y + 60));
        List<String> offered = EditorProbe.offered(editor);
        assertTrue(offered.contains("Output") && offered.contains("Read text file"), offered.toString());
        assertFalse(offered.contains("Number"), "Number has no input that takes Text: " + offered);
        screenshot("editor-connection-dropped.png");
        EditorProbe.typeInOffered(editor, "read text");
        pump();
        assertEquals(List.of("Read text file"), EditorProbe.offered(editor), "narrowed as the user types");
        EditorProbe.chooseOffered(editor);
        pump();
        assertEquals(List.of(), EditorProbe.offered(editor), "closed once chosen");
        assertEquals(2, editing.workflow().getNodes().size());
        Node read = editing.workflow().getNodes().get(1);
        assertEquals("com.pexper.nodes.basic.readText", read.getType());
        assertTrue(read.getX() > text.getX() + 150, "placed where the connection was dropped: " + read.getX());
        assertEquals(List.of("text", "text", "readtext", "file"), List.of(
                editing.workflow().getConnections().get(0).getSourceNode(),
                editing.workflow().getConnections().get(0).getSourcePort(),
                editing.workflow().getConnections().get(0).getTargetNode(),
                editing.workflow().getConnections().get(0).getTargetPort()));
    }

    @Test
    void ctrlShiftFArrangesTwoHundredPiledNodesWithoutOverlapsAndCtrlZPilesThemAgain() throws Exception {
        WorkflowEditor editor = openEmpty(folder, "two-hundred.pexper");
        WorkflowEditing editing = EditorProbe.editing(editor);
        // 50 chains of Text -> Template -> Join -> Output, all dropped on one spot
        for (int chain = 0; chain < 50; chain++) {
            Node text = editing.addNode("com.pexper.nodes.basic.text", 100, 100);
            Node template = editing.addNode("com.pexper.nodes.basic.template", 100, 100);
            editing.setParameter(template, "template", "Item {{n}}");
            Node join = editing.addNode("com.pexper.nodes.basic.join", 100, 100);
            Node output = editing.addNode("com.pexper.nodes.basic.output", 100, 100);
            editing.connect(text, "text", template, "n");
            editing.connect(template, "text", join, "items");
            editing.connect(join, "text", output, "value");
        }
        pump();
        assertEquals(200, editing.workflow().getNodes().size());
        byte[] piled = WorkflowFiles.toBytes(editing.workflow());
        long started = System.nanoTime();
        key('f', SWT.MOD1, SWT.SHIFT);
        long millis = (System.nanoTime() - started) / 1_000_000;
        List<org.eclipse.swt.graphics.Rectangle> boxes = EditorProbe.boxes(editor);
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                assertFalse(boxes.get(i).intersects(boxes.get(j)), "nodes " + i + " and " + j + " overlap");
            }
        }
        screenshot("editor-200-nodes-arranged.png");
        System.out.println("arranged 200 nodes (and redrew) in " + millis + " ms");

        assertEquals(null, EditorProbe.miniMap(editor), "all of it is in view: no map");
        key('1', SWT.MOD1);
        assertEquals(1.0, EditorProbe.zoom(editor), 1e-9, "Ctrl+1: actual size");
        org.eclipse.swt.graphics.Rectangle map = EditorProbe.miniMap(editor);
        assertNotNull(map, "larger than the view: the mini-map shows where the view is");
        screenshot("editor-200-nodes-minimap.png");
        Point before = EditorProbe.centre(editor);
        UserInput.click(EditorProbe.canvas(editor), new Point(map.x + 8, map.y + map.height / 2));
        Point after = EditorProbe.centre(editor);
        assertTrue(after.x < before.x - 200, "a click on the map's left edge took the view left: " + before + " -> "
                + after);
        key('z', SWT.MOD1);
        assertArrayEquals(piled, WorkflowFiles.toBytes(editing.workflow()), "one Ctrl+Z puts them all back");
    }

    @Test
    void aNodeDroppedOnAConnectionGoesInBetween() throws Exception {
        WorkflowEditor editor = openEmpty(folder, "insert.pexper");
        WorkflowEditing editing = EditorProbe.editing(editor);
        Node text = editing.addNode("com.pexper.nodes.basic.text", 40, 80);
        Node output = editing.addNode("com.pexper.nodes.basic.output", 600, 80);
        editing.connect(text, "text", output, "value");
        Node template = editing.addNode("com.pexper.nodes.basic.template", 300, 300);
        editing.setParameter(template, "template", "<{{x}}>");
        pump();
        Point start = EditorProbe.portOnDisplay(editor, text, "text", false);
        Point end = EditorProbe.portOnDisplay(editor, output, "value", true);
        Point middle = new Point((start.x + end.x) / 2, start.y);
        drag(EditorProbe.canvas(editor), EditorProbe.titleOnDisplay(editor, template), middle);
        assertEquals(List.of("text.text -> template.x", "template.text -> output.value"), wiring(editing));
        key('z', SWT.MOD1);
        assertEquals(1, editing.workflow().getConnections().size(), "one Ctrl+Z takes the insert back");
        assertEquals(300, template.getY());
    }

    /** The workflow's connections as "node.port -> node.port". */
    private static List<String> wiring(WorkflowEditing editing) {
        return editing.workflow().getConnections().stream().map(c -> c.getSourceNode() + "." + c.getSourcePort()
                + " -> " + c.getTargetNode() + "." + c.getTargetPort()).toList();
    }

    @Test
    void closingAnEditorWithUnsavedChangesAsksAndCancelKeepsThem() throws Exception {
        WorkflowEditor editor = openEmpty(folder, "unsaved.pexper");
        Path file = editor.file();
        byte[] saved = Files.readAllBytes(file);
        EditorProbe.editing(editor).addNode("com.pexper.nodes.basic.text", 40, 80);
        pump();
        List<String> asked = answerTheNextDialogWith("Cancel");
        assertFalse(page().closeEditor(editor, true), "Cancel keeps the editor open");
        assertTrue(asked.get(0).contains("unsaved.pexper"), "the question names the workflow: " + asked);
        assertTrue(asked.contains("Save") && asked.contains("Cancel"), asked.toString());
        assertTrue(editor.isDirty(), "and the changes in it");
        answerTheNextDialogWith("Don't Save");
        assertTrue(page().closeEditor(editor, true));
        assertArrayEquals(saved, Files.readAllBytes(file), "Don't Save leaves the file as it was");
    }

    @Test
    void withSnapToGridCheckedADraggedNodeLandsOnTheGridAndUncheckedWhereItIsLet() throws Exception {
        Path copy = Files.copy(Path.of(System.getProperty("pexper.root", "../..")).resolve("examples/hello.pexper"),
                folder.resolve("hello.pexper"));
        WorkflowEditor editor = open(copy);
        Node name = EditorProbe.editing(editor).node("name").orElseThrow();
        Control canvas = EditorProbe.canvas(editor);
        IHandlerService handlers = page().getWorkbenchWindow().getService(IHandlerService.class);
        handlers.executeCommand("com.pexper.ui.editor.snapToGrid", null); // View > Snap to Grid
        try {
            Point title = EditorProbe.titleOnDisplay(editor, name);
            drag(canvas, title, new Point(title.x + 37, title.y + 23));
            assertEquals(0, name.getX() % 20, "snapped across: " + name.getX());
            assertEquals(0, name.getY() % 20, "and down: " + name.getY());
            assertTrue(name.getX() > 40, "and moved: " + name.getX());
        } finally {
            handlers.executeCommand("com.pexper.ui.editor.snapToGrid", null); // the choice is kept: as it was
        }
        Point title = EditorProbe.titleOnDisplay(editor, name);
        drag(canvas, title, new Point(title.x + 7, title.y));
        assertTrue(name.getX() % 20 != 0, "unchecked, a node goes where it is let go: " + name.getX());
    }

    @Test
    void exitWithUnsavedChangesAsksAndCancelKeepsTheWindowAndTheChanges() throws Exception {
        WorkflowEditor editor = openEmpty(folder, "unsaved-at-exit.pexper");
        EditorProbe.editing(editor).addNode("com.pexper.nodes.basic.text", 40, 80);
        pump();
        List<String> asked = answerTheNextDialogWith("Cancel");
        org.eclipse.ui.actions.ActionFactory.QUIT.create(page().getWorkbenchWindow()).run(); // File > Exit
        pump();
        assertFalse(asked.isEmpty(), "Exit asked before closing");
        assertTrue(String.join(" ", asked).contains("unsaved-at-exit.pexper"), "the question names the workflow: " + asked);
        assertFalse(PlatformUI.getWorkbench().isClosing(), "Cancel keeps Pexper running");
        assertTrue(editor.isDirty(), "with the changes in the editor");
        assertEquals(1, EditorProbe.editing(editor).workflow().getNodes().size());
    }

    @Test
    void ctrlGPutsATitledFrameAroundTheSelectedNodesAndDraggingItsTitleMovesThemAllInOneEdit() throws Exception {
        WorkflowEditor editor = openEmpty(folder, "groups.pexper");
        WorkflowEditing editing = EditorProbe.editing(editor);
        Node first = editing.addNode("com.pexper.nodes.basic.text", 40, 100);
        Node second = editing.addNode("com.pexper.nodes.basic.text", 300, 100);
        Node apart = editing.addNode("com.pexper.nodes.basic.text", 40, 320);
        pump();
        Control canvas = EditorProbe.canvas(editor);
        UserInput.click(canvas, EditorProbe.titleOnDisplay(editor, first));
        Point other = canvas.toControl(EditorProbe.titleOnDisplay(editor, second));
        send(canvas, SWT.MouseDown, other, 1, SWT.MOD1); // Ctrl+click adds it
        send(canvas, SWT.MouseUp, other, 1, SWT.MOD1 | SWT.BUTTON1);
        List<String> asked = UserInput.answerTheNextDialog(shell -> {
            org.eclipse.swt.widgets.Text title = UserInput.all(shell, org.eclipse.swt.widgets.Text.class).get(0);
            title.setText("Inputs");
        }, "OK");
        key('g', SWT.MOD1);
        assertTrue(asked.get(0).contains("2 nodes"), asked.toString());
        assertEquals(List.of(new NodeGroup("pexper.group.1", "Inputs", List.of(first.getId(), second.getId()))),
                editing.groups());
        screenshot("editor-group.png");

        Point bar = EditorProbe.groupTitleOnDisplay(editor, 0);
        drag(canvas, bar, new Point(bar.x + 100, bar.y + 50));
        assertEquals(140, first.getX(), 1, "dragging the group's title moved its nodes");
        assertEquals(400, second.getX(), 1);
        assertEquals(40, apart.getX(), "and only those");
        UserInput.focus(canvas); // back from the dialog, the window takes a moment to have the keyboard again
        key('z', SWT.MOD1);
        assertEquals(40, first.getX(), 1, "one Ctrl+Z puts both back");
        assertEquals(300, second.getX(), 1);
        assertEquals(1, editing.groups().size(), "the group is still there");
    }

    @Test
    void holdingSpaceADragPansTheViewInsteadOfMovingWhatIsUnderThePointer() throws Exception {
        WorkflowEditor editor = openEmpty(folder, "pan.pexper");
        WorkflowEditing editing = EditorProbe.editing(editor);
        Node text = editing.addNode("com.pexper.nodes.basic.text", 40, 80);
        pump();
        Control canvas = EditorProbe.canvas(editor);
        Point title = EditorProbe.titleOnDisplay(editor, text);
        Event space = new Event();
        space.character = ' ';
        canvas.notifyListeners(SWT.KeyDown, space);
        drag(canvas, title, new Point(title.x + 100, title.y + 50));
        canvas.notifyListeners(SWT.KeyUp, space);
        assertEquals(40, text.getX(), "the node did not move");
        assertEquals(new Point(title.x + 100, title.y + 50), EditorProbe.titleOnDisplay(editor, text),
                "the view did: the node is drawn where the pointer took it");
        assertEquals("Add Text", editing.undoLabel(), "panning is no edit");
    }

    @Test
    void openRecentListsTheWorkflowsOpenedLastNewestFirstAndLeavesOutOnesGoneSince() throws Exception {
        WorkflowEditor first = openEmpty(folder, "first.pexper");
        Path firstFile = first.file();
        WorkflowEditor second = openEmpty(folder, "second.pexper");
        Path secondFile = second.file();
        assertEquals(List.of(secondFile, firstFile), EditorProbe.recent().subList(0, 2));
        page().closeAllEditors(false);
        open(firstFile);
        assertEquals(List.of(firstFile, secondFile), EditorProbe.recent().subList(0, 2), "reopened: first again");
        int items = EditorProbe.recentMenuItems();
        Files.delete(secondFile);
        assertFalse(EditorProbe.recent().contains(secondFile), "a deleted file is not offered");
        assertEquals(items - 1, EditorProbe.recentMenuItems());
        org.eclipse.jface.action.MenuManager file = (org.eclipse.jface.action.MenuManager) java.util.Arrays.stream(
                page().getWorkbenchWindow().getShell().getMenuBar().getItems())
                .filter(i -> i.getText().replace("&", "").equals("File")).findFirst().orElseThrow().getData();
        assertNotNull(file.find("com.pexper.ui.editor.openRecent"), "File has Open Recent");
    }

    @Test
    void ctrlNIsANewWorkflowAndCtrlOOpensOne() throws Exception {
        IBindingService bindings = PlatformUI.getWorkbench().getService(IBindingService.class);
        assertEquals("com.pexper.ui.scheme", bindings.getActiveScheme().getId());
        assertEquals("com.pexper.ui.editor.newWorkflow", bindings.getPerfectMatch(KeySequence.getInstance("M1+N"))
                .getParameterizedCommand().getId());
        assertEquals("com.pexper.ui.editor.openWorkflow", bindings.getPerfectMatch(KeySequence.getInstance("M1+O"))
                .getParameterizedCommand().getId());
    }

    /** What double-clicking a type in the Node Types view does: the editor's Add Node command with its id. */
    private static void addNode(String typeId) throws Exception {
        IWorkbenchWindow window = page().getWorkbenchWindow();
        ICommandService commands = window.getService(ICommandService.class);
        IHandlerService handlers = window.getService(IHandlerService.class);
        handlers.executeCommand(ParameterizedCommand.generateCommand(commands.getCommand(
                "com.pexper.ui.editor.addNode"), Map.of("typeId", typeId)), null);
        pump();
    }

    @Test
    void theProductPhotosExampleIsDrawnWithEveryNodeAndConnection() throws Exception {
        Path example = Path.of(System.getProperty("pexper.root", "../..")).resolve("examples/product-photos.pexper");
        Path copy = Files.copy(example, folder.resolve("product-photos.pexper"));
        WorkflowEditor editor = open(copy);
        pump();
        WorkflowEditing editing = EditorProbe.editing(editor);
        for (Node node : editing.workflow().getNodes()) {
            assertFalse(editing.ports(node).placeholder(), node.getType() + " is installed in the test runtime");
        }
        assertEquals(List.of("File", "Image"), EditorProbe.legend(editor), "the legend names the colours it has");
        screenshot("editor-product-photos.png");
    }

    @Test
    void aPluginsNodeTypeShowsTheIconItDeclaresAndOthersTheirCategorysGlyph() throws Exception {
        Path file = folder.resolve("icons.pexper");
        Files.writeString(file, """
                {"formatVersion": 2, "name": "Icons", "nodes": [
                  {"id": "count", "type": "com.example.pexper.wordcount.count", "version": "1.0.0", "position": [40, 40]},
                  {"id": "text", "type": "com.pexper.nodes.basic.text", "version": "1.0.0", "position": [40, 200]},
                  {"id": "gone", "type": "com.example.uninstalled.thing", "version": "1.0.0", "position": [40, 360]}
                ], "connections": []}
                """);
        WorkflowEditor editor = open(file);
        pump();
        WorkflowEditing editing = EditorProbe.editing(editor);
        Map<String, int[]> colours = new HashMap<>();
        for (Node node : editing.workflow().getNodes()) {
            colours.put(node.getId(), inkAndTeal(EditorProbe.iconOnDisplay(editor, node)));
        }
        // the word count plug-in's PNG is a teal tile; Pexper's glyphs are dark strokes on the title bar
        assertTrue(colours.get("count")[1] > 40, "the declared icon is drawn: " + colours.get("count")[1] + " teal pixels");
        assertEquals(0, colours.get("text")[1], "the Text node has no teal in its icon");
        assertTrue(colours.get("text")[0] > 8, "the Text glyph is drawn: " + colours.get("text")[0] + " dark pixels");
        assertTrue(colours.get("gone")[0] > 4, "a type no plug-in provides has a glyph too");
        screenshot("editor-node-icons.png");
    }

    /** How many pixels in the square are dark ink, and how many the word count icon's teal. */
    private static int[] inkAndTeal(Rectangle square) {
        Display display = page().getWorkbenchWindow().getShell().getDisplay();
        Image image = new Image(display, square.width, square.height);
        GC gc = new GC(display);
        try {
            gc.copyArea(image, square.x, square.y);
            ImageData data = image.getImageData();
            int ink = 0;
            int teal = 0;
            for (int y = 0; y < data.height; y++) {
                for (int x = 0; x < data.width; x++) {
                    RGB rgb = data.palette.getRGB(data.getPixel(x, y));
                    if (rgb.red < 0x90 && rgb.green < 0x90 && rgb.blue < 0x90) {
                        ink++;
                    }
                    if (rgb.green > rgb.red + 40 && rgb.green > rgb.blue + 10) {
                        teal++;
                    }
                }
            }
            return new int[] { ink, teal };
        } finally {
            gc.dispose();
            image.dispose();
        }
    }
}
