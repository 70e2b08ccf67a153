package com.pexper.ui.editor.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.part.ViewPart;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import com.pexper.ai.AiClients;
import com.pexper.core.node.ParameterSpec;
import com.pexper.edit.EditRefusedException;
import com.pexper.edit.WorkflowEditing;
import com.pexper.model.Node;
import com.pexper.model.validation.Problem;

/**
 * The settings of the node selected in the workflow editor: its name, and an editor for each
 * parameter its type declares, with help and what is wrong with each value. Every change is an
 * undoable edit in the editor; undo and redo show here at once.
 */
public final class PropertiesView extends ViewPart {

    public static final String ID = "com.pexper.ui.editor.properties";

    private final ServiceTracker<AiClients, AiClients> ai = new ServiceTracker<>(
            FrameworkUtil.getBundle(PropertiesView.class).getBundleContext(), AiClients.class, null);
    private ScrolledComposite scrolled;
    private Composite content;
    private ActiveWorkflowEditor active;
    private AutoCloseable selectionFollowed;
    private AutoCloseable changesFollowed;
    private Node node;
    private Text label;
    private final List<ParameterField> fields = new ArrayList<>();

    @Override
    public void createPartControl(Composite parent) {
        ai.open();
        scrolled = new ScrolledComposite(parent, SWT.V_SCROLL);
        scrolled.setExpandHorizontal(true);
        scrolled.setExpandVertical(true);
        scrolled.addListener(SWT.Resize, e -> resize());
        active = new ActiveWorkflowEditor(getSite().getPage(), this::follow);
        follow(active.editor());
    }

    private void follow(WorkflowEditor editor) {
        close(selectionFollowed);
        close(changesFollowed);
        selectionFollowed = null;
        changesFollowed = null;
        if (editor != null && editor.canvas() != null) {
            selectionFollowed = editor.canvas().onSelectionChange(this::selectionChanged);
            changesFollowed = editor.editing().onChange(this::changed);
        }
        Set<Node> selected = editor == null || editor.canvas() == null ? Set.of() : editor.canvas().selectedNodes();
        show(selected.size() == 1 ? selected.iterator().next() : null, selected.size());
    }

    private WorkflowEditing editing() {
        WorkflowEditor editor = active == null ? null : active.editor();
        return editor == null ? null : editor.editing();
    }

    private void selectionChanged() {
        WorkflowEditor editor = active == null ? null : active.editor();
        Set<Node> selected = editor == null || editor.canvas() == null ? Set.of() : editor.canvas().selectedNodes();
        Node next = selected.size() == 1 ? selected.iterator().next() : null;
        if (next != node || next == null) {
            show(next, selected.size());
        }
    }

    private void changed() {
        WorkflowEditing editing = editing();
        if (node != null && editing != null && !editing.workflow().getNodes().contains(node)) {
            show(null);
            return;
        }
        refresh();
    }

    private void show(Node shown) {
        show(shown, 0);
    }

    /** Builds the view for a node, or says what to select. */
    private void show(Node shown, int selected) {
        node = shown;
        fields.clear();
        label = null;
        if (content != null) {
            content.dispose();
        }
        content = new Composite(scrolled, SWT.NONE);
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 8;
        layout.verticalSpacing = 6;
        content.setLayout(layout);
        scrolled.setContent(content);
        WorkflowEditing editing = editing();
        if (shown == null || editing == null) {
            Label hint = new Label(content, SWT.WRAP);
            hint.setText(editing == null ? "Open a workflow to see its nodes' settings here."
                    : selected > 1 ? selected + " nodes are selected: select one to see its settings."
                    : "Select a node to see its settings here.");
            hint.setLayoutData(wrapping());
        } else {
            header(editing, shown);
            List<ParameterSpec> specs = editing.parameters(shown);
            if (specs.isEmpty()) {
                Label none = new Label(content, SWT.WRAP);
                none.setText(editing.registry().find(shown.getType()).isPresent() ? "This node has no settings."
                        : "No installed plug-in provides " + shown.getType() + ". Its settings are kept as they are"
                                + " in the file; install the plug-in to edit them.");
                none.setLayoutData(wrapping());
            }
            ParameterField.Host host = host(editing, shown);
            for (ParameterSpec spec : specs) {
                fields.add(create(content, spec, host));
            }
            refresh();
        }
        resize();
    }

