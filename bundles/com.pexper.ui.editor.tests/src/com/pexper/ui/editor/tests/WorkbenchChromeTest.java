package com.pexper.ui.editor.tests;

import static com.pexper.ui.editor.tests.UserInput.page;
import static com.pexper.ui.editor.tests.UserInput.pump;
import static com.pexper.ui.editor.tests.UserInput.screenshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.swt.SWT;
import org.junit.jupiter.api.io.TempDir;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.dnd.FileTransfer;
import org.eclipse.swt.dnd.DragSourceEvent;
import org.eclipse.swt.dnd.DragSourceAdapter;
import org.eclipse.swt.dnd.DragSource;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.actions.ActionFactory;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.pexper.model.io.WorkflowFiles;
import com.pexper.ui.editor.internal.EditorProbe;
import com.pexper.ui.editor.internal.WorkflowEditor;

/** The window around the editor: its menus, toolbar, examples and About, as an Eclipse user expects them. */
class WorkbenchChromeTest {

    @AfterEach
    void closeEditors() {
        page().closeAllEditors(false);
    }

    private static IWorkbenchWindow window() {
        return page().getWorkbenchWindow();
    }

    /** The items a menu of the menu bar shows now, as their labels without mnemonics. */
    private static List<String> menu(String name) {
        MenuItem top = Arrays.stream(window().getShell().getMenuBar().getItems())
                .filter(i -> i.getText().replace("&", "").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " menu"));
        Menu menu = top.getMenu();
        menu.notifyListeners(SWT.Show, new Event()); // as opening it does
        pump();
        List<String> labels = new ArrayList<>();
        for (MenuItem item : menu.getItems()) {
            if (!item.getText().isEmpty()) {
                labels.add(item.getText().replace("&", "").replaceAll("\t.*", ""));
            }
        }
        menu.notifyListeners(SWT.Hide, new Event());
        return labels;
    }

    @Test
    void theMenusAndTheToolbarHaveWhatAnEclipseUserLooksFor() throws Exception {
        openExample("hello.pexper"); // an editor, for the edit actions to have something to act on
        assertEquals(List.of("File", "Edit", "View", "Run", "Window", "Help"), Arrays.stream(window().getShell().getMenuBar()
                .getItems()).map(i -> i.getText().replace("&", "")).filter(t -> !t.isEmpty()).toList());
        List<String> file = menu("File");
        assertTrue(file.containsAll(List.of("New Workflow", "Open Workflow...", "Open Recent", "Open Example", "Save",
                "Save As...", "Close Editor", "Exit")), file.toString());
        List<String> edit = menu("Edit");
        assertTrue(edit.containsAll(List.of("Undo", "Redo", "Cut", "Copy", "Paste", "Delete", "Select All", "Arrange", "Group...", "Ungroup")),
                edit.toString());
        assertEquals(List.of("Zoom In", "Zoom Out", "Actual Size", "Fit to Window", "Snap to Grid"), menu("View"));
        assertEquals(List.of("Run", "Run to Here", "Run Selected", "Cancel Run", "Run History", "Gallery"), menu("Run"));
        List<String> help = menu("Help");
        assertTrue(help.contains("Keyboard Shortcuts") && help.stream().anyMatch(h -> h.startsWith("About")),
                help.toString());

        List<String> tools = new ArrayList<>();
        collectTools(window().getShell(), tools);
        // (Undo and Redo are there too in the product; the test runtime's text-editor bundles take their place)
        for (String expected : List.of("New Workflow (Ctrl+N)", "Open Workflow (Ctrl+O)", "Save (Ctrl+S)",
                "Arrange (Shift+Ctrl+F)", "Fit to Window (Ctrl+0)", "Run the Workflow (Ctrl+Enter)",
                "Run to the Selected Node (Shift+Ctrl+Enter)", "Cancel the Run")) {
            assertTrue(tools.stream().anyMatch(t -> t.startsWith(expected)), expected + " in " + tools);
        }
    }

    private static void collectTools(Composite parent, List<String> tips) {
        for (Control child : parent.getChildren()) {
            if (child instanceof ToolBar bar && bar.getShell() == window().getShell()) {
                for (ToolItem item : bar.getItems()) {
                    if (item.getToolTipText() != null) {
                        tips.add(item.getToolTipText());
                    }
                }
            }
            if (child instanceof Composite composite) {
                collectTools(composite, tips);
            }
        }
    }

    @Test
    void openExampleOpensTheUsersOwnCopyAndKeepsTheirChangesToIt() throws Exception {
        Path copies = Path.of(System.getProperty("pexper.home")).resolve("examples");
        Files.deleteIfExists(copies.resolve("hello.pexper")); // left by an earlier run of this test
        WorkflowEditor editor = openExample("hello.pexper");
        assertEquals(copies.resolve("hello.pexper"), editor.file());
        assertTrue(Files.isRegularFile(copies.resolve("images/coffee.png")), "the files examples read came along");
        assertEquals(3, EditorProbe.editing(editor).workflow().getNodes().size());
        EditorProbe.editing(editor).addNode("com.pexper.nodes.basic.text", 600, 300);
        editor.doSave(null);
        byte[] changed = Files.readAllBytes(editor.file());
        page().closeAllEditors(false);
        WorkflowEditor again = openExample("hello.pexper");
        assertEquals(4, EditorProbe.editing(again).workflow().getNodes().size(), "the user's copy, as they left it");
        assertTrue(Arrays.equals(changed, Files.readAllBytes(again.file())));
        assertNotNull(WorkflowFiles.load(again.file()));
    }

    private static WorkflowEditor openExample(String name) throws Exception {
        ICommandService commands = window().getService(ICommandService.class);
        IHandlerService handlers = window().getService(IHandlerService.class);
        handlers.executeCommand(ParameterizedCommand.generateCommand(commands.getCommand(
                "com.pexper.ui.editor.openExample"), Map.of("name", name)), null);
        pump();
        return (WorkflowEditor) page().getActiveEditor();
    }

    @Test
    void aboutShowsAllOfItsText() throws Exception {
        List<String> clipped = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        UserInput.answerTheNextDialog(shell -> {
            for (StyledText text : UserInput.all(shell, StyledText.class)) {
                shown.add(text.getText());
                Point needed = text.computeSize(text.getClientArea().width, SWT.DEFAULT);
                if (needed.y > text.getClientArea().height + 2) {
                    clipped.add(needed.y + " px of text in " + text.getClientArea().height + ": " + text.getText());
                }
            }
            try {
                screenshot(shell.getDisplay(), shell.getBounds(), "about.png");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "Close");
        ActionFactory.ABOUT.create(window()).run();
        pump();
        assertTrue(String.join(" ", shown).contains("Built on Eclipse and EMF."), shown.toString());
        assertEquals(List.of(), clipped);
    }

    @Test
    void aWorkflowDraggedFromAFileManagerOpensOnTheEmptyEditorAreaAndOnAnEditorsCanvas(@TempDir Path folder)
            throws Exception {
        Path hello = Path.of(System.getProperty("pexper.root", "../..")).resolve("examples/hello.pexper");
        Path first = Files.copy(hello, folder.resolve("first.pexper"));
        Path second = Files.copy(hello, folder.resolve("second.pexper"));
        Path[] dropped = { first };
        Display display = window().getShell().getDisplay();
        // another application's window that offers the file as a file manager does
        Shell files = new Shell(display, SWT.ON_TOP | SWT.NO_TRIM);
        files.setLayout(new FillLayout());
        Label item = new Label(files, SWT.CENTER);
        item.setText("dropped.pexper");
        DragSource source = new DragSource(item, DND.DROP_COPY);
        source.setTransfer(FileTransfer.getInstance());
        source.addDragListener(new DragSourceAdapter() {
            @Override
            public void dragSetData(DragSourceEvent event) {
                event.data = new String[] { dropped[0].toString() };
            }
        });
        Rectangle window = window().getShell().getBounds();
        files.setBounds(window.x + 20, window.y + window.height - 120, 180, 60);
        files.open();
        try {
            Control editorArea = UserInput.editorArea();
            UserInput.dragBetweenWindows(files.toDisplay(90, 30), editorArea.toDisplay(editorArea.getSize().x / 2,
                    editorArea.getSize().y / 2));
            WorkflowEditor editor = activeEditorOn(first);
            dropped[0] = second;
            files.moveAbove(null); // opening the editor raised the workbench over it, as a window manager would
            pump();
            Control canvas = EditorProbe.canvas(editor);
            UserInput.dragBetweenWindows(files.toDisplay(90, 30), canvas.toDisplay(canvas.getSize().x / 2,
                    canvas.getSize().y / 2));
            activeEditorOn(second);
            assertEquals(2, page().getEditorReferences().length, "the first stays open beside it");
        } finally {
            files.dispose();
        }
    }

    /** The active editor once it is the one on {@code file}; drag and drop goes through the X server, so it waits. */
    private static WorkflowEditor activeEditorOn(Path file) {
        long until = System.currentTimeMillis() + 5000;
        while (System.currentTimeMillis() < until) {
            if (page().getActiveEditor() instanceof WorkflowEditor editor && file.equals(editor.file())) {
                return editor;
            }
            pump();
        }
        throw new AssertionError(file.getFileName() + " was dropped but did not open; the active editor is "
                + page().getActiveEditor());
    }
}
