package com.pexper.ui.editor.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.part.ViewPart;

import com.pexper.core.data.ImageValue;
import com.pexper.core.data.ListValue;
import com.pexper.core.data.Value;
import com.pexper.core.node.NodeType;
import com.pexper.core.node.NodeTypeUnavailableException;
import com.pexper.core.node.PortSpec;
import com.pexper.imaging.ImageDecoder;
import com.pexper.imaging.ImageException;
import com.pexper.model.Connection;
import com.pexper.model.Node;

/**
 * A node's result in full, opened by clicking its preview on the canvas: all of a text (to read
 * and copy), JSON pretty-printed, an image at 100 % with zoom, and, for a node that made an image
 * from an image (background removal, a filter), its input beside it under a before/after divider.
 * A Prompt's answer grows here token by token as it does under the node. The gallery shows an
 * image file here too, with the photo it was made from under the divider.
 */
public final class OutputView extends ViewPart {

    public static final String ID = "com.pexper.ui.editor.output";

    private Label title;
    private Button copy;
    private Button zoomOut;
    private Button actual;
    private Button zoomIn;
    private Button fit;
    private Button compare;
    private Composite pages;
    private StackLayout stack;
    private StyledText text;
    private PixelCanvas pixels;
    private Label empty;

    private WorkflowEditor editor;
    private String nodeId;
    private AutoCloseable watching;
    private final AtomicBoolean refreshPosted = new AtomicBoolean();
    /** The value shown, to leave the view as it is when a change was about another node. */
    private Object shown;
    private Job preparing;
    /** An image file shown instead of a node's result, or null. */
    private ImageFile file;

    /** An image file on its own, and the one it was made from (or null). */
    private record ImageFile(String heading, Path image, Path before) {
    }

