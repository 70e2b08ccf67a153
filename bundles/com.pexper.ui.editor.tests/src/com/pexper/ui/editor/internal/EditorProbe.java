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

    /** The square a node's type icon is drawn in, in display coordinates. */
    public static org.eclipse.swt.graphics.Rectangle iconOnDisplay(WorkflowEditor editor, Node node) {
        org.eclipse.swt.graphics.Rectangle icon = editor.canvas().screenIcon(node);
        Point corner = editor.canvas().toDisplay(icon.x, icon.y);
        return new org.eclipse.swt.graphics.Rectangle(corner.x, corner.y, icon.width, icon.height);
    }

    /** A point in a node's title bar, in display coordinates. */
    public static Point titleOnDisplay(WorkflowEditor editor, Node node) {
        return editor.canvas().toDisplay(editor.canvas().screenTitle(node));
    }

    /** The Properties view, shown (opened when it was closed). */
    public static PropertiesView properties() throws org.eclipse.ui.PartInitException {
        return (PropertiesView) org.eclipse.ui.PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage()
                .showView(PropertiesView.ID);
    }

    /** The Problems view, shown. */
    public static ProblemsView problemsView() throws org.eclipse.ui.PartInitException {
        return (ProblemsView) org.eclipse.ui.PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage()
                .showView(ProblemsView.ID);
    }

    /** The Problems view's table, for rows to be read and opened. */
    public static org.eclipse.swt.widgets.Table problemsTable(ProblemsView view) {
        return view.table().getTable();
    }

    /** The widget a parameter is edited with: a StyledText, Text, Combo or check box. */
    public static org.eclipse.swt.widgets.Control field(PropertiesView view, String parameter) {
        ParameterField field = view.fields().stream().filter(f -> f.spec.name().equals(parameter)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no field for " + parameter));
        return switch (field) {
            case TextParameterField f -> f.text();
            case BooleanParameterField f -> f.box();
            case ChoiceParameterField f -> f.combo();
            case FileParameterField f -> f.text();
            case ColorParameterField f -> f.text();
            case CredentialParameterField f -> f.combo();
            default -> throw new IllegalStateException(field.getClass().getName());
        };
    }

    /** The parameters the view has fields for, in order. */
    public static java.util.List<String> fields(PropertiesView view) {
        return view.fields().stream().map(f -> f.spec.name()).toList();
    }

    /** What the field says is wrong, or null when it says nothing. */
    public static String problemShown(PropertiesView view, String parameter) {
        return view.fields().stream().filter(f -> f.spec.name().equals(parameter)).findFirst().orElseThrow()
                .problemShown();
    }

    /** The field the node's shown name is typed into. */
    public static org.eclipse.swt.widgets.Text labelField(PropertiesView view) {
        return view.labelField();
    }

    /** The view's widgets, for their text to be read. */
    public static org.eclipse.swt.widgets.Control propertiesContent(PropertiesView view) {
        return view.content();
    }

    /** What a text field holds. */
    public static String textOf(org.eclipse.swt.widgets.Control control) {
        return switch (control) {
            case org.eclipse.swt.custom.StyledText styled -> styled.getText();
            case org.eclipse.swt.widgets.Text plain -> plain.getText();
            case org.eclipse.swt.widgets.Combo combo -> combo.getText();
            default -> throw new IllegalArgumentException("not a text field: " + control);
        };
    }

    /** The nodes selected in the editor now. */
    public static java.util.Set<Node> selected(WorkflowEditor editor) {
        return editor.canvas().selectedNodes();
    }

    /** Where the mini-map is on the display, or null while it is not shown. */
    public static org.eclipse.swt.graphics.Rectangle miniMap(WorkflowEditor editor) {
        return editor.canvas().miniMapOnDisplay();
    }

    /** The point of the workflow in the middle of the view. */
    public static Point centre(WorkflowEditor editor) {
        return editor.canvas().centre();
    }

    public static double zoom(WorkflowEditor editor) {
        return editor.canvas().zoom();
    }

    /** A point in the title bar of a group's frame, in display coordinates. */
    public static Point groupTitleOnDisplay(WorkflowEditor editor, int index) {
        return editor.canvas().toDisplay(editor.canvas().screenGroupTitle(index));
    }

    /** What the legend lists: the kinds of value the workflow's ports carry. */
    public static java.util.List<String> legend(WorkflowEditor editor) {
        return editor.canvas().legend();
    }

    /** A node's state in the editor's latest run as its line under it names it ("Done", "Skipped"), or null. */
    public static String runPhase(WorkflowEditor editor, String nodeId) {
        NodeState.Phase phase = editor.states().get(nodeId).phase();
        return phase == null ? null : phase.name();
    }

    /** The line drawn under a node: its state, time, items. */
    public static String runLine(WorkflowEditor editor, String nodeId) {
        return RunPainter.statusLine(editor.states().get(nodeId));
    }

    /** Why the node failed or was skipped, as its tooltip and preview say. */
    public static String runMessage(WorkflowEditor editor, String nodeId) {
        return editor.states().get(nodeId).message();
    }

    /** The text of the node's preview, or null when it shows none (or a picture). */
    public static String previewText(WorkflowEditor editor, String nodeId) {
        return editor.states().get(nodeId).preview() instanceof Preview.Text text ? text.text() : null;
    }

    /** The size of the image the node's thumbnail shows, or null. */
    public static int[] previewPicture(WorkflowEditor editor, String nodeId) {
        return editor.states().get(nodeId).preview() instanceof Preview.Picture picture
                ? new int[] { picture.width(), picture.height() } : null;
    }

    public static boolean previewOutOfDate(WorkflowEditor editor, String nodeId) {
        return editor.states().get(nodeId).stale();
    }

    /** Items done and in all of a node run per item, as its progress shows them. */
    public static int[] runItems(WorkflowEditor editor, String nodeId) {
        NodeState state = editor.states().get(nodeId);
        return new int[] { state.itemsDone(), state.itemCount() };
    }

    /** Where a node's run line and preview are drawn, in display coordinates. */
    public static org.eclipse.swt.graphics.Rectangle previewOnDisplay(WorkflowEditor editor, Node node) {
        return editor.canvas().previewOnDisplay(node);
    }

    /** The canvas's tooltip now. */
    public static String tooltip(WorkflowEditor editor) {
        return editor.canvas().getToolTipText();
    }

    /** Sends a hover at a point of the display to the canvas, as resting the mouse there would. */
    public static void hover(WorkflowEditor editor, Point onDisplay) {
        org.eclipse.swt.widgets.Event event = new org.eclipse.swt.widgets.Event();
        Point at = editor.canvas().toControl(onDisplay);
        event.x = at.x;
        event.y = at.y;
        editor.canvas().notifyListeners(org.eclipse.swt.SWT.MouseHover, event);
    }

    /** The rows of the Problems view, opened if it was not. */
    public static java.util.List<String> problemsShown() throws org.eclipse.ui.PartInitException {
        org.eclipse.swt.widgets.Table table = problemsTable(problemsView());
        return java.util.Arrays.stream(table.getItems()).map(item -> item.getText(0)).toList();
    }

    /** The id of the editor's latest run that ended, or null. */
    public static String lastRunId(WorkflowEditor editor) {
        com.pexper.core.engine.RunResult last = editor.lastRun();
        return last == null ? null : last.runId();
    }

    /** What the editor last said in the status line. */
    public static String status(WorkflowEditor editor) {
        return editor.statusShown;
    }

    /** Clicks a node's preview on the canvas, as the user does to see all of it. */
    public static void clickPreview(WorkflowEditor editor, String nodeId) {
        Node node = editor.editing().node(nodeId).orElseThrow();
        org.eclipse.swt.graphics.Rectangle card = previewOnDisplay(editor, node);
        org.eclipse.swt.widgets.Control canvas = canvas(editor);
        Point at = canvas.toControl(new Point(card.x + card.width / 2, card.y + card.height / 2));
        org.eclipse.swt.widgets.Event press = new org.eclipse.swt.widgets.Event();
        press.x = at.x;
        press.y = at.y;
        press.button = 1;
        canvas.notifyListeners(org.eclipse.swt.SWT.MouseDown, press);
        org.eclipse.swt.widgets.Event release = new org.eclipse.swt.widgets.Event();
        release.x = at.x;
        release.y = at.y;
        release.button = 1;
        canvas.notifyListeners(org.eclipse.swt.SWT.MouseUp, release);
    }

    public static OutputView outputView() {
        return (OutputView) org.eclipse.ui.PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage()
                .findView(OutputView.ID);
    }

    /** The text the Output view shows, or null when it shows none. */
    public static String outputText(OutputView view) {
        return view.textShown();
    }

    /** The line above the Output view's result: which node, what it is. */
    public static String outputTitle(OutputView view) {
        return view.titleShown();
    }

    public static String outputNode(OutputView view) {
        return view.nodeId();
    }

    /** Where the Output view's image is drawn on screen, or null while it shows none. */
    public static org.eclipse.swt.graphics.Rectangle outputImageOnDisplay(OutputView view) {
        PixelCanvas pixels = view.pixels();
        return pixels == null || !pixels.isVisible() || pixels.imageBounds() == null ? null
                : pixels.getDisplay().map(pixels, null, pixels.imageBounds());
    }

    /** The image's zoom, and whether it is shown beside the node's input, divider where. */
    public static double[] outputZoom(OutputView view) {
        PixelCanvas pixels = view.pixels();
        return pixels == null ? null : new double[] {pixels.zoom(), pixels.comparing() ? 1 : 0, pixels.split()};
    }

    /** The Output view's image, to drag on. */
    public static org.eclipse.swt.widgets.Control outputCanvas(OutputView view) {
        return view.pixels();
    }

    /** The Gallery view's grid of thumbnails. */
    public static org.eclipse.swt.widgets.Control galleryGrid(GalleryView view) {
        return view.grid();
    }

    /** The entries the Gallery view shows, in order. */
    public static java.util.List<com.pexper.gallery.GalleryEntry> galleryShown(GalleryView view) {
        return view.grid().entries();
    }

    /** The entries whose cells the Gallery view has in view. */
    public static java.util.List<com.pexper.gallery.GalleryEntry> galleryInView(GalleryView view) {
        return view.grid().inView();
    }

    /** Whether the Gallery view draws this entry's thumbnail (rather than a placeholder). */
    public static boolean galleryThumbnailDrawn(GalleryView view, com.pexper.gallery.GalleryEntry entry) {
        return view.grid().thumbnailDrawn(entry);
    }

    /** Selects the entry at an index, as a click on it does. */
    public static void gallerySelect(GalleryView view, int index) {
        view.grid().select(index);
    }

    public static com.pexper.gallery.GalleryEntry gallerySelection(GalleryView view) {
        return view.grid().selection();
    }

    public static String galleryDetails(GalleryView view) {
        return view.detailsShown();
    }

    public static boolean galleryReading(GalleryView view) {
        return view.isReading();
    }

    /** Where the cell of the entry at an index is drawn, in display coordinates. */
    public static org.eclipse.swt.graphics.Rectangle galleryCellOnDisplay(GalleryView view, int index) {
        return view.grid().cellOnDisplay(index);
    }


    /** Whether the Output view shows an image with another under the before/after divider. */
    public static boolean outputCompares(OutputView view) {
        return view.pixels() != null && view.pixels().comparing();
    }
}
