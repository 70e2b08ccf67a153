package com.pexper.ui.editor.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.commands.IStateListener;
import org.eclipse.core.commands.State;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.ui.IActionBars;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.IPathEditorInput;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.actions.ActionFactory;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.contexts.IContextActivation;
import org.eclipse.ui.contexts.IContextService;
import org.eclipse.ui.part.EditorPart;
import org.eclipse.ui.services.IEvaluationService;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import com.pexper.core.engine.Redactor;
import com.pexper.core.engine.RunResult;
import com.pexper.core.node.NodeTypeRegistry;
import com.pexper.edit.WorkflowEditing;
import com.pexper.model.Node;
import com.pexper.model.Workflow;
import com.pexper.model.WorkflowFactory;
import com.pexper.model.io.WorkflowFiles;
import com.pexper.model.validation.Problem;

/**
 * The editor of a {@code .pexper} file: the workflow as a graph on a canvas, edited with the mouse
 * and keys, every change undoable; saved atomically, byte for byte as the command line writes it.
 */
public final class WorkflowEditor extends EditorPart {

    public static final String ID = "com.pexper.ui.editor.workflow";

    /** Held while the editor is open: the registry component stays active as long as someone holds it. */
    private final ServiceTracker<NodeTypeRegistry, NodeTypeRegistry> registry = new ServiceTracker<>(
            FrameworkUtil.getBundle(WorkflowEditor.class).getBundleContext(), NodeTypeRegistry.class, null);
    private final ServiceTracker<WorkbenchRuns, WorkbenchRuns> engine = new ServiceTracker<>(
            FrameworkUtil.getBundle(WorkflowEditor.class).getBundleContext(), WorkbenchRuns.class, null);
    /** The file, or null for a workflow not saved yet. */
    private Path file;
    /**
     * Where a copy of a workflow as it ran came from: its runs are in that file's folder, as the
     * run was. Null otherwise.
     */
    private Path origin;
    private WorkflowEditing editing;
    private GraphCanvas canvas;
    private List<EditingAction> actions = List.of();
    private NodeStates states;
    private EditorRuns runs;
    /** What this editor last said in the status line. */
    String statusShown;
    /** Esc cancels while a run goes on (the binding's context is active only then). */
    private IContextActivation running;
    private final List<Runnable> problemListeners = new ArrayList<>();

    @Override
    public void init(IEditorSite site, IEditorInput input) throws PartInitException {
        setSite(site);
        setInput(input);
        registry.open();
        engine.open();
        NodeTypeRegistry types = registry.getService();
        if (types == null) {
            throw new PartInitException("Pexper's node-type service did not start, so no workflow can be shown;"
                    + " see the error log.");
        }
        Workflow workflow;
        if (input instanceof IPathEditorInput path) {
            file = path.getPath().toPath().toAbsolutePath().normalize();
            try {
                workflow = WorkflowFiles.load(file);
            } catch (IOException e) {
                throw new PartInitException("Cannot open " + file + ": " + e.getMessage(), e);
            }
            RecentWorkflows.add(file);
        } else if (input instanceof WorkflowAsRunInput asRun) {
            try {
                workflow = WorkflowFiles.load(asRun.asRun());
            } catch (IOException e) {
                throw new PartInitException("Cannot open the workflow as it ran, " + asRun.asRun() + ": "
                        + e.getMessage(), e);
            }
            origin = asRun.origin();
        } else {
            workflow = WorkflowFactory.eINSTANCE.createWorkflow();
            workflow.setName("Untitled");
        }
        Path located = runsAs();
        editing = new WorkflowEditing(workflow, types, located == null ? null : located.getParent());
        setPartName(input.getName());
        setTitleToolTip(file == null ? input.getToolTipText() : file.toString());
    }

