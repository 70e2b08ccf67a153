package com.pexper.ui.editor.internal;

import java.util.List;
import java.util.Optional;

import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnViewerToolTipSupport;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.part.ViewPart;

import com.pexper.edit.WorkflowEditing;
import com.pexper.model.Node;
import com.pexper.model.validation.Problem;

/**
 * What is wrong with the workflow in the active editor, as {@code pexper validate} says it and as
 * the badges on its nodes show it, kept up to date while it is edited; double-click (or Enter) on
 * a row selects its node and scrolls to it.
 */
public final class ProblemsView extends ViewPart {

    public static final String ID = "com.pexper.ui.editor.problems";

    private TableViewer table;
    private ActiveWorkflowEditor active;
    private AutoCloseable changesFollowed;

    @Override
    public void createPartControl(Composite parent) {
        Composite holder = new Composite(parent, SWT.NONE);
        TableColumnLayout columns = new TableColumnLayout();
        holder.setLayout(columns);
        table = new TableViewer(holder, SWT.FULL_SELECTION | SWT.SINGLE | SWT.V_SCROLL | SWT.H_SCROLL);
        table.getTable().setHeaderVisible(true);
        table.getTable().setLinesVisible(true);
        table.setContentProvider(ArrayContentProvider.getInstance());
        column(columns, "Problem", 6, new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return ((Problem) element).message();
            }

            @Override
            public Image getImage(Object element) {
                return PlatformUI.getWorkbench().getSharedImages().getImage(((Problem) element).isError()
                        ? ISharedImages.IMG_OBJS_ERROR_TSK : ISharedImages.IMG_OBJS_WARN_TSK);
            }

            @Override
            public String getToolTipText(Object element) {
                Problem problem = (Problem) element;
                return problem.message() + (problem.fix() == null ? "" : "\n" + problem.fix());
            }
        });
        column(columns, "Node", 2, new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                Problem problem = (Problem) element;
                WorkflowEditing editing = editing();
                if (problem.nodeId() == null || editing == null) {
                    return "(workflow)";
                }
                return editing.node(problem.nodeId()).map(n -> editing.label(n) + " (" + n.getId() + ")")
                        .orElse(problem.nodeId());
            }
        });
        column(columns, "What to do", 5, new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                String fix = ((Problem) element).fix();
                return fix == null ? "" : fix;
            }
        });
        ColumnViewerToolTipSupport.enableFor(table);
        table.addOpenListener(e -> open((IStructuredSelection) e.getSelection()));
        active = new ActiveWorkflowEditor(getSite().getPage(), this::follow);
        follow(active.editor());
    }

    private void column(TableColumnLayout layout, String title, int weight, ColumnLabelProvider labels) {
        TableViewerColumn column = new TableViewerColumn(table, SWT.LEFT);
        column.getColumn().setText(title);
        column.setLabelProvider(labels);
        layout.setColumnData(column.getColumn(), new ColumnWeightData(weight, 60, true));
    }

    private void follow(WorkflowEditor editor) {
        if (changesFollowed != null) {
            try {
                changesFollowed.close();
            } catch (Exception ignored) {
                // removing a listener from a list does not fail
            }
            changesFollowed = null;
        }
        if (editor != null) {
            changesFollowed = editor.onProblemsChanged(this::refresh);
        }
        refresh();
    }

    private WorkflowEditing editing() {
        WorkflowEditor editor = active == null ? null : active.editor();
        return editor == null ? null : editor.editing();
    }

    private void refresh() {
        if (table == null || table.getTable().isDisposed()) {
            return;
        }
        WorkflowEditor editor = active == null ? null : active.editor();
        WorkflowEditing editing = editing();
        List<Problem> problems = editor == null ? List.of() : editor.problems();
        table.setInput(problems);
        long errors = problems.stream().filter(Problem::isError).count();
        long warnings = problems.size() - errors;
        setContentDescription(editing == null ? "No workflow is open."
                : problems.isEmpty() ? "No problems: the workflow can run."
                : count(errors, "error") + (warnings == 0 ? "" : ", " + count(warnings, "warning")));
    }

    private static String count(long n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    /** Takes the user to the problem's node in the editor. */
    private void open(IStructuredSelection selection) {
        WorkflowEditor editor = active.editor();
        if (editor == null || !(selection.getFirstElement() instanceof Problem problem) || problem.nodeId() == null) {
            return;
        }
        Optional<Node> node = editor.editing().node(problem.nodeId());
        if (node.isPresent()) {
            getSite().getPage().activate(editor);
            editor.show(node.get());
        }
    }

    TableViewer table() {
        return table;
    }

    @Override
    public void setFocus() {
        table.getControl().setFocus();
    }

    @Override
    public void dispose() {
        follow(null);
        active.dispose();
        super.dispose();
    }
}
