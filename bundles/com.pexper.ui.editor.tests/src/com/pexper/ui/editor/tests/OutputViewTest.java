package com.pexper.ui.editor.tests;

import static com.pexper.ui.editor.tests.UserInput.all;
import static com.pexper.ui.editor.tests.UserInput.open;
import static com.pexper.ui.editor.tests.UserInput.page;
import static com.pexper.ui.editor.tests.UserInput.pump;
import static com.pexper.ui.editor.tests.UserInput.runWithCtrlEnter;
import static com.pexper.ui.editor.tests.UserInput.screenshot;
import static com.pexper.ui.editor.tests.UserInput.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.pexper.ui.editor.internal.EditorProbe;
import com.pexper.ui.editor.internal.OutputView;
import com.pexper.ui.editor.internal.WorkflowEditor;

/**
 * Clicking a node's result on the canvas opens the Output view with all of it: the whole text to
 * copy, JSON pretty-printed, an image at 100 % and, for an image made from an image, its input
 * beside it under a before/after divider.
 */
class OutputViewTest {

    @TempDir
    Path folder;

    @AfterEach
    void closeEditors() {
        page().closeAllEditors(false);
        OutputView view = EditorProbe.outputView();
        if (view != null) {
            page().hideView(view);
        }
    }

    private static OutputView clickPreview(WorkflowEditor editor, String nodeId) {
        EditorProbe.clickPreview(editor, nodeId);
        pump();
        OutputView view = EditorProbe.outputView();
        assertNotNull(view, "clicking the preview opens the Output view");
        assertEquals(nodeId, EditorProbe.outputNode(view));
        return view;
    }

    @Test
    void clickingAResultShowsAllOfItsTextToCopyAndJsonPrettyPrinted() throws Exception {
        String long_ = "Line one of a long answer.\n".repeat(40) + "The last line.";
        Path file = folder.resolve("texts.pexper");
        Files.writeString(file, """
                {"formatVersion": 2, "name": "Texts", "nodes": [
                  {"id": "answer", "type": "com.pexper.nodes.basic.text", "version": "1.0.0", "position": [40, 80],
                   "parameters": {"text": "%s"}},
                  {"id": "doc", "type": "com.pexper.nodes.basic.text", "version": "1.0.0", "position": [40, 300],
                   "parameters": {"text": "{\\"name\\": \\"Ada\\", \\"tags\\": [1, 2]}"}}],
                 "connections": []}
                """.formatted(long_.replace("\n", "\\n")));
        WorkflowEditor editor = open(file);
        runWithCtrlEnter(editor);

        OutputView view = clickPreview(editor, "answer");
        assertEquals(long_, EditorProbe.outputText(view), "all of it, where the canvas shows three lines");
        Button copy = all((Composite) view.getViewSite().getShell(), Button.class).stream()
                .filter(b -> b.getText().replace("&", "").equals("Copy") && b.isVisible()).findFirst().orElseThrow();
        copy.notifyListeners(SWT.Selection, new Event());
        Clipboard clipboard = new Clipboard(Display.getCurrent());
        try {
            assertEquals(long_, clipboard.getContents(TextTransfer.getInstance()));
        } finally {
            clipboard.dispose();
        }

        view = clickPreview(editor, "doc");
        String pretty = EditorProbe.outputText(view);
        assertTrue(pretty.startsWith("{\n") && pretty.contains("\"name\" : \"Ada\""), "pretty-printed: " + pretty);
        assertEquals("Text: JSON, pretty-printed", EditorProbe.outputTitle(view));
        screenshot("output-json.png");

        page().closeEditor(editor, false);
        OutputView stillOpen = view;
        waitFor("the view to let the closed workflow go", 5_000, () -> "The workflow shown was closed".equals(
                EditorProbe.outputTitle(stillOpen)));
        assertEquals(null, EditorProbe.outputText(view), "nothing of it is shown any more");
    }

    @Test
    void anImageMadeFromAnImageShowsAt100PercentWithItsInputBeforeTheDivider() throws Exception {
        Files.copy(Path.of(System.getProperty("user.dir")).resolve("../../examples/images/astronaut.png").normalize(),
                folder.resolve("astronaut.png"));
        Path file = folder.resolve("gray.pexper");
        Files.writeString(file, """
                {"formatVersion": 2, "name": "Gray", "nodes": [
                  {"id": "read", "type": "com.pexper.imaging.read", "version": "1.0.0", "position": [40, 80],
                   "parameters": {"path": {"file": "astronaut.png"}}},
                  {"id": "gray", "type": "com.pexper.imaging.grayscale", "version": "1.0.0", "position": [320, 80]}],
                 "connections": [{"from": "read.image", "to": "gray.image"}]}
                """);
        WorkflowEditor editor = open(file);
        runWithCtrlEnter(editor);
        assertEquals("DONE", EditorProbe.runPhase(editor, "gray"), EditorProbe.runMessage(editor, "gray"));

        OutputView view = clickPreview(editor, "gray");
        waitFor("the image to be prepared", 10_000, () -> EditorProbe.outputImageOnDisplay(view) != null
                && EditorProbe.outputZoom(view)[1] == 1);
        pump();
        double[] zoom = EditorProbe.outputZoom(view);
        assertEquals(1.0, zoom[0], "at 100 %");
        assertEquals(0.5, zoom[2], "the divider starts half-way");
        Rectangle shown = EditorProbe.outputImageOnDisplay(view);
        int middle = shown.x + shown.width / 2;
        int y = shown.y + shown.height / 2;
        assertTrue(coloured(grab(middle - 60, y - 30, 40, 60)), "left of the divider: the input, in colour");
        assertTrue(!coloured(grab(middle + 20, y - 30, 40, 60)), "right of the divider: the result, gray");

        page().toggleZoom(page().getReference(view)); // as a double-click on its tab does
        pump();
        Control canvas = EditorProbe.outputCanvas(view);
        Rectangle image = EditorProbe.outputImageOnDisplay(view);
        Point divider = canvas.toControl(image.x + image.width / 2, image.y + image.height / 2);
        int imageWidth = image.width;
        UserInput.send(canvas, SWT.MouseDown, divider, 1, 0);
        UserInput.send(canvas, SWT.MouseMove, new Point(divider.x + imageWidth / 8, divider.y), 0, SWT.BUTTON1);
        UserInput.send(canvas, SWT.MouseUp, new Point(divider.x + imageWidth / 8, divider.y), 1, SWT.BUTTON1);
        assertEquals(0.625, EditorProbe.outputZoom(view)[2], 0.01, "dragging the divider moves it");
        screenshot("output-before-after.png");
        page().toggleZoom(page().getReference(view));
    }

    private static ImageData grab(int x, int y, int width, int height) {
        Image image = new Image(Display.getCurrent(), width, height);
        GC gc = new GC(Display.getCurrent());
        try {
            gc.copyArea(image, x, y);
            return image.getImageData();
        } finally {
            gc.dispose();
            image.dispose();
        }
    }

    /** Whether some pixels are not gray. */
    private static boolean coloured(ImageData data) {
        int colourful = 0;
        for (int y = 0; y < data.height; y++) {
            for (int x = 0; x < data.width; x++) {
                org.eclipse.swt.graphics.RGB rgb = data.palette.getRGB(data.getPixel(x, y));
                if (Math.abs(rgb.red - rgb.green) > 12 || Math.abs(rgb.green - rgb.blue) > 12) {
                    colourful++;
                }
            }
        }
        return colourful > data.width * data.height / 20;
    }
}
