package com.pexper.ui.editor.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Predicate;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowData;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.program.Program;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import com.pexper.core.node.NodeType;
import com.pexper.gallery.Gallery;
import com.pexper.gallery.GalleryEntry;

/**
 * Every image Pexper's runs wrote, newest first, as a grid of thumbnails: searched by prompt,
 * settings or file name, filtered by workflow, model and date. The selected image's details say
 * what made it (the prompt, provider, model and seed, or the photo and the nodes it went through),
 * and from there it is opened full size (before and after, beside its photo), its prompt copied,
 * its file shown in the file manager, its workflow run again as it ran, or it is deleted, with undo
 * until the view closes. Reading the gallery and its thumbnails happens in Jobs.
 */
public final class GalleryView extends ViewPart {

    public static final String ID = "com.pexper.ui.editor.gallery";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());
    private static final String ALL_WORKFLOWS = "All workflows";
    private static final String ALL_MODELS = "All models";
    /** How many of the newest entries are read and shown before the rest: several screens' worth. */
    private static final int FIRST_READ = 200;
    /** Below this width, in pixels, the details go under the grid instead of beside it. */
    private static final int NARROW = 760;
    /** The height of the selected image's preview, in pixels. */
    private static final int PREVIEW = 240;
    private static final List<String> PERIODS = List.of("Any time", "Today", "Last 7 days", "Last 30 days");

    private final ServiceTracker<Gallery, Gallery> gallery = new ServiceTracker<>(
            FrameworkUtil.getBundle(GalleryView.class).getBundleContext(), Gallery.class, null);
    private final ServiceTracker<WorkbenchRuns, WorkbenchRuns> workbench = new ServiceTracker<>(
            FrameworkUtil.getBundle(GalleryView.class).getBundleContext(), WorkbenchRuns.class, null);

    private Text search;
    private Combo workflows;
    private Combo models;
    private Combo period;
    private Label count;
    private GalleryGrid grid;
    private GalleryThumbnails thumbnails;
    private Label heading;
    /** The selected image, larger than in the grid. */
    private Canvas preview;
    private Image previewImage;
    private GalleryEntry previewed;
    private Text details;
    private Button openFull;
    private Button copyPrompt;
    private Button reveal;
    private Button runAgain;
    private Button delete;
    private Button undo;
    private List<GalleryEntry> all = List.of();
    /** Deletions that can still be undone, the latest first; made final when the view closes. */
    private final Deque<Gallery.Deletion> deletions = new ArrayDeque<>();
    private AutoCloseable following;
    private Job reading;
    /** Set while the search text changes quickly: the grid is filtered once typing pauses. */
    private Runnable pendingFilter;

    @Override
    public void createPartControl(Composite parent) {
        gallery.open();
        workbench.open();
        Composite top = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 6;
        layout.marginHeight = 4;
        top.setLayout(layout);
        // the search and the filters wrap onto a second line where the view is narrow
        Composite bar = new Composite(top, SWT.NONE);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        RowLayout row = new RowLayout(SWT.HORIZONTAL);
        row.center = true;
        row.marginLeft = 0;
        row.marginRight = 0;
        row.spacing = 6;
        bar.setLayout(row);
        search = new Text(bar, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
        search.setMessage("Search prompts, settings and file names");
        search.setLayoutData(new RowData(260, SWT.DEFAULT));
        search.addListener(SWT.Modify, e -> filterSoon());
        search.addListener(SWT.DefaultSelection, e -> show());
        workflows = combo(bar, "Only the images of one workflow");
        models = combo(bar, "Only the images of one model");
        period = combo(bar, "Only the images made since");
        period.setItems(PERIODS.toArray(String[]::new));
        period.select(0);
        count = new Label(bar, SWT.NONE);

        SashForm sash = new SashForm(top, SWT.HORIZONTAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        thumbnails = new GalleryThumbnails(parent.getDisplay(), gallery::getService);
        grid = new GalleryGrid(sash, thumbnails);
        grid.onSelect(entry -> details());
        grid.onOpen(this::openFullSize);
        grid.addListener(SWT.KeyDown, e -> {
            if (e.keyCode == SWT.DEL) {
                deleteSelected();
            } else if ((e.stateMask & SWT.MOD1) != 0 && (e.keyCode == 'c' || e.keyCode == 'C')) {
                copyPrompt();
            } else if ((e.stateMask & SWT.MOD1) != 0 && (e.keyCode == 'z' || e.keyCode == 'Z')) {
                undoDelete();
            }
        });

        Composite side = new Composite(sash, SWT.NONE);
        GridLayout sideLayout = new GridLayout(3, true);
        sideLayout.marginWidth = 6;
        sideLayout.marginHeight = 0;
        side.setLayout(sideLayout);
        heading = new Label(side, SWT.WRAP);
        heading.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
        heading.setFont(org.eclipse.jface.resource.JFaceResources.getBannerFont());
        preview = new Canvas(side, SWT.DOUBLE_BUFFERED);
        GridData previewData = new GridData(SWT.FILL, SWT.TOP, true, false, 3, 1);
        previewData.heightHint = PREVIEW;
        preview.setLayoutData(previewData);
        preview.addListener(SWT.Paint, e -> paintPreview(e.gc));
        preview.addListener(SWT.MouseDoubleClick, e -> openFullSize(grid.selection()));
        preview.setToolTipText("Double-click to open it full size");
        details = new Text(side, SWT.READ_ONLY | SWT.MULTI | SWT.WRAP | SWT.V_SCROLL);
        details.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1));
        openFull = button(side, "&Open Full Size", "Shows the image at 100 % in the Output view, beside the photo it"
                + " was made from (Enter, double click)", () -> openFullSize(grid.selection()));
        copyPrompt = button(side, "&Copy Prompt", "Copies the prompt that made the image (Ctrl+C)", this::copyPrompt);
        reveal = button(side, "Show in &Folder", "Opens the image's folder in the file manager", this::revealFile);
        runAgain = button(side, "&Run Again", "Opens the workflow as it ran, with these settings, and runs it",
                this::runAgain);
        delete = button(side, "&Delete\u2026", "Takes the image out of the gallery, and its file off the disk if you"
                + " say so (Delete); undo until this view closes", this::deleteSelected);
        undo = button(side, "&Undo Delete", "Puts the last deleted image back (Ctrl+Z)", this::undoDelete);
        sash.setWeights(7, 3);
        // a narrow view puts the details under the grid, without the larger preview the grid's
        // thumbnail already shows, rather than crushing them beside it
        sash.addListener(SWT.Resize, e -> {
            boolean narrow = sash.getSize().x < NARROW;
            if (narrow != (sash.getOrientation() == SWT.VERTICAL)) {
                sash.setOrientation(narrow ? SWT.VERTICAL : SWT.HORIZONTAL);
                sash.setWeights(narrow ? new int[] { 6, 4 } : new int[] { 7, 3 });
                preview.setVisible(!narrow);
                ((GridData) preview.getLayoutData()).exclude = narrow;
                side.layout(true);
            }
        });
        details();

        WorkbenchRuns runs = workbench.getService();
        if (runs != null) {
            Display display = top.getDisplay();
            // from the run's thread; the entries are read again only when the run added some
            following = runs.onRecorded(() -> display.asyncExec(() -> load(false)));
        }
        load(true);
    }

    private Combo combo(Composite parent, String tip) {
        Combo combo = new Combo(parent, SWT.READ_ONLY | SWT.DROP_DOWN);
        combo.setToolTipText(tip);
        combo.addListener(SWT.Selection, e -> show());
        return combo;
    }

    private static Button button(Composite parent, String label, String tip, Runnable action) {
        Button button = new Button(parent, SWT.PUSH);
        button.setText(label);
        button.setToolTipText(tip);
        button.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        button.addListener(SWT.Selection, e -> action.run());
        return button;
    }

    /**
     * Brings the index up to date with the run records and reads it, off the UI thread.
     *
     * @param always read the entries even when the update added none (on opening, after an undo)
     */
    void load(boolean always) {
        Gallery from = gallery.getService();
        if (grid == null || grid.isDisposed()) {
            return;
        }
        if (from == null) {
            count.setText("The gallery service did not start; see the error log.");
            relayout();
            return;
        }
        Display display = grid.getDisplay();
        // one that replaces a reading still going on reads in its place, whatever it was asked
        boolean reread = always || reading != null && reading.getState() != Job.NONE;
        if (reading != null) {
            reading.cancel();
        }
        reading = new Job("Reading the gallery") {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                List<GalleryEntry> read;
                try {
                    if (from.update() == 0 && !reread) {
                        return Status.OK_STATUS; // a run that wrote no image: nothing to read again
                    }
                    // the newest first, to show at once; then all of them, to search
                    List<GalleryEntry> newest = from.entries(FIRST_READ);
                    if (newest.size() == FIRST_READ && !monitor.isCanceled()) {
                        display.asyncExec(() -> {
                            if (!grid.isDisposed() && all.isEmpty()) {
                                all = newest;
                                show();
                                count.setText("Reading the gallery\u2026");
                                relayout();
                            }
                        });
                    }
                    read = newest.size() < FIRST_READ ? newest : from.entries();
                } catch (IOException e) {
                    display.asyncExec(() -> {
                        if (!count.isDisposed()) {
                            count.setText("The gallery in " + from.folder() + " cannot be read: " + e.getMessage());
                            relayout();
                        }
                    });
                    return Status.OK_STATUS;
                }
                if (monitor.isCanceled()) {
                    return Status.CANCEL_STATUS;
                }
                display.asyncExec(() -> {
                    if (!grid.isDisposed()) {
                        all = read;
                        choices();
                        show();
                    }
                });
                return Status.OK_STATUS;
            }
        };
        reading.setSystem(true);
        reading.schedule();
    }

    /** Whether the gallery is being read: for tests, which wait for it. */
    boolean isReading() {
        return reading != null && reading.getState() != Job.NONE;
    }

    /** The workflows and models to filter by: those among the entries. */
    private void choices() {
        refill(workflows, ALL_WORKFLOWS, all.stream().map(GalleryEntry::workflow).filter(Objects::nonNull));
        refill(models, ALL_MODELS, all.stream().map(GalleryEntry::model).flatMap(Optional::stream));
        models.setVisible(models.getItemCount() > 1);
        RowData shown = new RowData();
        shown.exclude = models.getItemCount() <= 1; // no model among the entries: nothing to choose
        models.setLayoutData(shown);
        relayout();
    }

    private static void refill(Combo combo, String any, java.util.stream.Stream<String> values) {
        String chosen = combo.getSelectionIndex() > 0 ? combo.getItem(combo.getSelectionIndex()) : null;
        TreeSet<String> distinct = values.collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        combo.removeAll();
        combo.add(any);
        distinct.forEach(combo::add);
        combo.select(chosen != null && distinct.contains(chosen) ? combo.indexOf(chosen) : 0);
    }

    /** Lays out the search and filter bar again after its texts changed: it may wrap now, or no longer. */
    private void relayout() {
        count.getParent().getParent().layout(true, true);
    }

    private void filterSoon() {
        Runnable filter = this::show;
        pendingFilter = filter;
        grid.getDisplay().timerExec(150, () -> {
            if (pendingFilter == filter && !grid.isDisposed()) {
                show();
            }
        });
    }

    private void show() {
        pendingFilter = null;
        Predicate<GalleryEntry> wanted = wanted();
        List<GalleryEntry> shown = all.stream().filter(wanted).toList();
        grid.setEntries(shown);
        count.setText(all.isEmpty() ? "No images yet"
                : shown.size() == all.size() ? String.format(Locale.ROOT, all.size() == 1 ? "%,d image" : "%,d images",
                        all.size())
                        : String.format(Locale.ROOT, "%,d of %,d images", shown.size(), all.size()));
        relayout();
        details();
    }

    private Predicate<GalleryEntry> wanted() {
        String text = search.getText().strip();
        String workflow = workflows.getSelectionIndex() > 0 ? workflows.getItem(workflows.getSelectionIndex()) : null;
        String model = models.getSelectionIndex() > 0 ? models.getItem(models.getSelectionIndex()) : null;
        Instant since = switch (period.getSelectionIndex()) {
            case 1 -> Instant.now().truncatedTo(ChronoUnit.DAYS);
            case 2 -> Instant.now().minus(Duration.ofDays(7));
            case 3 -> Instant.now().minus(Duration.ofDays(30));
            default -> null;
        };
        return entry -> (text.isEmpty() || entry.matches(text))
                && (workflow == null || workflow.equals(entry.workflow()))
                && (model == null || entry.model().filter(model::equals).isPresent())
                && (since == null || !entry.created().isBefore(since));
    }

    /** What made the selected image, and what can be done with it. */
    private void details() {
        GalleryEntry entry = grid.selection();
        boolean some = entry != null;
        for (Button button : List.of(openFull, reveal, runAgain, delete)) {
            button.setEnabled(some);
        }
        copyPrompt.setEnabled(some && entry.prompt().isPresent());
        runAgain.setEnabled(some && (entry.workflowAsRun() != null && Files.isRegularFile(entry.workflowAsRun())
                || entry.workflowFile() != null && Files.isRegularFile(entry.workflowFile())));
        undo.setEnabled(!deletions.isEmpty());
        if (!some) {
            previewed = null;
            setPreview(null);
            heading.setText(all.isEmpty() ? "Run a workflow that makes images" : "Select an image");
            details.setText(all.isEmpty() ? "Every image a run makes (Generate image, background removal, filters, Save"
                    + " image) is kept here with what made it: the prompt and model, or the photo and the nodes it went"
                    + " through."
                    : "Click an image to see what made it. Enter opens it full size.");
            heading.getParent().layout();
            return;
        }
        heading.setText(entry.file().getFileName().toString() + (Files.exists(entry.file()) ? "" : " (file missing)"));
        details.setText(describe(entry));
        heading.getParent().layout();
        showPreview(entry);
    }

    /** Reads the selected image's larger thumbnail off the UI thread. */
    private void showPreview(GalleryEntry entry) {
        if (entry.equals(previewed)) {
            return;
        }
        previewed = entry;
        setPreview(null);
        Gallery from = gallery.getService();
        if (from == null) {
            return;
        }
        int side = Math.max(preview.getSize().x, PREVIEW);
        Display display = preview.getDisplay();
        Job reading = new Job("Reading the image to preview") {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                org.eclipse.swt.graphics.ImageData data;
                try {
                    data = Thumbnail.of(new com.pexper.imaging.ImageDecoder().read(from.thumbnail(entry, side)), side);
                } catch (IOException e) {
                    data = null; // the details say the file is missing
                }
                org.eclipse.swt.graphics.ImageData read = data;
                display.asyncExec(() -> {
                    if (!preview.isDisposed() && entry.equals(previewed) && read != null) {
                        setPreview(new Image(display, read));
                    }
                });
                return Status.OK_STATUS;
            }
        };
        reading.setSystem(true);
        reading.schedule();
    }

    private void setPreview(Image image) {
        if (previewImage != null) {
            previewImage.dispose();
        }
        previewImage = image;
        preview.redraw();
    }

    private void paintPreview(GC gc) {
        Rectangle area = preview.getClientArea();
        if (previewImage == null || area.width <= 0) {
            return;
        }
        Rectangle size = previewImage.getBounds();
        double scale = Math.min(1, Math.min(area.width / (double) size.width, area.height / (double) size.height));
        int w = (int) Math.round(size.width * scale);
        int h = (int) Math.round(size.height * scale);
        gc.setInterpolation(SWT.HIGH);
        gc.drawImage(previewImage, 0, 0, size.width, size.height, (area.width - w) / 2, 0, w, h);
    }

    /** The entry's provenance as people read it. */
    String describe(GalleryEntry entry) {
        StringBuilder text = new StringBuilder();
        entry.prompt().ifPresent(p -> text.append("Prompt: ").append(p).append("\n\n"));
        StringBuilder made = new StringBuilder();
        entry.provider().ifPresent(p -> made.append("Provider: ").append(p).append("   "));
        entry.model().ifPresent(m -> made.append("Model: ").append(m).append("   "));
        entry.seed().ifPresent(s -> made.append("Seed: ").append(s));
        if (!made.isEmpty()) {
            text.append(made.toString().strip()).append('\n');
        }
        if (entry.source() != null) {
            text.append("Made from: ").append(entry.source()).append('\n');
        }
        if (!entry.steps().isEmpty()) {
            text.append("\nSteps:\n");
            for (GalleryEntry.Step step : entry.steps()) {
                text.append("  ").append(stepName(step));
                String settings = settings(step.parameters());
                if (!settings.isEmpty()) {
                    text.append(": ").append(settings);
                }
                text.append('\n');
            }
        }
        text.append('\n').append("Workflow: ").append(Objects.requireNonNullElse(entry.workflow(), "(unnamed)"));
        if (entry.workflowFile() != null) {
            text.append(" (").append(entry.workflowFile()).append(')');
        }
        text.append("\nRun: ").append(entry.runId()).append(", ").append(WHEN.format(entry.created()));
        if (entry.item() >= 0) {
            text.append(", item ").append(entry.item() + 1);
        }
        text.append("\nFile: ").append(entry.file());
        return text.toString();
    }

    private String stepName(GalleryEntry.Step step) {
        WorkbenchRuns runs = workbench.getService();
        String type = runs == null ? step.type()
                : runs.engine().registry().find(step.type()).map(NodeType::label).orElse(step.type());
        return step.label() == null || step.label().equals(type) ? type : step.label() + " (" + type + ")";
    }

    /** The settings on one line; long or many-line values (a list of files, say) shortened. */
    private static String settings(Map<String, String> parameters) {
        StringBuilder line = new StringBuilder();
        parameters.forEach((name, value) -> {
            if (name.equals("prompt")) {
                return; // said above
            }
            String shown = value.indexOf('\n') >= 0 ? value.lines().count() + " lines"
                    : value.length() > 60 ? value.substring(0, 59) + "\u2026" : value;
            line.append(line.isEmpty() ? "" : ", ").append(name).append(" = ").append(shown);
        });
        return line.toString();
    }

    private void openFullSize(GalleryEntry entry) {
        if (entry == null) {
            return;
        }
        try {
            OutputView view = (OutputView) getSite().getPage().showView(OutputView.ID);
            Path before = entry.source() != null && Gallery.isImage(entry.source())
                    && Files.isRegularFile(entry.source()) ? entry.source() : null;
            view.showFile(entry.file().getFileName().toString(), entry.file(), before);
        } catch (PartInitException e) {
            count.setText("Cannot open the Output view: " + e.getMessage());
            relayout();
        }
    }

    private void copyPrompt() {
        GalleryEntry entry = grid.selection();
        if (entry == null || entry.prompt().isEmpty()) {
            return;
        }
        Clipboard clipboard = new Clipboard(grid.getDisplay());
        try {
            clipboard.setContents(new Object[] { entry.prompt().get() }, new Transfer[] { TextTransfer.getInstance() });
        } finally {
            clipboard.dispose();
        }
        status("Copied the prompt.");
    }

    private void revealFile() {
        GalleryEntry entry = grid.selection();
        if (entry == null) {
            return;
        }
        Path folder = entry.file().getParent();
        if (folder == null || !Files.isDirectory(folder) || !Program.launch(folder.toString())) {
            status("Cannot open " + folder + " in a file manager.");
        }
    }

    private void runAgain() {
        GalleryEntry entry = grid.selection();
        if (entry == null) {
            return;
        }
        try {
            WorkflowEditor editor;
            if (entry.workflowAsRun() != null && Files.isRegularFile(entry.workflowAsRun())) {
                editor = (WorkflowEditor) getSite().getPage().openEditor(new WorkflowAsRunInput(entry.workflowAsRun(),
                        entry.workflowFile(), entry.workflow(), entry.created()), WorkflowEditor.ID);
            } else {
                // the records let the workflow as it ran go: the file as it is now is the nearest
                editor = (WorkflowEditor) getSite().getPage().openEditor(new WorkflowFileInput(entry.workflowFile()),
                        WorkflowEditor.ID);
            }
            editor.run(List.of());
        } catch (PartInitException e) {
            status(e.getMessage());
        }
    }

    private void deleteSelected() {
        GalleryEntry entry = grid.selection();
        Gallery from = gallery.getService();
        if (entry == null || from == null) {
            return;
        }
        boolean hasFile = Files.exists(entry.file());
        boolean kept = hasFile && from.keepsFile(entry);
        String[] buttons = kept ? new String[] { "Delete", "Cancel" }
                : hasFile ? new String[] { "Remove from Gallery", "Delete the File Too", "Cancel" }
                        : new String[] { "Remove from Gallery", "Cancel" };
        String file = kept ? "\n\nThe run saved it nowhere: the gallery's copy is the only one, and goes with it."
                : hasFile ? "\n\nThe file " + entry.file() + " stays where it is, unless you delete it too." : "";
        MessageDialog ask = new MessageDialog(grid.getShell(), "Delete from the Gallery", null,
                (kept ? "Delete " : "Remove ") + entry.file().getFileName() + " from the gallery?" + file
                        + "\n\nUndo Delete (Ctrl+Z) puts it back until this view closes.",
                MessageDialog.QUESTION, 0, buttons);
        int answer = ask.open();
        if (answer < 0 || answer == buttons.length - 1) {
            return;
        }
        boolean withFile = kept || hasFile && answer == 1;
        int index = grid.entries().indexOf(entry);
        try {
            deletions.push(from.delete(entry, withFile));
        } catch (IOException e) {
            MessageDialog.openError(grid.getShell(), "Cannot delete", "Cannot delete " + entry.file() + ": "
                    + e.getMessage() + "\n\nNothing was deleted.");
            return;
        }
        thumbnails.forget(entry);
        all = all.stream().filter(e -> !e.equals(entry)).toList();
        show();
        grid.select(Math.min(index, grid.entries().size() - 1));
        status("Deleted " + entry.file().getFileName() + (withFile ? " and its file" : " from the gallery")
                + ". Undo Delete puts it back.");
    }

    private void undoDelete() {
        Gallery.Deletion last = deletions.peek();
        if (last == null) {
            return;
        }
        try {
            last.undo();
        } catch (IOException e) {
            MessageDialog.openError(grid.getShell(), "Cannot undo", "Cannot put " + last.entry().file() + " back: "
                    + e.getMessage() + "\n\nIt is kept in " + gallery.getService().folder().resolve("trash") + ".");
            return;
        }
        deletions.pop();
        thumbnails.forget(last.entry()); // drawn as missing while its file was away
        status("Put " + last.entry().file().getFileName() + " back.");
        load(true);
    }

    private void status(String message) {
        getViewSite().getActionBars().getStatusLineManager().setMessage(message);
    }

    GalleryGrid grid() {
        return grid;
    }

    String detailsShown() {
        return details.getText();
    }

    @Override
    public void setFocus() {
        grid.setFocus();
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
        if (reading != null) {
            reading.cancel();
        }
        for (Gallery.Deletion deletion : deletions) {
            try {
                deletion.complete();
            } catch (IOException e) {
                // what was kept aside stays in the gallery's trash, removed there after a week
            }
        }
        deletions.clear();
        if (thumbnails != null) {
            thumbnails.dispose();
        }
        if (previewImage != null) {
            previewImage.dispose();
        }
        gallery.close();
        workbench.close();
        super.dispose();
    }
}