    @Override
    public void createPartControl(Composite parent) {
        Composite top = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(7, false);
        layout.marginWidth = 6;
        layout.marginHeight = 4;
        top.setLayout(layout);
        title = new Label(top, SWT.NONE);
        title.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        copy = button(top, "&Copy", "Copies the whole text (Ctrl+C copies what is selected)", this::copyText);
        zoomOut = button(top, "\u2212", "Zoom out (-)", () -> pixels.zoomBy(0.8));
        actual = button(top, "100 %", "Each pixel of the image on one of the screen (1)", () -> pixels.actualSize());
        zoomIn = button(top, "+", "Zoom in (+)", () -> pixels.zoomBy(1.25));
        fit = button(top, "Fit", "The whole image in the view (0)", () -> pixels.fit());
        compare = new Button(top, SWT.CHECK);
        compare.setText("Before / after");
        compare.setToolTipText("The node's input left of the divider, its result right of it; drag the divider");
        compare.addListener(SWT.Selection, e -> {
            shown = null;
            refresh();
        });
        compare.setLayoutData(new GridData());

        pages = new Composite(top, SWT.NONE);
        pages.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 7, 1));
        stack = new StackLayout();
        pages.setLayout(stack);
        text = new StyledText(pages, SWT.READ_ONLY | SWT.MULTI | SWT.V_SCROLL | SWT.H_SCROLL | SWT.WRAP);
        text.setFont(JFaceResources.getTextFont());
        text.setMargins(8, 6, 8, 6);
        pixels = new PixelCanvas(pages);
        pixels.onZoomChanged(() -> actual.setToolTipText(String.format(Locale.ROOT, "Now %.0f %%; each pixel of the"
                + " image on one of the screen (1)", pixels.zoom() * 100)));
        pixels.addListener(SWT.KeyDown, e -> {
            switch (e.character) {
                case '+', '=' -> pixels.zoomBy(1.25);
                case '-' -> pixels.zoomBy(0.8);
                case '1' -> pixels.actualSize();
                case '0' -> pixels.fit();
                default -> {
                    // other keys are the workbench's
                }
            }
        });
        empty = new Label(pages, SWT.WRAP | SWT.CENTER);
        empty.setText("Click a result under a node (after a run) to see it here in full.");
        showPage(empty, false);
        title.setText("No result shown");
    }

    private static Button button(Composite parent, String label, String tip, Runnable action) {
        Button button = new Button(parent, SWT.PUSH);
        button.setText(label);
        button.setToolTipText(tip);
        button.addListener(SWT.Selection, e -> action.run());
        button.setLayoutData(new GridData());
        return button;
    }

    /** Shows a node's result from {@code shownIn}'s latest run, and follows it while it changes. */
    void show(WorkflowEditor shownIn, String node) {
        closeWatch();
        file = null;
        editor = shownIn;
        nodeId = node;
        shown = null;
        compare.setSelection(true);
        org.eclipse.swt.widgets.Display display = pages.getDisplay();
        watching = shownIn.states().watch(() -> {
            // from the run's threads: one refresh on the UI thread for any number of changes
            if (refreshPosted.compareAndSet(false, true) && !display.isDisposed()) {
                display.asyncExec(() -> {
                    refreshPosted.set(false);
                    refresh();
                });
            }
        });
        refresh();
    }

    /**
     * Shows an image file at 100 %, with {@code before} (the photo it was made from, or null) under
     * the before/after divider.
     */
    void showFile(String heading, Path image, Path before) {
        closeWatch();
        editor = null;
        nodeId = null;
        shown = null;
        file = new ImageFile(heading, image, before);
        compare.setSelection(before != null);
        refresh();
    }

    /** The node shown, or null. */
    String nodeId() {
        return nodeId;
    }

    String titleShown() {
        return title.getText();
    }

    String textShown() {
        return stack.topControl == text ? text.getText() : null;
    }

    PixelCanvas pixels() {
        return stack.topControl == pixels ? pixels : null;
    }

    private void refresh() {
        if (!pages.isDisposed() && file != null) {
            showFileImage();
            return;
        }
        if (pages.isDisposed() || editor == null) {
            return;
        }
        if (editor.isClosed()) {
            title.setText("The workflow shown was closed");
            showPage(empty, false);
            closeWatch();
            editor = null;
            return;
        }
        Optional<Node> node = editor.editing().node(nodeId);
        if (node.isEmpty()) {
            title.setText("The node shown was deleted");
            showPage(empty, false);
            return;
        }
        String label = editor.editing().label(node.get());
        NodeStates states = editor.states();
        NodeState state = states.get(nodeId);
        Optional<NodeStates.Produced> produced = states.produced(nodeId);
        Value value = produced.map(p -> p.values().isEmpty() ? null : p.values().get(0)).orElse(null);
        String note = produced.filter(NodeStates.Produced::firstItemOnly).map(p -> "item 1 of "
                + String.format(Locale.ROOT, "%,d", p.items())).orElse(null);
        if (value instanceof ListValue list && !list.items().isEmpty() && list.items().get(0) instanceof ImageValue) {
            note = "1 of a list of " + String.format(Locale.ROOT, "%,d", list.items().size());
            value = list.items().get(0);
        }
        String stale = state.stale() ? " (out of date: edited since it ran)" : "";
        if (value instanceof ImageValue image) {
            ImageValue before = compare.getSelection() ? inputImage(node.get()) : null;
            title.setText(label + ": " + image.width() + " \u00d7 " + image.height() + " pixels"
                    + (note == null ? "" : ", " + note) + stale);
            showImage(image, before);
            return;
        }
        String body;
        if (value != null) {
            body = states.redact(OutputText.of(value));
            title.setText(label + ": " + OutputText.kind(value) + (note == null ? "" : ", " + note) + stale);
        } else if (state.preview() instanceof Preview.Text streaming) {
            body = streaming.text(); // what has streamed in so far, already redacted
            title.setText(label + (state.phase() == NodeState.Phase.RUNNING ? ": answering\u2026" : "") + stale);
        } else {
            title.setText(label + ": " + (state.preview() == null ? "no result yet; run the workflow (Ctrl+Enter)"
                    : "its result was let go to save memory; run again to see it (the cache makes that quick)"));
            showPage(empty, false);
            return;
        }
        if (!body.equals(shown)) {
            boolean atEnd = text.getTopIndex() + visibleLines() >= text.getLineCount() - 1;
            text.setText(body);
            if (atEnd && state.phase() == NodeState.Phase.RUNNING) {
                text.setTopIndex(text.getLineCount() - 1); // a growing answer stays in view
            }
            shown = body;
        }
        showPage(text, false);
    }

    private int visibleLines() {
        return Math.max(1, text.getClientArea().height / Math.max(1, text.getLineHeight()));
    }

    private void showPage(org.eclipse.swt.widgets.Control page, boolean image) {
        stack.topControl = page;
        shows(copy, page == text);
        for (Button tool : List.of(zoomOut, actual, zoomIn, fit)) {
            shows(tool, image);
        }
        shows(compare, image && (file != null ? file.before() != null : editor != null
                && editor.editing().node(nodeId).map(n -> inputImage(n) != null).orElse(false)));
        pages.layout();
        title.getParent().layout();
    }

    /** Shows a tool, or hides it and the room it took. */
    private static void shows(Button tool, boolean visible) {
        tool.setVisible(visible);
        ((GridData) tool.getLayoutData()).exclude = !visible;
    }

    /** Converts the pixels off the UI thread: a 50-megapixel photo takes a moment. */
    private void showImage(ImageValue image, ImageValue before) {
        Object key = List.of(image, before == null ? "" : before);
        if (key.equals(shown)) {
            showPage(pixels, true);
            return;
        }
        shown = key;
        if (preparing != null) {
            preparing.cancel();
        }
        org.eclipse.swt.widgets.Display display = pages.getDisplay();
        preparing = new Job("Preparing the image to show") {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                ImageData after = FullImage.of(image);
                ImageData compareWith = before == null || monitor.isCanceled() ? null : FullImage.of(before);
                if (monitor.isCanceled() || display.isDisposed()) {
                    return Status.CANCEL_STATUS;
                }
                display.asyncExec(() -> {
                    if (!pages.isDisposed() && key.equals(shown)) {
                        pixels.show(after, compareWith);
                        showPage(pixels, true);
                    }
                });
                return Status.OK_STATUS;
            }
        };
        preparing.setSystem(true);
        preparing.schedule();
    }

    /** Reads the file (and the one it was made from) off the UI thread, then shows it. */
    private void showFileImage() {
        ImageFile showing = file;
        boolean withBefore = compare.getSelection() && showing.before() != null;
        Object key = List.of(showing, withBefore);
        if (key.equals(shown)) {
            return;
        }
        shown = key;
        title.setText(showing.heading() + ": reading " + showing.image().getFileName() + "\u2026");
        if (preparing != null) {
            preparing.cancel();
        }
        org.eclipse.swt.widgets.Display display = pages.getDisplay();
        preparing = new Job("Reading the image to show") {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                String heading;
                ImageData after = null;
                ImageData compareWith = null;
                try {
                    com.pexper.imaging.Image image = new ImageDecoder().read(showing.image());
                    after = FullImage.of(image);
                    heading = showing.heading() + ": " + image.width() + " \u00d7 " + image.height() + " pixels";
                    if (withBefore && !monitor.isCanceled()) {
                        try {
                            compareWith = FullImage.of(new ImageDecoder().read(showing.before()));
                        } catch (ImageException e) {
                            heading += " (the photo it was made from cannot be read: " + e.getMessage() + ")";
                        }
                    }
                } catch (ImageException e) {
                    heading = showing.heading() + ": " + e.getMessage();
                }
                if (monitor.isCanceled() || display.isDisposed()) {
                    return Status.CANCEL_STATUS;
                }
                String said = heading;
                ImageData shownAfter = after;
                ImageData shownBefore = compareWith;
                display.asyncExec(() -> {
                    if (pages.isDisposed() || !key.equals(shown)) {
                        return;
                    }
                    title.setText(said);
                    if (shownAfter == null) {
                        showPage(empty, false);
                    } else {
                        pixels.show(shownAfter, shownBefore);
                        showPage(pixels, true);
                    }
                });
                return Status.OK_STATUS;
            }
        };
        preparing.setSystem(true);
        preparing.schedule();
    }

    /** The image a node was given, when it made an image from one: what "before" shows. */
    private ImageValue inputImage(Node node) {
        for (Connection connection : editor.editing().workflow().getConnections()) {
            if (!connection.getTargetNode().equals(node.getId())) {
                continue;
            }
            Value input = outputOf(connection.getSourceNode(), connection.getSourcePort());
            if (input instanceof ListValue list && !list.items().isEmpty()) {
                input = list.items().get(0);
            }
            if (input instanceof ImageValue image) {
                return image;
            }
        }
        return null;
    }

    /** What a node gave on one of its ports in the latest run, while it is held. */
    private Value outputOf(String source, String port) {
        Optional<NodeStates.Produced> produced = editor.states().produced(source);
        Optional<Node> node = editor.editing().node(source);
        if (produced.isEmpty() || node.isEmpty()) {
            return null;
        }
        Optional<NodeType> type = editor.editing().registry().find(node.get().getType());
        try {
            if (type.isEmpty()) {
                return null;
            }
            List<PortSpec> outputs = type.get().signature().outputs();
            for (int i = 0; i < outputs.size() && i < produced.get().values().size(); i++) {
                if (outputs.get(i).name().equals(port)) {
                    return produced.get().values().get(i);
                }
            }
        } catch (NodeTypeUnavailableException e) {
            // not installed: nothing to compare with
        }
        return null;
    }

    private void copyText() {
        if (text.getText().isEmpty()) {
            return;
        }
        Clipboard clipboard = new Clipboard(text.getDisplay());
        try {
            clipboard.setContents(new Object[] {text.getText()}, new Transfer[] {TextTransfer.getInstance()});
        } finally {
            clipboard.dispose();
        }
        getViewSite().getActionBars().getStatusLineManager().setMessage("Copied "
                + String.format(Locale.ROOT, "%,d", text.getText().length()) + " characters.");
    }

    private void closeWatch() {
        if (watching != null) {
            try {
                watching.close();
            } catch (Exception e) {
                // removing a watcher from a list does not fail
            }
            watching = null;
        }
    }

    @Override
    public void setFocus() {
        (stack.topControl == pixels ? pixels : text).setFocus();
    }

    @Override
    public void dispose() {
        closeWatch();
        if (preparing != null) {
            preparing.cancel();
        }
        super.dispose();
    }
}
