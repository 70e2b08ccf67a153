package com.pexper.ui.editor.internal;

import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

import com.pexper.core.node.NodeType;

/**
 * The list that opens where a connection is dropped on empty canvas: the node types that can take
 * the dragged value, narrowed as the user types (label, id or description); Enter or a double-click
 * adds the chosen one there, connected; Escape or a click elsewhere closes it (as ComfyUI does).
 */
final class NodeTypeChooser {

    private final Shell shell;
    private final Text search;
    private final Table list;
    private final List<NodeType> fitting;
    private final Consumer<NodeType> chosen;
    private List<NodeType> shown = List.of();

    /** @param at where to open, in display coordinates */
    NodeTypeChooser(Control owner, Point at, List<NodeType> types, Predicate<NodeType> fits, String title,
            Consumer<NodeType> chosen) {
        this.fitting = types.stream().filter(fits).sorted(Comparator.comparing(NodeType::label)).toList();
        this.chosen = chosen;
        shell = new Shell(owner.getShell(), SWT.ON_TOP | SWT.TOOL | SWT.BORDER);
        shell.setText(title);
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 4;
        layout.marginHeight = 4;
        shell.setLayout(layout);
        Label heading = new Label(shell, SWT.NONE);
        heading.setText(title);
        heading.setForeground(shell.getDisplay().getSystemColor(SWT.COLOR_WIDGET_DARK_SHADOW));
        search = new Text(shell, SWT.SINGLE | SWT.BORDER | SWT.SEARCH | SWT.ICON_SEARCH);
        search.setMessage("Search node types");
        search.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        list = new Table(shell, SWT.SINGLE | SWT.V_SCROLL | SWT.FULL_SELECTION);
        GridData listData = new GridData(SWT.FILL, SWT.FILL, true, true);
        listData.heightHint = list.getItemHeight() * 10;
        listData.widthHint = 280;
        list.setLayoutData(listData);
        search.addListener(SWT.Modify, e -> filter());
        search.addListener(SWT.KeyDown, e -> {
            if (e.keyCode == SWT.ARROW_DOWN || e.keyCode == SWT.ARROW_UP) {
                int next = list.getSelectionIndex() + (e.keyCode == SWT.ARROW_DOWN ? 1 : -1);
                list.setSelection(Math.max(0, Math.min(list.getItemCount() - 1, next)));
                e.doit = false;
            }
        });
        search.addListener(SWT.DefaultSelection, e -> choose());
        list.addListener(SWT.DefaultSelection, e -> choose());
        for (Control control : new Control[] { search, list }) {
            control.addListener(SWT.Traverse, e -> {
                if (e.detail == SWT.TRAVERSE_ESCAPE) {
                    close();
                    e.doit = false;
                }
            });
        }
        shell.addListener(SWT.Deactivate, e -> shell.getDisplay().asyncExec(this::close));
        filter();
        shell.pack();
        shell.setLocation(at);
        shell.open();
        search.setFocus();
    }

    boolean isOpen() {
        return !shell.isDisposed();
    }

    /** What the list shows now, in order. */
    List<NodeType> shown() {
        return shown;
    }

    void type(String text) {
        search.setText(text);
    }

    /** Adds the selected type (the first when none is), and closes. */
    void choose() {
        int index = Math.max(0, list.getSelectionIndex());
        if (index < shown.size()) {
            NodeType type = shown.get(index);
            close();
            chosen.accept(type);
        }
    }

    void close() {
        if (!shell.isDisposed()) {
            shell.dispose();
        }
    }

    private void filter() {
        shown = fitting.stream().filter(type -> type.matches(search.getText())).toList();
        list.removeAll();
        for (NodeType type : shown) {
            TableItem item = new TableItem(list, SWT.NONE);
            item.setText(type.label() + "  \u2014  " + type.category());
        }
        if (!shown.isEmpty()) {
            list.setSelection(0);
        }
    }
}
