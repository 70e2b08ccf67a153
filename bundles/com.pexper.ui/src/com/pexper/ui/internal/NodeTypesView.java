package com.pexper.ui.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.commands.NotEnabledException;
import org.eclipse.core.commands.NotHandledException;
import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.core.commands.common.NotDefinedException;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnViewerToolTipSupport;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DragSourceAdapter;
import org.eclipse.swt.dnd.DragSourceEvent;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.part.ViewPart;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import com.pexper.core.node.NodeType;
import com.pexper.core.node.NodeTypeRegistry;

/**
 * The node repository: the node types installed, by category, narrowed by a search of their
 * labels, ids and descriptions, each with its ports and parameters as its tooltip. What plug-ins
 * add shows here, and a plug-in installed or removed while the workbench runs changes the list at once.
 * The node types are the application's node-type registry service, the one the command line uses.
 */
public final class NodeTypesView extends ViewPart {

    public static final String ID = "com.pexper.ui.views.nodeTypes";
    /** The workflow editor's command that adds a node of the type given as its "typeId" parameter. */
    private static final String ADD_NODE = "com.pexper.ui.editor.addNode";
    /** What a dragged node type is on the clipboard: this prefix and its id (the editor's drop target reads it). */
    private static final String NODE_TYPE_DRAG_PREFIX = "com.pexper.nodeType:";

    private TreeViewer viewer;
    private RepositoryImages images;
    private Text search;
    /** Held while the view is open: the registry component stays active as long as someone holds it. */
    private final ServiceTracker<NodeTypeRegistry, NodeTypeRegistry> registry = new ServiceTracker<>(
            FrameworkUtil.getBundle(NodeTypesView.class).getBundleContext(), NodeTypeRegistry.class, null);
    private AutoCloseable following = () -> {
    };

    /** A palette category and its node types. */
    record Category(String name, List<NodeType> types) {
    }

    @Override
    public void createPartControl(Composite parent) {
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 0;
        layout.marginHeight = 0;
        layout.verticalSpacing = 2;
        parent.setLayout(layout);
        search = new Text(parent, SWT.SINGLE | SWT.BORDER | SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
        search.setMessage("Search node types (Enter adds)");
        search.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        search.addListener(SWT.Modify, e -> refresh());
        // as in a command palette: Enter adds the best match, Down goes into the list
        search.addListener(SWT.DefaultSelection, e -> {
            NodeType best = bestMatch();
            if (best != null) {
                addToEditor(best);
            }
        });
        search.addListener(SWT.KeyDown, e -> {
            if (e.keyCode == SWT.ARROW_DOWN) {
                NodeType best = bestMatch();
                if (best != null) {
                    viewer.setSelection(new StructuredSelection(best), true);
                    viewer.getControl().setFocus();
                }
                e.doit = false;
            }
        });
        viewer = new TreeViewer(parent, SWT.SINGLE | SWT.V_SCROLL | SWT.H_SCROLL);
        images = new RepositoryImages(parent.getDisplay());
        viewer.getControl().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        ColumnViewerToolTipSupport.enableFor(viewer);
        viewer.setContentProvider(new ITreeContentProvider() {
            @Override
            public Object[] getElements(Object input) {
                return ((List<?>) input).toArray();
            }

            @Override
            public Object[] getChildren(Object element) {
                return element instanceof Category category ? category.types().toArray() : new Object[0];
            }

            @Override
            public Object getParent(Object element) {
                return null;
            }

            @Override
            public boolean hasChildren(Object element) {
                return element instanceof Category;
            }
        });
        viewer.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return element instanceof Category category ? category.name() : ((NodeType) element).label();
            }

            @Override
            public Image getImage(Object element) {
                return element instanceof NodeType type ? images.of(type) : null;
            }

            @Override
            public String getToolTipText(Object element) {
                return element instanceof NodeType type ? NodeTypeTooltip.of(type) : null;
            }
        });
        addToTheEditorOnDoubleClickOrDrag();
        registry.open();
        viewer.setInput(categories());
        viewer.expandAll();
        NodeTypeRegistry types = registry.getService();
        if (types != null) {
            following = types.onChange(() -> viewer.getControl().getDisplay().asyncExec(this::refresh));
        }
    }

    /**
     * Double-click adds the type to the active workflow editor, next to its selected node and
     * connected to it; dragging one onto the editor adds it where it is dropped. The editor's
     * bundle handles both (its "Add Node" command, its drop target): this view knows no editor.
     */
    private void addToTheEditorOnDoubleClickOrDrag() {
        viewer.addDoubleClickListener(event -> {
            if (((IStructuredSelection) event.getSelection()).getFirstElement() instanceof NodeType type) {
                addToEditor(type);
            }
        });
        viewer.addDragSupport(DND.DROP_COPY, new Transfer[] { TextTransfer.getInstance() }, new DragSourceAdapter() {
            @Override
            public void dragStart(DragSourceEvent event) {
                event.doit = selectedType() != null;
            }

            @Override
            public void dragSetData(DragSourceEvent event) {
                NodeType type = selectedType();
                event.data = type == null ? null : NODE_TYPE_DRAG_PREFIX + type.id();
            }
        });
    }

    private NodeType selectedType() {
        return viewer.getStructuredSelection().getFirstElement() instanceof NodeType type ? type : null;
    }

    void addToEditor(NodeType type) {
        ICommandService commands = getSite().getService(ICommandService.class);
        IHandlerService handlers = getSite().getService(IHandlerService.class);
        try {
            handlers.executeCommand(ParameterizedCommand.generateCommand(commands.getCommand(ADD_NODE),
                    Map.of("typeId", type.id())), null);
        } catch (ExecutionException e) {
            getViewSite().getActionBars().getStatusLineManager().setErrorMessage("Cannot add " + type.label() + ": "
                    + e.getMessage());
        } catch (NotDefinedException | NotEnabledException | NotHandledException e) {
            getViewSite().getActionBars().getStatusLineManager().setErrorMessage("Cannot add " + type.label()
                    + ": the workflow editor is not installed");
        }
    }

    /** The type whose label is the search text, else the first one shown; null when none is. */
    NodeType bestMatch() {
        String query = search.getText().strip();
        NodeType first = null;
        for (Category category : categories()) {
            for (NodeType type : category.types()) {
                if (type.label().equalsIgnoreCase(query)) {
                    return type;
                }
                first = first == null ? type : first;
            }
        }
        return first;
    }

    private void refresh() {
        if (!viewer.getControl().isDisposed()) {
            viewer.setInput(categories());
            viewer.expandAll();
        }
    }

    @Override
    public void dispose() {
        try {
            following.close();
        } catch (Exception e) {
            // removing a listener from a set does not fail
        }
        registry.close();
        if (images != null) {
            images.dispose();
        }
        super.dispose();
    }

    List<Category> categories() {
        NodeTypeRegistry types = registry.getService();
        if (types == null) {
            // the core bundle's components did not start: say so where the node types would be
            return List.of(new Category("No node types: Pexper's node-type service did not start; see the error log",
                    List.of()));
        }
        String query = search == null ? "" : search.getText();
        Map<String, List<NodeType>> byCategory = new LinkedHashMap<>();
        for (NodeType type : types.all()) {
            if (!type.matches(query)) {
                continue;
            }
            byCategory.computeIfAbsent(type.category(), c -> new ArrayList<>()).add(type);
        }
        List<Category> categories = new ArrayList<>();
        byCategory.forEach((name, members) -> categories.add(new Category(name, members)));
        return categories;
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }
}
