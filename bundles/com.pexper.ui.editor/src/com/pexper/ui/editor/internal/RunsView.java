package com.pexper.ui.editor.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pexper.core.runs.RunRecords;

/**
 * The runs Pexper recorded, from the editor and from {@code pexper run} alike (the records
 * {@code pexper runs} lists), newest first: when, which workflow, how it ended, how long, how many
 * nodes ran, were reused or failed. Selecting one shows how each of its nodes fared and the files
 * it wrote; Open Workflow, Open as It Ran (a copy of the workflow as the run ran it) and Run Again take
 * it up from there.
 */
public final class RunsView extends ViewPart {

    public static final String ID = "com.pexper.ui.editor.runs";
    private static final int SHOWN = RunRecords.DEFAULT_RETAINED;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    /** One node of a run, as its record says. */
    record NodeRow(String id, String type, String status, double millis, String result) {
    }

    private final ServiceTracker<WorkbenchRuns, WorkbenchRuns> workbench = new ServiceTracker<>(
            FrameworkUtil.getBundle(RunsView.class).getBundleContext(), WorkbenchRuns.class, null);
    private Text filter;
    private Label count;
    private TableViewer runs;
    private TableViewer nodes;
    private Label files;
    private Button open;
    private Button asRun;
    private Button again;
    private List<RunRecords.Summary> all = List.of();
    /** The workflow file the selected run was of, when saved and still there; read with its record. */
    private Path selectedWorkflow;
    /** The file the selected run was of, whether or not it is still there; null for one not saved. */
    private Path selectedOrigin;
    private AutoCloseable following;

    @Override
    public void createPartControl(Composite parent) {
        workbench.open();
        Composite top = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(5, false);
        layout.marginWidth = 6;
        layout.marginHeight = 4;
        top.setLayout(layout);
        filter = new Text(top, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
        filter.setMessage("Filter by workflow");
        GridData filterData = new GridData(SWT.FILL, SWT.CENTER, true, false);
        filterData.widthHint = 220;
        filter.setLayoutData(filterData);
        filter.addListener(SWT.Modify, e -> show());
        count = new Label(top, SWT.NONE);
        count.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        open = button(top, "&Open Workflow", "Opens the workflow file this run was of (as it is now)", this::openSelected);
        asRun = button(top, "Open &as It Ran", "Opens a copy of the workflow as this run ran it, settings and all"
                + " (Save As keeps it)", this::openSelectedAsRun);
        again = button(top, "&Run Again", "Opens the workflow and runs it: the cache reuses what did not change",
                this::runSelectedAgain);

        SashForm sash = new SashForm(top, SWT.VERTICAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 5, 1));
        runs = table(sash);
        column(runs, "Started", 150, s -> WHEN.format(((RunRecords.Summary) s).started()));
        column(runs, "Workflow", 180, s -> ((RunRecords.Summary) s).workflow());
        column(runs, "Status", 150, s -> ((RunRecords.Summary) s).statusText());
        column(runs, "Time", 80, s -> millis(((RunRecords.Summary) s).durationMillis()));
        column(runs, "Ran", 50, s -> String.valueOf(((RunRecords.Summary) s).executedNodes()));
        column(runs, "Reused", 60, s -> String.valueOf(((RunRecords.Summary) s).cachedNodes()));
        column(runs, "Failed", 60, s -> String.valueOf(((RunRecords.Summary) s).failedNodes()));
        runs.addSelectionChangedListener(e -> details());
        runs.addDoubleClickListener(e -> openSelected());

        Composite lower = new Composite(sash, SWT.NONE);
        GridLayout lowerLayout = new GridLayout(1, false);
        lowerLayout.marginWidth = 0;
        lowerLayout.marginHeight = 0;
        lower.setLayout(lowerLayout);
        nodes = table(lower);
        nodes.getTable().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        column(nodes, "Node", 130, n -> ((NodeRow) n).id());
        column(nodes, "Type", 170, n -> ((NodeRow) n).type());
        column(nodes, "Status", 90, n -> ((NodeRow) n).status());
        column(nodes, "Time", 80, n -> millis(Math.round(((NodeRow) n).millis())));
        column(nodes, "Result", 320, n -> ((NodeRow) n).result());
        files = new Label(lower, SWT.WRAP);
        files.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        sash.setWeights(3, 2);
        enable();
        WorkbenchRuns engine = workbench.getService();
        if (engine != null) {
            org.eclipse.swt.widgets.Display display = top.getDisplay();
            following = engine.onRecorded(() -> display.asyncExec(this::load)); // from the run's thread
        }
        load();
    }

    private static Button button(Composite parent, String label, String tip, Runnable action) {
        Button button = new Button(parent, SWT.PUSH);
        button.setText(label);
        button.setToolTipText(tip);
        button.addListener(SWT.Selection, e -> action.run());
        return button;
    }

    private static TableViewer table(Composite parent) {
        TableViewer viewer = new TableViewer(parent, SWT.FULL_SELECTION | SWT.SINGLE | SWT.V_SCROLL | SWT.H_SCROLL
                | SWT.BORDER);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        return viewer;
    }