    private void header(WorkflowEditing editing, Node shown) {
        Label title = new Label(content, SWT.WRAP);
        title.setFont(JFaceResources.getHeaderFont());
        title.setText(editing.registry().find(shown.getType()).map(t -> t.label()).orElse(shown.getType()));
        title.setLayoutData(wrapping());
        title.setToolTipText(shown.getType());
        Label id = new Label(content, SWT.NONE);
        id.setText("Node \u201c" + shown.getId() + "\u201d");
        id.setToolTipText("The node's id in the workflow file; its type is " + shown.getType() + ".");
        id.setForeground(content.getDisplay().getSystemColor(SWT.COLOR_WIDGET_DARK_SHADOW));
        Label name = new Label(content, SWT.NONE);
        name.setText("Name shown");
        name.setFont(JFaceResources.getFontRegistry().getBold(JFaceResources.DEFAULT_FONT));
        label = new Text(content, SWT.BORDER | SWT.SINGLE);
        label.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        label.setMessage(title.getText());
        label.addListener(SWT.DefaultSelection, e -> editing.setLabel(shown, label.getText()));
        label.addListener(SWT.FocusOut, e -> editing.setLabel(shown, label.getText()));
        new Label(content, SWT.SEPARATOR | SWT.HORIZONTAL).setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
    }

    private static ParameterField create(Composite parent, ParameterSpec spec, ParameterField.Host host) {
        return switch (spec.type()) {
            case BOOLEAN -> new BooleanParameterField(parent, spec, host);
            case CHOICE -> new ChoiceParameterField(parent, spec, host);
            case FILE -> new FileParameterField(parent, spec, host);
            case COLOR -> new ColorParameterField(parent, spec, host);
            case CREDENTIAL -> new CredentialParameterField(parent, spec, host);
            case STRING, INTEGER, DECIMAL -> new TextParameterField(parent, spec, host);
        };
    }

    private ParameterField.Host host(WorkflowEditing editing, Node shown) {
        return new ParameterField.Host() {
            @Override
            public String commit(ParameterSpec spec, String text) {
                try {
                    editing.setParameter(shown, spec.name(), text);
                    return null;
                } catch (EditRefusedException e) {
                    return e.getMessage() + ".";
                }
            }

            @Override
            public Path baseDirectory() {
                return editing.baseDirectory();
            }

            @Override
            public AiClients ai() {
                return ai.getService();
            }

            @Override
            public String valueOf(String parameter) {
                String text = editing.parameterText(shown, parameter);
                if (text != null) {
                    return text;
                }
                return editing.parameters(shown).stream().filter(p -> p.name().equals(parameter)).findFirst()
                        .map(p -> p.defaultValue() == null ? "" : p.defaultValue().toString()).orElse("");
            }

            @Override
            public Shell shell() {
                return getSite().getShell();
            }
        };
    }

    /** The workflow's values and problems into the fields, after any change (an undo among them). */
    private void refresh() {
        WorkflowEditing editing = editing();
        if (node == null || editing == null || content == null || content.isDisposed()) {
            return;
        }
        if (label != null && !label.isFocusControl()) {
            label.setText(node.getLabel() == null ? "" : node.getLabel());
        }
        List<Problem> problems = editing.problems(node);
        for (ParameterField field : fields) {
            String text = editing.parameterText(node, field.spec.name());
            field.show(text == null ? "" : text);
            String mark = "parameter '" + field.spec.name() + "'";
            field.validated(problems.stream().filter(p -> p.message().contains(mark)).findFirst()
                    .map(p -> p.message() + (p.fix() == null ? "" : " " + p.fix())).orElse(null));
        }
    }

    private void resize() {
        if (content == null || content.isDisposed()) {
            return;
        }
        // as wide as the view, never wider: long help wraps instead of running off to the right
        int width = scrolled.getClientArea().width;
        scrolled.setMinSize(0, content.computeSize(width > 0 ? width : SWT.DEFAULT, SWT.DEFAULT).y);
        content.layout(true, true);
    }

    private static GridData wrapping() {
        GridData data = new GridData(SWT.FILL, SWT.TOP, true, false);
        data.widthHint = 200;
        return data;
    }

    List<ParameterField> fields() {
        return fields;
    }

    Text labelField() {
        return label;
    }

    Control content() {
        return content;
    }

    private static void close(AutoCloseable handle) {
        if (handle != null) {
            try {
                handle.close();
            } catch (Exception ignored) {
                // removing a listener from a list does not fail
            }
        }
    }

    @Override
    public void setFocus() {
        // a click into a field activates the view: the field keeps the keyboard it was just given
        for (Control focused = scrolled.getDisplay().getFocusControl(); focused != null; focused = focused.getParent()) {
            if (focused == scrolled) {
                return;
            }
        }
        (label != null ? label : scrolled).setFocus();
    }

    @Override
    public void dispose() {
        close(selectionFollowed);
        close(changesFollowed);
        if (active != null) {
            active.dispose();
        }
        ai.close();
        super.dispose();
    }
}