    @Override
    public void createPartControl(Composite parent) {
        canvas = new GraphCanvas(parent, editing, this::status);
        canvas.onPreviewClicked(this::showOutput);
        canvas.onFilesDropped(files -> {
            for (Path dropped : files) {
                if (dropped.toString().endsWith("." + WorkflowFiles.EXTENSION)) {
                    try {
                        getSite().getPage().openEditor(new WorkflowFileInput(dropped), ID);
                    } catch (PartInitException e) {
                        MessageDialog.openError(getSite().getShell(), "Cannot open the workflow", e.getMessage());
                    }
                } else {
                    status("Not opened: " + dropped.getFileName() + " is not a workflow (.pexper).");
                }
            }
        });
        EditingAction undo = new EditingAction("Undo", editing::undo, editing::canUndo, editing::undoLabel);
        EditingAction redo = new EditingAction("Redo", editing::redo, editing::canRedo, editing::redoLabel);
        EditingAction delete = new EditingAction("Delete", canvas::deleteSelection, () -> true, null);
        EditingAction selectAll = new EditingAction("Select All", canvas::selectAll, () -> true, null);
        EditingAction copy = new EditingAction("Copy", this::copy, () -> true, null);
        EditingAction cut = new EditingAction("Cut", () -> {
            if (copy()) {
                canvas.deleteSelection();
            }
        }, () -> true, null);
        EditingAction paste = new EditingAction("Paste", this::paste, () -> true, null);
        actions = List.of(undo, redo);
        IActionBars bars = getEditorSite().getActionBars();
        bars.setGlobalActionHandler(ActionFactory.UNDO.getId(), undo);
        bars.setGlobalActionHandler(ActionFactory.REDO.getId(), redo);
        bars.setGlobalActionHandler(ActionFactory.DELETE.getId(), delete);
        bars.setGlobalActionHandler(ActionFactory.SELECT_ALL.getId(), selectAll);
        bars.setGlobalActionHandler(ActionFactory.COPY.getId(), copy);
        bars.setGlobalActionHandler(ActionFactory.CUT.getId(), cut);
        bars.setGlobalActionHandler(ActionFactory.PASTE.getId(), paste);
        bars.updateActionBars();
        editing.onChange(() -> {
            actions.forEach(EditingAction::update);
            firePropertyChange(PROP_DIRTY);
        });
        followRuns();
        // active while this editor is the active part (a part site's activation follows the part)
        getSite().getService(IContextService.class).activateContext("com.pexper.ui.editor.editing");
        followSnapToGrid();
        getSite().getShell().getDisplay().asyncExec(() -> {
            if (!canvas.isDisposed()) {
                canvas.fitToWindow();
            }
        });
    }

    /**
     * The nodes show how they fare in this editor's runs: the engine's events are merged into one
     * repaint at most every 33 ms, and an edit dims what it made out of date.
     */
    private void followRuns() {
        WorkbenchRuns workbench = engine.getService();
        RepaintThrottle repaint = new RepaintThrottle(canvas, canvas::redrawRunStates, canvas::lastPaintNanos);
        states = new NodeStates(workbench == null ? Redactor.NONE : workbench.redactor(), repaint);
        canvas.showRunStates(states);
        if (workbench != null) {
            runs = new EditorRuns(editing, this::runsAs, workbench, states, canvas.getDisplay(), this::status,
                    this::runningChanged, new RunPrompts(() -> getSite().getShell()));
            editing.onChange(runs::edited);
        }
    }

    /** Runs the given nodes and what they need, or the whole workflow when none are given. */
    void run(List<Node> nodes) {
        if (runs == null) {
            MessageDialog.openError(getSite().getShell(), "Cannot run the workflow", "Pexper's engine did not start,"
                    + " so no workflow can run; see the error log (Window > Show View > Error Log).");
            return;
        }
        runs.start(nodes);
    }

