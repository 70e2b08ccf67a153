package com.pexper.ui.editor.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DropTarget;
import org.eclipse.swt.dnd.DropTargetAdapter;
import org.eclipse.swt.dnd.DropTargetEvent;
import org.eclipse.swt.dnd.FileTransfer;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.graphics.Transform;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;

import com.pexper.core.engine.Redactor;
import com.pexper.core.node.NodeType;
import com.pexper.core.node.NodeTypeUnavailableException;
import com.pexper.core.node.PortSpec;
import com.pexper.edit.EditRefusedException;
import com.pexper.edit.NodeGroup;
import com.pexper.edit.PortMatch;
import com.pexper.edit.WorkflowEditing;
import com.pexper.model.Connection;
import com.pexper.model.Node;
import com.pexper.model.Workflow;
import com.pexper.model.validation.Problem;

/**
 * The workflow drawn on a canvas, and the mouse and keys on it: click to select (Shift or Ctrl to
 * add), drag a node to move it, drag from an output to an input to connect (inputs that cannot take
 * it are dimmed), Delete to delete, wheel to scroll, Ctrl+wheel to zoom, middle button to pan, a
 * click on the mini-map (shown while the workflow is larger than the view) to go there. Every
 * change is an edit of {@link WorkflowEditing}, so it can be undone.
 */
public final class GraphCanvas extends Canvas {

    /** What the painter needs to know of the canvas's state. */
    interface View {
        Set<Node> selectedNodes();

        Set<Connection> selectedConnections();
    }

    private static final double MIN_ZOOM = 0.2;
    /** How far a paste or duplicate lands from the original: beside it, not on it. */
    private static final double PASTE_OFFSET = 40;
    private static final double MAX_ZOOM = 4;

    private final WorkflowEditing editing;
    private final GraphPainter painter;
    private final MiniMap miniMap;
    private final Set<Node> selectedNodes = new LinkedHashSet<>();
    private final Set<Connection> selectedConnections = new LinkedHashSet<>();
    private final Consumer<String> status;
    private final List<Runnable> selectionListeners = new ArrayList<>();
    private Consumer<List<Path>> filesDropped = files -> {
    };
    private GraphGeometry geometry;
    /** The scene as last drawn while a run's states are shown, and the {@link #stamp} it was drawn at. */
    private Image scene;
    private long sceneStamp = -1;
    /** Bumped by every {@link #redraw()}: the scene may have changed. */
    private long stamp;
    /** The stamp of the last scene drawn straight onto the canvas. */
    private long paintedStamp = -1;
    private static final int SCENE_IDLE_MILLIS = 1000;
    /** How the nodes fared in the editor's latest runs. */
    private Consumer<Node> previewClicked = node -> {
    };
    private long lastPaintNanos;
    private NodeStates runStates = new NodeStates(Redactor.NONE, () -> {
    });
    /** The validator's problems by node id, as of the last change; null until asked for. */
    private Map<String, List<Problem>> problems;
    private double zoom = 1;
    /** The desktop's text size against 96 dpi; see {@link #scale()}. */
    private final double textScale;
    /** The canvas's fonts: the workbench's, at the size they have at 96 dpi (the transform enlarges them). */
    private final Font regularFont;
    private final Font boldFont;
    private double panX = 40;
    private double panY = 40;

    // what the mouse is doing
    private Point pressed;
    /** The node a move is snapped by: the one taken hold of, or a group's first. */
    private Node anchor;
    private Point moveOffset;
    private boolean snapToGrid;
    private GraphGeometry.PortAt connectingFrom;
    private Point connectingTo;
    private Point panFrom;
    /** A press on the mini-map: the view follows the mouse there until it is let go. */
    private boolean onMap;
    /** Space held down: a left drag pans, as in drawing programs. */
    private boolean spaceHeld;
    /** While one node is dragged over a connection it can go into: that connection, drawn highlighted. */
    private Connection insertTarget;
    /** The list of node types offered where a connection was dropped, while it is open. */
    private NodeTypeChooser chooser;
    /** Where a marquee was started, in the workflow's coordinates, and where the mouse is now. */
    private Point marqueeFrom;
    private Point marqueeTo;

