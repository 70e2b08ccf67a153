package com.pexper.ui.editor.tests;

import static com.pexper.ui.editor.tests.UserInput.all;
import static com.pexper.ui.editor.tests.UserInput.open;
import static com.pexper.ui.editor.tests.UserInput.page;
import static com.pexper.ui.editor.tests.UserInput.pump;
import static com.pexper.ui.editor.tests.UserInput.runWithCtrlEnter;
import static com.pexper.ui.editor.tests.UserInput.screenshot;
import static com.pexper.ui.editor.tests.UserInput.typeOver;
import static com.pexper.ui.editor.tests.UserInput.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.pexper.ui.editor.internal.EditorProbe;
import com.pexper.ui.editor.internal.RunsView;
import com.pexper.ui.editor.internal.WorkflowEditor;

/**
 * Run > Run History lists the recorded runs, newest first, filters them by workflow, shows how each
 * node of the selected run fared, and runs it again.
 */
class RunsViewTest {

    @TempDir
    Path folder;

    @AfterEach
    void close() {
        page().closeAllEditors(false);
        if (page().findView(RunsView.ID) != null) {
            page().hideView(page().findView(RunsView.ID));
        }
    }

    private static List<String> row(TableItem item, int columns) {
        return java.util.stream.IntStream.range(0, columns).mapToObj(item::getText).toList();
    }

    @Test
    void aRunFromTheEditorIsListedWithHowEachNodeFaredAndRunsAgainFromThere() throws Exception {
        Path file = folder.resolve("history-hello.pexper");
        Files.copy(Path.of(System.getProperty("user.dir")).resolve("../../examples/hello.pexper").normalize(), file);
        WorkflowEditor editor = open(file);
        runWithCtrlEnter(editor);
        String firstRun = EditorProbe.lastRunId(editor);

        RunsView view = (RunsView) page().showView(RunsView.ID);
        Composite content = (Composite) view.getViewSite().getShell();
        List<Table> tables = all(content, Table.class).stream().filter(t -> t.getColumnCount() == 7 || t.getColumnCount() == 5)
                .toList();
        Table runs = tables.stream().filter(t -> t.getColumnCount() == 7).findFirst().orElseThrow();
        Table nodes = tables.stream().filter(t -> t.getColumnCount() == 5).findFirst().orElseThrow();
        waitFor("the run to be listed", 10_000, () -> {
            pump();
            return runs.getItemCount() > 0 && runs.getItem(0).getText(1).equals("Hello");
        });
        List<String> newest = row(runs.getItem(0), 7);
        assertEquals("SUCCEEDED", newest.get(2), newest.toString());
        assertEquals("3", newest.get(4), "three nodes ran: " + newest);
        assertEquals("0", newest.get(6), "none failed: " + newest);

        runs.setSelection(0);
        runs.notifyListeners(SWT.Selection, new Event());
        pump();
        assertEquals(List.of("name", "greet", "greeting"), Arrays.stream(nodes.getItems()).map(i -> i.getText(0)).toList());
        assertTrue(nodes.getItem(2).getText(4).contains("Hello, World!"), row(nodes.getItem(2), 5).toString());
        page().toggleZoom(page().getReference(view)); // as a double-click on its tab does
        pump();
        screenshot("runs-view.png");
        page().toggleZoom(page().getReference(view));
        pump();

        Text filter = all(content, Text.class).stream().filter(t -> "Filter by workflow".equals(t.getMessage()))
                .findFirst().orElseThrow();
        typeOver(filter, "no such workflow");
        pump();
        assertEquals(0, runs.getItemCount(), "the filter leaves out the other workflows");
        typeOver(filter, "hel");
        pump();
        assertTrue(runs.getItemCount() > 0);

        runs.setSelection(0);
        runs.notifyListeners(SWT.Selection, new Event());
        Button asRun = all(content, Button.class).stream().filter(b -> b.getText().replace("&", "").equals("Open as It Ran"))
                .findFirst().orElseThrow();
        assertTrue(asRun.isEnabled());
        asRun.notifyListeners(SWT.Selection, new Event());
        pump();
        WorkflowEditor copy = (WorkflowEditor) page().getActiveEditor();
        assertTrue(copy != editor && copy.getPartName().startsWith("history-hello.pexper as run "), copy.getPartName());
        assertEquals(null, copy.file(), "a copy: Save asks where it goes");
        assertEquals(List.of("name", "greet", "greeting"), EditorProbe.editing(copy).workflow().getNodes().stream()
                .map(com.pexper.model.Node::getId).toList());
        assertTrue(!copy.isDirty());
        page().closeEditor(copy, false);
        page().activate(editor);

        runs.setSelection(0);
        runs.notifyListeners(SWT.Selection, new Event());
        Button again = all(content, Button.class).stream().filter(b -> b.getText().replace("&", "").equals("Run Again"))
                .findFirst().orElseThrow();
        assertTrue(again.isEnabled());
        again.notifyListeners(SWT.Selection, new Event());
        waitFor("the run again to end", 30_000, () -> !editor.isRunning()
                && !Objects.equals(firstRun, EditorProbe.lastRunId(editor)));
        assertEquals("CACHED", EditorProbe.runPhase(editor, "greeting"), "run again reuses what did not change");
        waitFor("the new run to be listed first", 10_000, () -> {
            pump();
            return runs.getItemCount() > 0 && runs.getItem(0).getText(5).equals("3");
        });
    }
}