    /** Run to Here and Run Selected: the selected nodes and what they need. */
    void runSelection(boolean toHere) {
        List<Node> selected = List.copyOf(canvas.selectedNodes());
        if (selected.isEmpty()) {
            status(toHere ? "Select the node to run up to, then Run to Here (Ctrl+Shift+Enter)."
                    : "Select the nodes to run first.");
            return;
        }
        run(selected);
    }

    void cancelRun() {
        if (runs != null) {
            runs.cancel();
        }
    }

    public boolean isRunning() {
        return runs != null && runs.isRunning();
    }

    private void runningChanged() {
        IContextService contexts = getSite().getService(IContextService.class);
        if (isRunning() && running == null) {
            running = contexts.activateContext("com.pexper.ui.editor.running");
        } else if (!isRunning() && running != null) {
            contexts.deactivateContext(running);
            running = null;
        }
        IEvaluationService evaluation = getSite().getService(IEvaluationService.class);
        if (evaluation != null) {
            evaluation.requestEvaluation(RunStateTester.PROPERTY);
        }
        problemListeners.forEach(Runnable::run);
    }

    /** What the Problems view lists: what validation finds, and what failed in the latest run. */
    List<Problem> problems() {
        List<Problem> problems = new ArrayList<>(editing.problems());
        if (states != null) {
            problems.addAll(states.failures());
        }
        return problems;
    }

    /** Follows {@link #problems()}: told after every edit and at the end of every run. */
    AutoCloseable onProblemsChanged(Runnable listener) {
        AutoCloseable edits = editing.onChange(listener);
        problemListeners.add(listener);
        return () -> {
            edits.close();
            problemListeners.remove(listener);
        };
    }

    /** The latest run's result, or null before one ended. */
    RunResult lastRun() {
        return runs == null ? null : runs.last();
    }

    NodeStates states() {
        return states;
    }

    /** Opens the Output view on a node's result: all of it, where the canvas shows a few lines or a thumbnail. */
    void showOutput(Node node) {
        try {
            OutputView view = (OutputView) getSite().getPage().showView(OutputView.ID);
            view.show(this, node.getId());
        } catch (PartInitException e) {
            status("The Output view cannot open: " + e.getMessage());
        }
    }

    /** Whether the editor was closed. */
    boolean isClosed() {
        return canvas == null || canvas.isDisposed();
    }

    /** The canvas snaps while View > Snap to Grid is checked, in this editor and every other. */
    private void followSnapToGrid() {
        State snap = SnapToGridHandler.state(getSite().getService(ICommandService.class));
        if (snap == null) {
            return;
        }
        IStateListener listener = (state, old) -> canvas.setSnapToGrid(Boolean.TRUE.equals(state.getValue()));
        listener.handleStateChange(snap, null);
        snap.addListener(listener);
        canvas.addListener(SWT.Dispose, e -> snap.removeListener(listener));
    }

    /**
     * Puts the selected nodes and the connections among them on the clipboard, as a workflow in the
     * file format: it pastes into any workflow editor, and reads as text anywhere else.
     *
     * @return whether anything was selected
     */
    private boolean copy() {
        Workflow fragment = canvas.copySelection();
        if (fragment == null) {
            return false;
        }
        Clipboard clipboard = new Clipboard(canvas.getDisplay());
        try {
            clipboard.setContents(new Object[] { new String(WorkflowFiles.toBytes(fragment), StandardCharsets.UTF_8) },
                    new Transfer[] { TextTransfer.getInstance() });
        } finally {
            clipboard.dispose();
        }
        return true;
    }

