package com.pexper.ui.editor.tests;

import static com.pexper.ui.editor.tests.UserInput.openEmpty;
import static com.pexper.ui.editor.tests.UserInput.page;
import static com.pexper.ui.editor.tests.UserInput.pump;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.pexper.edit.WorkflowEditing;
import com.pexper.model.Node;
import com.pexper.ui.editor.internal.EditorProbe;
import com.pexper.ui.editor.internal.ProblemsView;
import com.pexper.ui.editor.internal.WorkflowEditor;

/** The Problems view follows the editor's workflow as it is edited, and a row takes the user to its node. */
class ProblemsViewTest {

    @TempDir
    Path folder;

    @AfterEach
    void closeEditors() {
        page().closeAllEditors(false);
    }

    @Test
    void aProblemIsARowUntilItIsFixedAndOpeningTheRowSelectsItsNode() throws Exception {
        WorkflowEditor editor = openEmpty(folder, "problems.pexper");
        WorkflowEditing editing = EditorProbe.editing(editor);
        ProblemsView view = EditorProbe.problemsView();
        Table table = EditorProbe.problemsTable(view);
        assertEquals(0, table.getItemCount());
        assertEquals("No problems: the workflow can run.", view.getContentDescription());

        Node text = editing.addNode("com.pexper.nodes.basic.text", 40, 80);
        Node greet = editing.addNode("com.pexper.nodes.basic.template", 300, 80);
        editing.setParameter(greet, "template", "Hi {{who}}");
        pump();
        assertEquals(1, table.getItemCount());
        assertEquals("input 'who' (Text) is not connected.", table.getItem(0).getText(0));
        assertEquals("Text template (template)", table.getItem(0).getText(1));
        assertEquals("1 error", view.getContentDescription());

        table.setSelection(0);
        table.notifyListeners(SWT.DefaultSelection, new Event()); // double-click, or Enter
        pump();
        assertEquals(Set.of(greet), EditorProbe.selected(editor), "the row's node is selected in the editor");
        assertEquals(editor, page().getActivePart(), "and the editor has the keyboard");

        editing.connect(text, "text", greet, "who");
        pump();
        assertEquals(0, table.getItemCount(), "fixed: the row is gone");
        editing.undo();
        pump();
        assertEquals(List.of("input 'who' (Text) is not connected."), List.of(table.getItem(0).getText(0)),
                "undone: it is back");
    }
}
