package com.pexper.ui.editor.tests;

import static com.pexper.ui.editor.tests.UserInput.chord;
import static com.pexper.ui.editor.tests.UserInput.click;
import static com.pexper.ui.editor.tests.UserInput.drag;
import static com.pexper.ui.editor.tests.UserInput.focus;
import static com.pexper.ui.editor.tests.UserInput.key;
import static com.pexper.ui.editor.tests.UserInput.openEmpty;
import static com.pexper.ui.editor.tests.UserInput.page;
import static com.pexper.ui.editor.tests.UserInput.screenshot;
import static com.pexper.ui.editor.tests.UserInput.typeOver;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.pexper.core.engine.Engine;
import com.pexper.core.engine.RunRequest;
import com.pexper.core.engine.RunResult;
import com.pexper.edit.WorkflowEditing;
import com.pexper.model.Node;
import com.pexper.model.io.WorkflowFiles;
import com.pexper.ui.editor.internal.EditorProbe;
import com.pexper.ui.editor.internal.PropertiesView;
import com.pexper.ui.editor.internal.WorkflowEditor;

/**
 * The first workflow a new user builds, built as they would build it: node types found in the
 * Node Repository by typing, settings typed into the Properties view, a connection drawn with the
 * mouse, saved with Ctrl+S; then undone to nothing and redone to the same file.
 */
class HelloFromScratchTest {

    @TempDir
    Path folder;

    @AfterEach
    void closeEditors() {
        page().closeAllEditors(false);
    }

    /** Types into the Node Repository's search box and presses Enter: the best match is added. */
    private static Node addFromRepository(WorkflowEditing editing, String search) throws Exception {
        page().showView("com.pexper.ui.views.nodeTypes");
        Text box = find(page().getWorkbenchWindow().getShell(), "Search node types");
        int before = editing.workflow().getNodes().size();
        typeOver(box, search);
        key(SWT.CR);
        assertEquals(before + 1, editing.workflow().getNodes().size(), "Enter after '" + search + "' added a node");
        return editing.workflow().getNodes().get(before);
    }

    private static Text find(Composite parent, String message) {
        for (Control child : parent.getChildren()) {
            if (child instanceof Text text && text.getMessage().startsWith(message)) {
                return text;
            }
            if (child instanceof Composite composite) {
                Text found = find(composite, message);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    @Test
    void helloIsBuiltWithTheRepositoryThePropertiesAndTheMouseRunsHeadlessAndUndoesToNothing() throws Exception {
        WorkflowEditor editor = openEmpty(folder, "hello.pexper");
        Path file = editor.file();
        WorkflowEditing editing = EditorProbe.editing(editor);
        PropertiesView properties = EditorProbe.properties();

        Node name = addFromRepository(editing, "Text");
        assertEquals("com.pexper.nodes.basic.text", name.getType());
        assertEquals(List.of(name), List.copyOf(EditorProbe.selected(editor)), "the new node is selected");
        typeOver(EditorProbe.field(properties, "text"), "World");
        chord(SWT.CR, SWT.MOD1);
        assertEquals("World", editing.parameterText(name, "text"));

        Node greet = addFromRepository(editing, "template");
        assertEquals("com.pexper.nodes.basic.template", greet.getType(), "'template' finds the Text template");
        assertTrue(greet.getX() > name.getX(), "placed to the right of the selected node");
        typeOver(EditorProbe.field(properties, "template"), "Hello, {{name}}!");
        chord(SWT.CR, SWT.MOD1);
        assertEquals("Hello, {{name}}!", editing.parameterText(greet, "template"));

        Control canvas = EditorProbe.canvas(editor);
        drag(canvas, EditorProbe.portOnDisplay(editor, name, "text", false),
                EditorProbe.portOnDisplay(editor, greet, "name", true));
        assertEquals(1, editing.workflow().getConnections().size(), "the connection drawn with the mouse");

        click(canvas, EditorProbe.titleOnDisplay(editor, greet));
        Node result = addFromRepository(editing, "Output");
        assertEquals(2, editing.workflow().getConnections().size(), "added next to the template, connected to it");
        assertEquals(List.of(), editing.problems(), "nothing left to fix");
        screenshot("editor-hello-built.png");

        // Ctrl+S in the editor
        click(canvas, new Point(canvas.toDisplay(5, 5).x, canvas.toDisplay(5, 5).y));
        focus(canvas);
        key('s', SWT.MOD1);
        assertFalse(editor.isDirty(), "saved");
        byte[] saved = Files.readAllBytes(file);
        try (Engine engine = Engine.builder(editing.registry()).scratchDirectory(folder.resolve("scratch")).build()) {
            RunResult run = engine.run(WorkflowFiles.load(file), RunRequest.builder().workflowFile(file).build());
            assertEquals("Hello, World!", run.outputs().get(result.getId()).summary().replace("\"", ""));
        }

        int undos = 0;
        while (editing.canUndo() && undos < 50) {
            key('z', SWT.MOD1);
            undos++;
        }
        assertEquals(List.of(), editing.workflow().getNodes(), "undone all the way: empty, after " + undos + " steps");
        assertEquals(List.of(), editing.workflow().getConnections());
        for (int i = 0; i < undos; i++) {
            key('z', SWT.MOD1, SWT.SHIFT);
        }
        assertFalse(editing.canRedo());
        assertFalse(editor.isDirty(), "redone all the way: what was saved");
        assertArrayEquals(saved, WorkflowFiles.toBytes(editing.workflow()), "the same file again");
    }
}