    /** Pastes the nodes on the clipboard; text that is not a workflow is ignored, and the status line says so. */
    private void paste() {
        Clipboard clipboard = new Clipboard(canvas.getDisplay());
        Object text;
        try {
            text = clipboard.getContents(TextTransfer.getInstance());
        } finally {
            clipboard.dispose();
        }
        if (!(text instanceof String json)) {
            return;
        }
        try {
            canvas.paste(WorkflowFiles.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                    "the clipboard"));
        } catch (IOException e) {
            status("Nothing pasted: the clipboard holds no nodes (" + e.getMessage() + ").");
        }
    }

    WorkflowEditing editing() {
        return editing;
    }

    GraphCanvas canvas() {
        return canvas;
    }

    /** Selects a node and scrolls it into view: where the Problems view takes the user. */
    void show(Node node) {
        canvas.select(List.of(node));
        canvas.reveal(node);
    }

    /** The file being edited, or null before a new workflow is first saved. */
    public Path file() {
        return file;
    }

    /** The file whose folder, cache and allowed folders runs use: its own, or the one a copy as it ran came from. */
    private Path runsAs() {
        return file != null ? file : origin;
    }

    private void status(String message) {
        statusShown = message;
        getEditorSite().getActionBars().getStatusLineManager().setMessage(message);
    }

    @Override
    public void doSave(IProgressMonitor monitor) {
        if (file == null) {
            doSaveAs();
            return;
        }
        save(file);
    }

    @Override
    public void doSaveAs() {
        FileDialog dialog = new FileDialog(getSite().getShell(), SWT.SAVE);
        dialog.setText("Save Workflow As");
        dialog.setFilterExtensions(new String[] { "*." + WorkflowFiles.EXTENSION });
        dialog.setFilterNames(new String[] { "Pexper workflows (*.pexper)" });
        dialog.setOverwrite(true);
        Path suggested = runsAs();
        dialog.setFileName(suggested == null ? "workflow.pexper" : suggested.getFileName().toString());
        if (suggested != null) {
            dialog.setFilterPath(suggested.getParent().toString());
        }
        String chosen = dialog.open();
        if (chosen == null) {
            return;
        }
        Path target = Path.of(chosen.endsWith("." + WorkflowFiles.EXTENSION) ? chosen
                : chosen + "." + WorkflowFiles.EXTENSION).toAbsolutePath().normalize();
        if (save(target)) {
            file = target;
            origin = null;
            RecentWorkflows.add(target);
            setInputWithNotify(new WorkflowFileInput(target));
            setPartName(target.getFileName().toString());
            setTitleToolTip(target.toString());
        }
    }

    /** Saves atomically (the old file stays whole if this fails); says why when it cannot. */
    /**
     * The saved file's content before this save, when it is the file this editor opened (or last
     * saved): what it was allowed follows the user's own changes, not a file put there meanwhile.
     */
    private String grantsFollow(Path target) {
        return engine.getService() != null && target.equals(file) && Files.exists(target)
                ? FolderGrants.fingerprint(target) : null;
    }

    private boolean save(Path target) {
        try {
            if (target.getParent() != null) {
                Files.createDirectories(target.getParent());
            }
            String before = grantsFollow(target);
            WorkflowFiles.save(editing.workflow(), target);
            editing.saved();
            if (before != null) {
                try {
                    engine.getService().folderGrants().saved(target, before);
                } catch (IOException e) {
                    status("Saved " + target + ", but the folders allowed to it are asked again: " + e.getMessage());
                    return true;
                }
            }
            firePropertyChange(PROP_DIRTY);
            status("Saved " + target);
            return true;
        } catch (IOException e) {
            MessageDialog.openError(getSite().getShell(), "Cannot save the workflow", "Cannot save " + target + ": "
                    + e.getMessage() + "\n\nYour changes are still here: choose another place with File > Save As.");
            return false;
        }
    }

    @Override
    public boolean isDirty() {
        return editing.isDirty();
    }

    @Override
    public boolean isSaveAsAllowed() {
        return true;
    }

    @Override
    public void setFocus() {
        canvas.setFocus();
    }

    @Override
    public void dispose() {
        if (runs != null) {
            runs.close();
        }
        if (states != null) {
            states.forget(); // an Output view showing one of its results lets it go
        }
        engine.close();
        registry.close();
        super.dispose();
    }
}
