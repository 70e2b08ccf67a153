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

import com.pexper.core.contribution.Contributions;
import com.pexper.core.node.ContributedNodeTypes;
import com.pexper.core.node.NodeType;

/**
 * The node types installed, by category, with their descriptions as tooltips: what plug-ins add
 * shows here, and a plug-in installed or removed while the workbench runs changes the list at once.
 */
public final class NodeTypesView extends ViewPart {

    public static final String ID = "com.pexper.ui.views.nodeTypes";

    private TreeViewer viewer;
    private final ContributedNodeTypes types = ContributedNodeTypes.of(Contributions.ofPlatform());
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
        viewer.setInput(categories());
        viewer.expandAll();
        following = types.onChange(() -> viewer.getControl().getDisplay().asyncExec(this::refresh));
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
        types.close();
        super.dispose();
    }

    List<Category> categories() {
        Map<String, List<NodeType>> byCategory = new LinkedHashMap<>();
        for (NodeType type : types.all()) {
            byCategory.computeIfAbsent(type.category(), c -> new ArrayList<>()).add(type);
        }
        List<Category> categories = new ArrayList<>();
        byCategory.forEach((name, types) -> categories.add(new Category(name, types)));
        return categories;
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }
}