    private static void column(TableViewer viewer, String title, int width, Function<Object, String> text) {
        TableViewerColumn column = new TableViewerColumn(viewer, SWT.NONE);
        column.getColumn().setText(title);
        column.getColumn().setWidth(width);
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply(element);
            }
        });
    }

    private static String millis(long millis) {
        return millis < 10_000 ? millis + " ms" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    /** Reads the records off the UI thread: 500 small files. */
    void load() {
        WorkbenchRuns engine = workbench.getService();
        if (engine == null || runs.getTable().isDisposed()) {
            return;
        }
        org.eclipse.swt.widgets.Display display = runs.getTable().getDisplay();
        Job reading = new Job("Reading the run records") {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                List<RunRecords.Summary> read;
                try {
                    read = engine.records().recent(SHOWN);
                } catch (IOException e) {
                    display.asyncExec(() -> {
                        if (!count.isDisposed()) {
                            count.setText("The run records cannot be read: " + e.getMessage());
                        }
                    });
                    return Status.OK_STATUS;
                }
                display.asyncExec(() -> {
                    if (!runs.getTable().isDisposed()) {
                        all = read;
                        show();
                    }
                });
                return Status.OK_STATUS;
            }
        };
        reading.setSystem(true);
        reading.schedule();
    }

    private void show() {
        String wanted = filter.getText().strip().toLowerCase(Locale.ROOT);
        List<RunRecords.Summary> shown = all.stream().filter(run -> wanted.isEmpty() || String.valueOf(run.workflow())
                .toLowerCase(Locale.ROOT).contains(wanted)).toList();
        Object selected = runs.getStructuredSelection().getFirstElement();
        runs.setInput(shown);
        if (selected instanceof RunRecords.Summary was) {
            shown.stream().filter(s -> s.file().equals(was.file())).findFirst().ifPresent(s -> runs.setSelection(
                    new org.eclipse.jface.viewers.StructuredSelection(s), true));
        }
        count.setText(shown.size() == all.size() ? String.format(Locale.ROOT, "%,d runs", all.size())
                : String.format(Locale.ROOT, "%,d of %,d runs", shown.size(), all.size()));
        top().layout();
        details();
    }

    private Composite top() {
        return count.getParent();
    }

    private RunRecords.Summary selected() {
        return ((IStructuredSelection) runs.getSelection()).getFirstElement() instanceof RunRecords.Summary s ? s : null;
    }

    /** The selected run's nodes and files, from its record. */
    private void details() {
        RunRecords.Summary run = selected();
        List<NodeRow> rows = new ArrayList<>();
        String written = "";
        selectedWorkflow = null;
        selectedOrigin = null;
        if (run != null) {
            try {
                JsonNode record = JSON.readTree(run.file().toFile());
                String file = record.path("file").asText(null);
                selectedOrigin = file == null ? null : Path.of(file);
                selectedWorkflow = file != null && Files.isRegularFile(Path.of(file)) ? Path.of(file) : null;
                for (JsonNode node : record.path("nodes")) {
                    JsonNode outputs = node.path("outputs");
                    String result = node.hasNonNull("error") ? node.path("error").asText()
                            : outputs.isEmpty() ? "" : outputs.properties().iterator().next().getValue().asText();
                    rows.add(new NodeRow(node.path("id").asText(), typeLabel(node.path("type").asText()), node.path("status")
                            .asText() + (node.path("cached").asBoolean() ? " (reused)" : ""), node.path("durationMillis")
                                    .asDouble(), result));
                }
                int fileCount = record.path("outputFiles").size();
                written = fileCount == 0 ? "No files written." : fileCount + (fileCount == 1 ? " file" : " files")
                        + " written, the first " + record.path("outputFiles").get(0).asText();
            } catch (IOException | java.nio.file.InvalidPathException e) {
                written = "The record " + run.file() + " cannot be read: " + e.getMessage();
            }
        }
        nodes.setInput(rows);
        files.setText(written);
        files.getParent().layout();
        enable();
    }

    /** A node type by its label when it is installed, by its id when not. */
    private String typeLabel(String id) {
        WorkbenchRuns engine = workbench.getService();
        return engine == null ? id : engine.engine().registry().find(id).map(type -> type.label()).orElse(id);
    }

    private void enable() {
        open.setEnabled(selectedWorkflow != null);
        RunRecords.Summary run = selected();
        asRun.setEnabled(run != null && run.workflowAsRun() != null);
        again.setEnabled(selectedWorkflow != null);
    }

    private WorkflowEditor openSelected() {
        Path file = selectedWorkflow;
        if (file == null) {
            return null;
        }
        IWorkbenchPage page = getSite().getPage();
        try {
            return (WorkflowEditor) page.openEditor(new WorkflowFileInput(file), WorkflowEditor.ID);
        } catch (PartInitException e) {
            count.setText("Cannot open " + file + ": " + e.getMessage());
            return null;
        }
    }

    private WorkflowEditor openSelectedAsRun() {
        RunRecords.Summary run = selected();
        if (run == null || run.workflowAsRun() == null) {
            return null;
        }
        try {
            return (WorkflowEditor) getSite().getPage().openEditor(new WorkflowAsRunInput(run.workflowAsRun(),
                    selectedOrigin, run.workflow(), run.started()), WorkflowEditor.ID);
        } catch (PartInitException e) {
            count.setText(e.getMessage());
            return null;
        }
    }

    private void runSelectedAgain() {
        WorkflowEditor editor = openSelected();
        if (editor != null) {
            editor.run(List.of());
        }
    }

    @Override
    public void setFocus() {
        runs.getTable().setFocus();
    }

    @Override
    public void dispose() {
        if (following != null) {
            try {
                following.close();
            } catch (Exception e) {
                // removing a listener does not fail
            }
        }
        workbench.close();
        super.dispose();
    }
}
