package com.pexper.ui.editor.internal;

import org.eclipse.swt.graphics.Point;

import com.pexper.edit.WorkflowEditing;
import com.pexper.model.Node;

/** What tests that drive the editor with real events need to know: its editing, where things are on the display. */
public final class EditorProbe {

    private EditorProbe() {
    }

    public static WorkflowEditing editing(WorkflowEditor editor) {
        return editor.editing();
    }

    /** A port's centre in display coordinates. */
    public static Point portOnDisplay(WorkflowEditor editor, Node node, String port, boolean input) {
        GraphCanvas canvas = editor.canvas();
        Point onCanvas = canvas.screenPoint(node, port, input).orElseThrow(() -> new IllegalArgumentException(
                node.getId() + " has no " + (input ? "input " : "output ") + port));
        return canvas.toDisplay(onCanvas);
    }

    /** The canvas the workflow is drawn on, for events sent to it. */
    public static org.eclipse.swt.widgets.Control canvas(WorkflowEditor editor) {
        return editor.canvas();
    }

    /** The problems the editor shows on a node now (its badge). */
    public static java.util.List<com.pexper.model.validation.Problem> problems(WorkflowEditor editor, Node node) {
        return editor.canvas().problems().getOrDefault(node.getId(), java.util.List.of());
    }

    /** The labels the list offered where a connection was dropped shows; empty when it is not open. */
    public static java.util.List<String> offered(WorkflowEditor editor) {
        NodeTypeChooser chooser = editor.canvas().chooser();
        return chooser == null || !chooser.isOpen() ? java.util.List.of()
                : chooser.shown().stream().map(com.pexper.core.node.NodeType::label).toList();
    }

    /** Types into the offered list's search field, as the user would. */
    public static void typeInOffered(WorkflowEditor editor, String text) {
        editor.canvas().chooser().type(text);
    }

    /** Enter in the offered list: adds the selected type. */
    public static void chooseOffered(WorkflowEditor editor) {
        editor.canvas().chooser().choose();
    }

    /** Where every node is drawn, in the workflow's coordinates. */
    public static java.util.List<org.eclipse.swt.graphics.Rectangle> boxes(WorkflowEditor editor) {
        return editor.canvas().boxes();
    }

    /** File > Open Recent's files, newest first, and how many items its menu shows. */
    public static java.util.List<java.nio.file.Path> recent() {
        return RecentWorkflows.list();
    }

    public static int recentMenuItems() {
        return new OpenRecentMenu().getContributionItems().length;
    }

    /** A point in a node's title bar, in display coordinates. */
    public static Point titleOnDisplay(WorkflowEditor editor, Node node) {
        return editor.canvas().toDisplay(editor.canvas().screenTitle(node));
    }
}