    /** @param status where the canvas says why an edit was refused, or what is selected */
    public GraphCanvas(Composite parent, WorkflowEditing editing, Consumer<String> status) {
        super(parent, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
        this.editing = editing;
        this.status = status;
        this.textScale = Math.max(1, getDisplay().getDPI().y / 96.0);
        this.regularFont = unscaled(JFaceResources.getDefaultFont());
        this.boldFont = unscaled(JFaceResources.getFontRegistry().getBold(JFaceResources.DEFAULT_FONT));
        this.painter = new GraphPainter(getDisplay(), boldFont);
        setFont(regularFont);
        this.miniMap = new MiniMap(getDisplay());
        AutoCloseable following = editing.onChange(() -> {
            selectedNodes.retainAll(editing.workflow().getNodes());
            selectedConnections.retainAll(editing.workflow().getConnections());
            changed();
        });
        addListener(SWT.Dispose, e -> {
            miniMap.dispose();
            painter.dispose();
            if (scene != null) {
                scene.dispose();
            }
            if (textScale > 1) {
                regularFont.dispose();
                boldFont.dispose();
            }
            try {
                following.close();
            } catch (Exception ignored) {
                // removing a listener from a list does not fail
            }
        });
        addListener(SWT.Paint, this::paint);
        addListener(SWT.MouseDown, this::mouseDown);
        addListener(SWT.MouseMove, this::mouseMove);
        addListener(SWT.MouseUp, this::mouseUp);
        addListener(SWT.MouseVerticalWheel, this::wheel);
        addListener(SWT.MouseHorizontalWheel, this::wheel);
        addListener(SWT.KeyDown, this::key);
        addListener(SWT.KeyUp, e -> {
            if (e.character == ' ') {
                spaceHeld = false;
                setCursor(null);
            }
        });
        addListener(SWT.MouseHover, this::hover);
        addListener(SWT.MouseDoubleClick, e -> geometry().frameTitleAt(toModel(new Point(e.x, e.y)))
                .ifPresent(frame -> renameGroup(frame.group())));
        acceptNodeTypesDropped();
    }

    /** A font at the size it has at 96 dpi: the same font where text is not scaled (a new one to dispose otherwise). */
    private Font unscaled(Font font) {
        if (textScale == 1) {
            return font;
        }
        FontData[] data = font.getFontData();
        for (FontData d : data) {
            // whole points (SWT's API): a little off at some scales, and boxes are measured, so nothing clips
            d.setHeight(Math.max(1, (int) Math.round(d.getHeight() / textScale)));
        }
        return new Font(getDisplay(), data);
    }

    /** What a view that lists node types puts on the clipboard of a drag: this prefix and the type's id. */
    static final String NODE_TYPE_DRAG_PREFIX = "com.pexper.nodeType:";

    /**
     * A node type dragged from the Node Types view is added where it is dropped; workflow files
     * dragged from the desktop go to {@link #onFilesDropped}, as they would anywhere on the window.
     */
    private void acceptNodeTypesDropped() {
        DropTarget target = new DropTarget(this, DND.DROP_COPY | DND.DROP_MOVE);
        target.setTransfer(TextTransfer.getInstance(), FileTransfer.getInstance());
        target.addDropListener(new DropTargetAdapter() {
            @Override
            public void dragEnter(DropTargetEvent event) {
                event.detail = DND.DROP_COPY;
            }

            @Override
            public void drop(DropTargetEvent event) {
                if (event.data instanceof String[] files) {
                    filesDropped.accept(Arrays.stream(files).map(Path::of).toList());
                } else if (event.data instanceof String text && text.startsWith(NODE_TYPE_DRAG_PREFIX)) {
                    Point at = toModel(toControl(event.x, event.y));
                    add(text.substring(NODE_TYPE_DRAG_PREFIX.length()), at.x, at.y);
                }
            }
        });
    }

    /** Where files dropped on the canvas go (the editor opens the workflows among them). */
    void onFilesDropped(Consumer<List<Path>> receiver) {
        filesDropped = receiver;
    }

    /** Adds a node of the type at (x, y) in the workflow's coordinates, and selects it. */
    Node add(String typeId, double x, double y) {
        Node node = editing.addNode(typeId, x, y);
        selectedNodes.clear();
        selectedConnections.clear();
        selectedNodes.add(node);
        selectionChanged();
        return node;
    }

    /**
     * Adds a node of the type to the right of the selected node, connected from its first output
     * that fits one of the new node's inputs (as KNIME's repository does on double-click); with
     * nothing selected, in the middle of what is shown.
     */
    Node addNextToSelection(String typeId) {
        Node previous = selectedNodes.size() == 1 ? selectedNodes.iterator().next() : null;
        double x;
        double y;
        if (previous != null) {
            Rectangle bounds = geometry().box(previous).bounds();
            x = bounds.x + bounds.width + 80;
            y = bounds.y;
        } else {
            Rectangle area = getClientArea();
            Point middle = toModel(new Point(area.width / 2, area.height / 3));
            x = middle.x;
            y = middle.y;
        }
        Node node = add(typeId, x, y);
        if (previous != null) {
            connectFirstFitting(previous, node);
        }
        reveal(node); // a chain built this way grows to the right, out of the view
        return node;
    }

    /**
     * A connection dropped on empty canvas: the node types that can take its value, to add one
     * there, connected from it.
     */
    private void offerTypesTaking(GraphGeometry.PortAt from, Point at, Point onDisplay) {
        if (chooser != null) {
            chooser.close();
        }
        chooser = new NodeTypeChooser(this, onDisplay, List.copyOf(editing.registry().all()),
                type -> takes(type, from), "Add a node that takes " + from.port().type().displayName(), type -> {
                    Node node = add(type.id(), at.x, at.y - 20);
                    for (PortSpec input : editing.ports(node).inputs()) {
                        if (editing.match(from.node(), from.port().name(), node, input.name()).connects()) {
                            try {
                                editing.connect(from.node(), from.port().name(), node, input.name());
                                return;
                            } catch (EditRefusedException refused) {
                                status.accept("Not connected: " + refused.getMessage() + ".");
                            }
                        }
                    }
                });
    }

    /** Whether a node of the type has an input the port's value fits. */
    private static boolean takes(NodeType type, GraphGeometry.PortAt from) {
        try {
            return type.signature().inputs().stream().anyMatch(input -> PortMatch.of(from.port().type(),
                    input.type()).connects());
        } catch (NodeTypeUnavailableException e) {
            return false;
        }
    }

    NodeTypeChooser chooser() {
        return chooser;
    }

    private void connectFirstFitting(Node from, Node to) {
        for (PortSpec output : editing.ports(from).outputs()) {
            for (PortSpec input : editing.ports(to).inputs()) {
                if (editing.match(from, output.name(), to, input.name()).connects()) {
                    try {
                        editing.connect(from, output.name(), to, input.name());
                        return;
                    } catch (EditRefusedException refused) {
                        // try the next pair
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------------------------ for the editor

    Set<Node> selectedNodes() {
        return Set.copyOf(selectedNodes);
    }

    /** Runs {@code listener} after each change of the selection, until the handle is closed. */
    AutoCloseable onSelectionChange(Runnable listener) {
        selectionListeners.add(listener);
        return () -> selectionListeners.remove(listener);
    }

    void selectAll() {
        selectedNodes.addAll(editing.workflow().getNodes());
        selectionChanged();
    }

    void deleteSelection() {
        if (!selectedNodes.isEmpty() || !selectedConnections.isEmpty()) {
            editing.delete(selectedNodes, selectedConnections);
        }
    }

    /** The selected nodes and the connections among them, as a workflow of their own; null when none is selected. */
    Workflow copySelection() {
        return selectedNodes.isEmpty() ? null : editing.copy(selectedNodes);
    }

    /** Pastes a fragment a little below and right of where it was copied from, and selects what was pasted. */
    void paste(Workflow fragment) {
        select(editing.paste(fragment, PASTE_OFFSET, PASTE_OFFSET));
    }

    /** Ctrl+D: a copy of the selected nodes, with the connections among them, next to them. */
    void duplicateSelection() {
        Workflow copy = copySelection();
        if (copy != null) {
            paste(copy);
        }
    }

    void select(List<Node> nodes) {
        selectedNodes.clear();
        selectedConnections.clear();
        selectedNodes.addAll(nodes);
        selectionChanged();
    }

    /** Scrolls just far enough for all of a node to be in view (with a margin), keeping the zoom. */
    void reveal(Node node) {
        Rectangle b = geometry().box(node).bounds();
        Rectangle area = getClientArea();
        int margin = 24;
        Point topLeft = toScreen(new Point(b.x, b.y));
        Point bottomRight = toScreen(new Point(b.x + b.width, b.y + b.height));
        double dx = bottomRight.x > area.width - margin ? area.width - margin - bottomRight.x : 0;
        double dy = bottomRight.y > area.height - margin ? area.height - margin - bottomRight.y : 0;
        dx = topLeft.x + dx < margin ? margin - topLeft.x : dx; // its title matters most
        dy = topLeft.y + dy < margin ? margin - topLeft.y : dy;
        if (dx != 0 || dy != 0) {
            panX += dx;
            panY += dy;
            redraw();
        }
    }

    /** Ctrl+G: a titled frame around the selected nodes, its title asked for ("Group" unless changed). */
    void groupSelection() {
        if (selectedNodes.isEmpty()) {
            status.accept("Select the nodes to group first (a marquee, or Ctrl+click).");
            return;
        }
        InputDialog ask = new InputDialog(getShell(), "Group Nodes", "A title for the frame around the "
                + selectedNodes.size() + (selectedNodes.size() == 1 ? " node:" : " nodes:"), "Group",
                text -> text.isBlank() ? "A group needs a title." : null);
        if (ask.open() == Window.OK) {
            try {
                editing.group(selectedNodes, ask.getValue());
            } catch (EditRefusedException refused) {
                status.accept("Not grouped: " + refused.getMessage() + ".");
            }
        }
    }

    /** Ctrl+Shift+G: takes away the frames of the groups whose nodes are all selected; the nodes stay. */
    void ungroupSelection() {
        Set<String> ids = new HashSet<>();
        selectedNodes.forEach(n -> ids.add(n.getId()));
        for (NodeGroup group : editing.groups()) {
            if (ids.containsAll(group.nodeIds().stream().filter(id -> editing.node(id).isPresent()).toList())) {
                editing.ungroup(group);
            }
        }
    }

    /** A double-click on a group's title: a new title for it. */
    private void renameGroup(NodeGroup group) {
        InputDialog ask = new InputDialog(getShell(), "Rename Group", "The group's title:", group.title(),
                text -> text.isBlank() ? "A group needs a title." : null);
        if (ask.open() == Window.OK) {
            editing.renameGroup(group, ask.getValue());
        }
    }

    /**
     * Auto-arrange: the selected nodes when two or more are selected, else all, left to right by
     * their connections without overlaps; one undoable edit. A whole workflow is then fitted to the window.
     */
    void arrange() {
        boolean selection = selectedNodes.size() >= 2;
        Map<Node, double[]> sizes = new LinkedHashMap<>();
        for (GraphGeometry.NodeBox box : geometry().boxes()) {
            if (!selection || selectedNodes.contains(box.node())) {
                sizes.put(box.node(), new double[] { box.bounds().width, box.bounds().height });
            }
        }
        editing.arrange(sizes);
        if (!selection) {
            fitToWindow();
        }
    }

    /** Where every node is drawn, in the workflow's coordinates. */
    List<Rectangle> boxes() {
        return geometry().boxes().stream().map(GraphGeometry.NodeBox::bounds).toList();
    }

    public double zoom() {
        return zoom;
    }

    /**
     * Screen pixels per unit of the workflow's plane: the zoom, times how much larger than at
     * 96 dpi the desktop draws text (GTK's text scaling, 150 % say, which SWT does not scale
     * widgets for), so that nodes keep their proportions and places at every text size.
     */
    private double scale() {
        return zoom * textScale;
    }

    /** Zooms to a scale (1 is 100 %) around the middle of the view. */
    public void zoomTo(double scale) {
        Rectangle area = getClientArea();
        zoomAt(new Point(area.width / 2, area.height / 2), scale / zoom);
    }

    /** Zooms and scrolls so that the whole workflow fits, at most at 100 %. */
    public void fitToWindow() {
        Rectangle extent = geometry().extent();
        Rectangle area = getClientArea();
        if (extent.width == 0 || area.width == 0) {
            return;
        }
        zoom = Math.max(MIN_ZOOM, Math.min(1, Math.min((area.width - 80.0) / extent.width,
                (area.height - 80.0) / extent.height) / textScale));
        panX = (area.width - extent.width * scale()) / 2 - extent.x * scale();
        panY = (area.height - extent.height * scale()) / 2 - extent.y * scale();
        redraw();
    }

    /** Where a node's port is on screen: for tests that drive the mouse, and for tooltips. */
    Optional<Point> screenPoint(Node node, String port, boolean input) {
        Optional<GraphGeometry.PortAt> at = input ? geometry().input(node, port) : geometry().output(node, port);
        return at.map(p -> toScreen(p.center()));
    }

    /** What the legend lists. */
    List<String> legend() {
        return geometry().valueTypes().stream().map(t -> t.displayName()).toList();
    }

    /** A point in the title bar of the index-th group's frame, on screen. */
    Point screenGroupTitle(int index) {
        Rectangle bar = geometry().frames().get(index).titleBar();
        return toScreen(new Point(bar.x + 8, bar.y + bar.height / 2));
    }

    /** Where a node's type icon is drawn, on the canvas. */
    Rectangle screenIcon(Node node) {
        Rectangle icon = geometry().box(node).icon();
        Point corner = toScreen(new Point(icon.x, icon.y));
        int side = (int) Math.round(icon.width * scale());
        return new Rectangle(corner.x, corner.y, side, side);
    }

    /** Where a node's run line and preview are drawn, on the display. */
    Rectangle previewOnDisplay(Node node) {
        Rectangle area = previewArea(geometry().box(node));
        Point corner = toDisplay(toScreen(new Point(area.x, area.y)));
        return new Rectangle(corner.x, corner.y, (int) Math.round(area.width * scale()),
                (int) Math.round(area.height * scale()));
    }

    /** Where a node's title bar is on screen. */
    Point screenTitle(Node node) {
        Rectangle b = geometry().box(node).bounds();
        return toScreen(new Point(b.x + 20, b.y + 8));
    }

    // ------------------------------------------------------------------------------ painting

    private void changed() {
        geometry = null;
        problems = null;
        if (!isDisposed()) {
            redraw();
        }
    }

    /** Each node's problems, found again after every change (the validator takes milliseconds). */
    Map<String, List<Problem>> problems() {
        if (problems == null) {
            problems = new HashMap<>();
            for (Problem problem : editing.problems()) {
                if (problem.nodeId() != null) {
                    problems.computeIfAbsent(problem.nodeId(), id -> new ArrayList<>()).add(problem);
                }
            }
        }
        return problems;
    }

    private GraphGeometry geometry() {
        if (geometry == null) {
            geometry = measure();
        }
        return geometry;
    }

    private void paint(Event e) {
        long began = System.nanoTime();
        try {
            paintAll(e);
        } finally {
            lastPaintNanos = System.nanoTime() - began;
        }
    }

    /** How long the latest paint took, on the UI thread. */
    public long lastPaintNanos() {
        return lastPaintNanos;
    }

    private void paintAll(Event e) {
        GraphGeometry g = geometry();
        if (moveOffset != null && (moveOffset.x != 0 || moveOffset.y != 0)) {
            // where the drag has them; the model moves on release
            g = g.translated(selectedNodes, moveOffset, editing.workflow().getConnections());
        }
        Transform transform = new Transform(getDisplay());
        try {
            transform.translate((float) panX, (float) panY);
            transform.scale((float) scale(), (float) scale());
            e.gc.setTransform(transform);
            e.gc.setFont(getFont());
            Rectangle visible = visible();
            GraphPainter.Dragging dragging = null;
            Function<GraphGeometry.PortAt, PortMatch> matches = null;
            if (connectingFrom != null && connectingTo != null) {
                GraphGeometry.PortAt from = connectingFrom;
                matches = port -> editing.match(from.node(), from.port().name(), port.node(), port.port().name());
                Optional<GraphGeometry.PortAt> over = g.portAt(connectingTo).filter(GraphGeometry.PortAt::input);
                dragging = new GraphPainter.Dragging(from, connectingTo, over.filter(p -> matchOf(p).connects()),
                        over.map(this::matchOf).orElse(PortMatch.REFUSED));
            }
            paintScene(e.gc, g, visible, matches, transform);
            painter.paintOver(e.gc, g, visible, scale(), dragging, problems(), runStates::get);
            if (marqueeFrom != null) {
                painter.paintMarquee(e.gc, marquee());
            }
        } finally {
            e.gc.setTransform(null);
            transform.dispose();
        }
        Rectangle area = getClientArea();
        if (area.width > 400 && area.height > 300) {
            painter.paintLegend(e.gc, area, geometry().valueTypes(), JFaceResources.getDefaultFont());
        }
        // the map shows the workflow as it is, not as a drag has it, so that it is not drawn again each frame
        if (miniMap.shown(getClientArea(), geometry(), visible())) {
            miniMap.paint(e.gc, getClientArea(), geometry(), visible());
        }
    }

    /**
     * The grid, the connections and the nodes. After a change of the workflow or the view they are
     * drawn straight onto the canvas (an image in between would slow every frame of a pan); for a
     * run's states, thirty times a second, they are copied from an image of them made once, so that
     * a repaint costs only what is drawn over them, even with every node of a large workflow on
     * screen. The image is made when the canvas has been still for a second, or at the first
     * repaint for a run's states.
     */
    private void paintScene(GC gc, GraphGeometry g, Rectangle visible, Function<GraphGeometry.PortAt, PortMatch> matches,
            Transform transform) {
        boolean still = moveOffset == null && connectingFrom == null && marqueeFrom == null;
        if (!still || paintedStamp != stamp) {
            paintedStamp = stamp;
            painter.paintScene(gc, g, view(), visible, scale(), matches);
            long drawn = stamp;
            getDisplay().timerExec(SCENE_IDLE_MILLIS, () -> {
                if (!isDisposed() && stamp == drawn && moveOffset == null && connectingFrom == null
                        && marqueeFrom == null) {
                    Transform now = new Transform(getDisplay());
                    try {
                        now.translate((float) panX, (float) panY);
                        now.scale((float) scale(), (float) scale());
                        sceneImage(geometry(), visible(), null, now);
                    } finally {
                        now.dispose();
                    }
                }
            });
            return;
        }
        Image image = sceneImage(g, visible, matches, transform);
        gc.setTransform(null);
        gc.drawImage(image, 0, 0);
        gc.setTransform(transform);
    }

    /** The scene as an image, made again when it or the canvas's size changed since it was made. */
    private Image sceneImage(GraphGeometry g, Rectangle visible, Function<GraphGeometry.PortAt, PortMatch> matches,
            Transform transform) {
        Rectangle area = getClientArea();
        Rectangle size = new Rectangle(0, 0, Math.max(1, area.width), Math.max(1, area.height));
        if (scene == null || !scene.getBounds().equals(size)) {
            if (scene != null) {
                scene.dispose();
            }
            scene = new Image(getDisplay(), size.width, size.height);
            sceneStamp = -1;
        }
        if (sceneStamp != stamp) {
            GC drawing = new GC(scene);
            try {
                drawing.setTransform(transform);
                drawing.setFont(getFont());
                painter.paintScene(drawing, g, view(), visible, scale(), matches);
            } finally {
                drawing.dispose();
            }
            sceneStamp = stamp;
        }
        return scene;
    }

    /** Every reason to draw again but a run's states: the scene changed, or may have. */
    @Override
    public void redraw() {
        stamp++;
        super.redraw();
    }

    /** Draws again for a run's states, over the scene as it was. */
    public void redrawRunStates() {
        runStates.catchUp(); // here, not in the paint: a hidden editor lets go of what the events hold too
        super.redraw();
    }

    /** The part of the workflow's plane on screen, in its coordinates. */
    private Rectangle visible() {
        Rectangle area = getClientArea();
        Point topLeft = toModel(new Point(area.x, area.y));
        return new Rectangle(topLeft.x - 1, topLeft.y - 1, (int) (area.width / scale()) + 2,
                (int) (area.height / scale()) + 2);
    }

    /** Whether a point on screen is on the mini-map, while it is shown. */
    private boolean onMiniMap(Point screen) {
        Rectangle area = getClientArea();
        return miniMap.shown(area, geometry(), visible()) && miniMap.bounds(area).contains(screen);
    }

    /** Where the mini-map is on the display, or null while it is not shown. */
    Rectangle miniMapOnDisplay() {
        Rectangle area = getClientArea();
        if (!miniMap.shown(area, geometry(), visible())) {
            return null;
        }
        Rectangle b = miniMap.bounds(area);
        Point at = toDisplay(b.x, b.y);
        return new Rectangle(at.x, at.y, b.width, b.height);
    }

    /** The point of the workflow in the middle of the view. */
    Point centre() {
        Rectangle area = getClientArea();
        return toModel(new Point(area.width / 2, area.height / 2));
    }

    /** Scrolls so that a point of the workflow is in the middle of the view. */
    private void centreOn(Point model) {
        Rectangle area = getClientArea();
        panX = area.width / 2.0 - model.x * scale();
        panY = area.height / 2.0 - model.y * scale();
        redraw();
    }

    /**
     * The connection under the pointer that the one node being dragged can be put into (ComfyUI's
     * and KNIME's insert-on-connection), or null: its own connections, and those it has no fitting
     * ports for, do not count.
     */
    private Connection insertionUnder(Point at) {
        if (selectedNodes.size() != 1) {
            return null;
        }
        Node moving = selectedNodes.iterator().next();
        return geometry().connectionAt(at, c -> !c.getSourceNode().equals(moving.getId())
                && !c.getTargetNode().equals(moving.getId()))
                .filter(c -> editing.insertion(moving, c).isPresent()).orElse(null);
    }

    private PortMatch matchOf(GraphGeometry.PortAt input) {
        return editing.match(connectingFrom.node(), connectingFrom.port().name(), input.node(),
                input.port().name());
    }

    /** The workflow measured with this canvas's fonts. */
    private GraphGeometry measure() {
        GC gc = new GC(this);
        try {
            gc.setFont(getFont());
            return GraphGeometry.measure(editing, gc, boldFont);
        } finally {
            gc.dispose();
        }
    }

    private View view() {
        return new View() {
            @Override
            public Set<Node> selectedNodes() {
                return selectedNodes;
            }

            @Override
            public Set<Connection> selectedConnections() {
                if (insertTarget == null) {
                    return selectedConnections;
                }
                Set<Connection> shown = new LinkedHashSet<>(selectedConnections);
                shown.add(insertTarget);
                return shown;
            }
        };
    }

    private Point toModel(Point screen) {
        return new Point((int) Math.round((screen.x - panX) / scale()), (int) Math.round((screen.y - panY) / scale()));
    }

    private Point toScreen(Point model) {
        return new Point((int) Math.round(model.x * scale() + panX), (int) Math.round(model.y * scale() + panY));
    }

    // ------------------------------------------------------------------------------ mouse and keys

    private void mouseDown(Event e) {
        setFocus();
        if (e.button == 1 && onMiniMap(new Point(e.x, e.y))) {
            onMap = true;
            centreOn(miniMap.modelAt(new Point(e.x, e.y), getClientArea(), geometry()));
            return;
        }
        if (e.button == 2 || (e.button == 1 && spaceHeld)) {
            panFrom = new Point(e.x, e.y);
            return;
        }
        if (e.button != 1) {
            return;
        }
        Point at = toModel(new Point(e.x, e.y));
        boolean adding = (e.stateMask & (SWT.SHIFT | SWT.MOD1)) != 0;
        Optional<GraphGeometry.PortAt> port = geometry().portAt(at);
        if (port.isPresent() && !port.get().input()) {
            connectingFrom = port.get();
            connectingTo = at;
            redraw();
            return;
        }
        Optional<Node> node = geometry().nodeAt(at);
        Optional<Node> previewed = node.isPresent() ? Optional.empty() : previewAt(at);
        if (previewed.isPresent()) {
            previewClicked.accept(previewed.get());
            return;
        }
        if (node.isPresent()) {
            if (adding && selectedNodes.contains(node.get())) {
                selectedNodes.remove(node.get());
            } else {
                if (!adding && !selectedNodes.contains(node.get())) {
                    selectedNodes.clear();
                    selectedConnections.clear();
                }
                selectedNodes.add(node.get());
                pressed = at;
                anchor = node.get();
                moveOffset = new Point(0, 0);
            }
            selectionChanged();
            return;
        }
        Optional<GraphGeometry.Frame> frame = geometry().frameTitleAt(at);
        if (frame.isPresent()) {
            // a group's title bar: the group is taken hold of, its nodes move with it
            selectedNodes.clear();
            selectedConnections.clear();
            frame.get().group().nodeIds().forEach(id -> editing.node(id).ifPresent(selectedNodes::add));
            pressed = at;
            anchor = selectedNodes.isEmpty() ? null : selectedNodes.iterator().next();
            moveOffset = new Point(0, 0);
            selectionChanged();
            return;
        }
        Optional<Connection> connection = geometry().connectionAt(at, c -> true);
        if (!adding) {
            selectedNodes.clear();
            selectedConnections.clear();
        }
        connection.ifPresent(selectedConnections::add);
        if (connection.isEmpty()) {
            marqueeFrom = at;
            marqueeTo = at;
        }
        selectionChanged();
    }

    /** The marquee's rectangle in the workflow's coordinates. */
    private Rectangle marquee() {
        return new Rectangle(Math.min(marqueeFrom.x, marqueeTo.x), Math.min(marqueeFrom.y, marqueeTo.y),
                Math.abs(marqueeTo.x - marqueeFrom.x), Math.abs(marqueeTo.y - marqueeFrom.y));
    }

    private void mouseMove(Event e) {
        if (onMap) {
            centreOn(miniMap.modelAt(new Point(e.x, e.y), getClientArea(), geometry()));
        } else if (panFrom != null) {
            panX += e.x - panFrom.x;
            panY += e.y - panFrom.y;
            panFrom = new Point(e.x, e.y);
            redraw();
        } else if (connectingFrom != null) {
            connectingTo = toModel(new Point(e.x, e.y));
            redraw();
        } else if (marqueeFrom != null) {
            marqueeTo = toModel(new Point(e.x, e.y));
            redraw();
        } else if (pressed != null) {
            Point at = toModel(new Point(e.x, e.y));
            moveOffset = snapped(new Point(at.x - pressed.x, at.y - pressed.y));
            insertTarget = insertionUnder(at);
            redraw();
        }
    }

    /** With snapping on, the offset that puts the node taken hold of on the grid nearest to where it is dragged. */
    private Point snapped(Point offset) {
        if (!snapToGrid || anchor == null) {
            return offset;
        }
        int step = GraphPainter.GRID_STEP;
        double x = anchor.getX() + offset.x;
        double y = anchor.getY() + offset.y;
        return new Point((int) Math.round(Math.round(x / step) * step - anchor.getX()),
                (int) Math.round(Math.round(y / step) * step - anchor.getY()));
    }

    /** Whether nodes dragged land on the grid's lines (View > Snap to Grid). */
    public void setSnapToGrid(boolean snap) {
        snapToGrid = snap;
    }

    private void mouseUp(Event e) {
        if (onMap) {
            onMap = false;
            return;
        }
        if (panFrom != null) {
            panFrom = null;
            return;
        }
        if (marqueeFrom != null) {
            Rectangle area = marquee();
            marqueeFrom = null;
            marqueeTo = null;
            for (GraphGeometry.NodeBox box : geometry().boxes()) {
                if (area.intersects(box.bounds())) {
                    selectedNodes.add(box.node());
                }
            }
            selectionChanged();
            return;
        }
        if (connectingFrom != null) {
            GraphGeometry.PortAt from = connectingFrom;
            Optional<GraphGeometry.PortAt> target = geometry().portAt(toModel(new Point(e.x, e.y)))
                    .filter(GraphGeometry.PortAt::input);
            connectingFrom = null;
            connectingTo = null;
            Point dropped = toModel(new Point(e.x, e.y));
            if (target.isEmpty() && geometry().nodeAt(dropped).isEmpty()) {
                offerTypesTaking(from, dropped, toDisplay(e.x, e.y));
            } else if (target.isPresent()) {
                try {
                    editing.connect(from.node(), from.port().name(), target.get().node(), target.get().port().name());
                    status.accept("");
                } catch (EditRefusedException refused) {
                    status.accept("Not connected: " + refused.getMessage() + ".");
                }
            }
            redraw();
        } else if (pressed != null) {
            Point offset = moveOffset;
            Connection into = insertionUnder(toModel(new Point(e.x, e.y)));
            pressed = null;
            moveOffset = null;
            insertTarget = null;
            boolean moved = offset != null && (offset.x != 0 || offset.y != 0);
            if (into != null && moved) {
                try {
                    editing.insert(selectedNodes.iterator().next(), into, offset.x, offset.y);
                    return;
                } catch (EditRefusedException refused) {
                    status.accept("Not inserted: " + refused.getMessage() + ".");
                }
            }
            if (moved) {
                editing.move(selectedNodes, offset.x, offset.y);
            } else {
                redraw();
            }
        }
    }

    /** Shows the nodes' states in a run: the editor's runs feed {@code states}. */
    public void showRunStates(NodeStates states) {
        this.runStates = states;
        redraw();
    }

    /**
     * A node's problems as its tooltip, each with its fix: the badge says there is one, this says
     * which; and why it failed or was skipped in the latest run, or under it, its whole preview.
     */
    private void hover(Event e) {
        Point at = toModel(new Point(e.x, e.y));
        Optional<Node> node = geometry().nodeAt(at);
        List<String> lines = new ArrayList<>(node.map(n -> problems().getOrDefault(n.getId(), List.of())).orElse(List.of())
                .stream().map(p -> (p.isError() ? "" : "warning: ") + p.message() + (p.fix() == null ? "" : " " + p.fix()))
                .toList());
        Node shown = node.orElseGet(() -> previewAt(at).orElse(null));
        if (shown != null) {
            NodeState state = runStates.get(shown.getId());
            if (state.message() != null) {
                lines.add(RunPainter.statusLine(state) + ": " + state.message());
            } else if (node.isEmpty() && state.preview() instanceof Preview.Text text) {
                lines.add(text.text().length() > 2000 ? text.text().substring(0, 2000) + "\u2026" : text.text());
            } else if (node.isEmpty() && state.preview() instanceof Preview.Picture picture) {
                lines.add(picture.width() + " \u00d7 " + picture.height() + " pixels");
            }
        }
        setToolTipText(lines.isEmpty() ? null : String.join("\n", lines));
    }

    /** The node whose preview (a result shown under it) is at {@code at}. */
    private Optional<Node> previewAt(Point at) {
        return geometry().boxes().stream().filter(box -> previewArea(box).contains(at)
                && runStates.get(box.node().getId()).preview() != null).map(GraphGeometry.NodeBox::node).findFirst();
    }

    /** Tells {@code listener} of each click on a node's preview: the editor shows it in full. */
    public void onPreviewClicked(Consumer<Node> listener) {
        previewClicked = listener;
    }

    /** Where a node's state and preview are drawn, below it. */
    private static Rectangle previewArea(GraphGeometry.NodeBox box) {
        Rectangle b = box.bounds();
        return new Rectangle(b.x, b.y + b.height, b.width, RunPainter.REACH);
    }

    private void wheel(Event e) {
        if ((e.stateMask & SWT.MOD1) != 0 && e.type == SWT.MouseVerticalWheel) {
            zoomAt(new Point(e.x, e.y), e.count > 0 ? 1.1 : 1 / 1.1);
        } else if (e.type == SWT.MouseHorizontalWheel || (e.stateMask & SWT.SHIFT) != 0) {
            panX += e.count * 20;
            redraw();
        } else {
            panY += e.count * 20;
            redraw();
        }
        e.doit = false;
    }

    /** Zooms by {@code factor}, keeping the point under the mouse where it is. */
    void zoomAt(Point screen, double factor) {
        double next = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoom * factor));
        panX = screen.x - (screen.x - panX) * next / zoom;
        panY = screen.y - (screen.y - panY) * next / zoom;
        zoom = next;
        redraw();
    }

    private void key(Event e) {
        if (e.character == ' ') {
            spaceHeld = true;
            setCursor(getDisplay().getSystemCursor(SWT.CURSOR_SIZEALL));
        } else if (e.keyCode == SWT.DEL || e.keyCode == SWT.BS) {
            deleteSelection();
        } else if (e.keyCode == SWT.ESC && connectingFrom != null) {
            connectingFrom = null;
            connectingTo = null;
            redraw();
        } else if ((e.stateMask & SWT.MOD1) != 0 && (e.character == '+' || e.character == '=')) {
            Rectangle area = getClientArea();
            zoomAt(new Point(area.width / 2, area.height / 2), 1.25);
        } else if ((e.stateMask & SWT.MOD1) != 0 && e.character == '-') {
            Rectangle area = getClientArea();
            zoomAt(new Point(area.width / 2, area.height / 2), 1 / 1.25);
        } else if ((e.stateMask & SWT.MOD1) != 0 && e.character == '0') {
            fitToWindow();
        } else if ((e.stateMask & SWT.MOD1) != 0 && e.character == '1') {
            zoomTo(1);
        } else if ((e.stateMask & SWT.MOD1) != 0 && (e.keyCode == 'd' || e.character == 0x04)) {
            duplicateSelection();
        } else if ((e.stateMask & SWT.MOD1) != 0 && (e.stateMask & SWT.SHIFT) != 0 && (e.keyCode == 'g'
                || e.keyCode == 'G')) {
            ungroupSelection();
        } else if ((e.stateMask & SWT.MOD1) != 0 && (e.keyCode == 'g' || e.character == 0x07)) {
            groupSelection();
        }
    }

    private void selectionChanged() {
        int nodes = selectedNodes.size();
        int connections = selectedConnections.size();
        status.accept(nodes == 0 && connections == 0 ? ""
                : nodes == 1 && connections == 0 ? describe(selectedNodes.iterator().next())
                : nodes + (nodes == 1 ? " node" : " nodes") + (connections == 0 ? "" : ", " + connections
                        + (connections == 1 ? " connection" : " connections")) + " selected");
        selectionListeners.forEach(Runnable::run);
        redraw();
    }

    private String describe(Node node) {
        GraphGeometry.NodeBox box = geometry().box(node);
        return box.title() + " (" + node.getId() + ", " + node.getType() + ")";
    }
}
