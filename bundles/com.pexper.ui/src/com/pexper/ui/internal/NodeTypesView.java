package com.pexper.ui.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.viewers.ColumnViewerToolTipSupport;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.part.ViewPart;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import com.pexper.core.node.NodeType;
import com.pexper.core.node.NodeTypeRegistry;

/**
 * The node types installed, by category, with their descriptions as tooltips: what plug-ins add
 * shows here, and a plug-in installed or removed while the workbench runs changes the list at once.
 * The node types are the application's node-type registry service, the one the command line uses.
 */
public final class NodeTypesView extends ViewPart {

    public static final String ID = "com.pexper.ui.views.nodeTypes";

    private TreeViewer viewer;
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
        viewer = new TreeViewer(parent, SWT.SINGLE | SWT.V_SCROLL | SWT.H_SCROLL);
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
            public String getToolTipText(Object element) {
                return element instanceof NodeType type ? type.description() + "\n" + type.id() + " " + type.version()
                        : null;
            }
        });
        registry.open();
        viewer.setInput(categories());
        viewer.expandAll();
        NodeTypeRegistry types = registry.getService();
        if (types != null) {
            following = types.onChange(() -> viewer.getControl().getDisplay().asyncExec(this::refresh));
        }
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
        super.dispose();
    }

    List<Category> categories() {
        NodeTypeRegistry types = registry.getService();
        if (types == null) {
            // the core bundle's components did not start: say so where the node types would be
            return List.of(new Category("No node types: Pexper's node-type service did not start; see the error log",
                    List.of()));
        }
        Map<String, List<NodeType>> byCategory = new LinkedHashMap<>();
        for (NodeType type : types.all()) {
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
