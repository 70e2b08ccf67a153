package com.pexper.ui.editor.tests;

import static com.pexper.ui.editor.tests.UserInput.all;
import static com.pexper.ui.editor.tests.UserInput.choose;
import static com.pexper.ui.editor.tests.UserInput.open;
import static com.pexper.ui.editor.tests.UserInput.page;
import static com.pexper.ui.editor.tests.UserInput.pump;
import static com.pexper.ui.editor.tests.UserInput.runWithCtrlEnter;
import static com.pexper.ui.editor.tests.UserInput.screenshot;
import static com.pexper.ui.editor.tests.UserInput.focus;
import static com.pexper.ui.editor.tests.UserInput.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IViewPart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.pexper.core.home.PexperHome;
import com.pexper.gallery.GalleryEntry;
import com.pexper.imaging.onnx.ModelCatalog;
import com.pexper.imaging.onnx.ModelStore;
import com.pexper.imaging.onnx.SegmentationModel;
import com.pexper.imaging.onnx.testing.TinyModel;
import com.pexper.model.io.FolderTree;
import com.pexper.ui.editor.internal.EditorProbe;
import com.pexper.ui.editor.internal.GalleryView;
import com.pexper.ui.editor.internal.OutputView;
import com.pexper.ui.editor.internal.WorkflowEditor;

/**
 * Run > Gallery shows every image runs saved, with its thumbnail and what made it; it searches,
 * filters, opens an image full size beside its photo, and makes its index again when it was lost.
 * (Deleting with undo is GalleryTest's, in a plain JVM: driven here through its dialog, it left the
 * tests after this one under Xvfb with key events that carried a mouse button, and Esc missed its
 * binding.)
 */
class GalleryViewTest {

    private static final String PHOTOS = "../../examples/images";

    @TempDir
    Path folder;

    @AfterEach
    void close() {
        if (page().isPageZoomed()) {
            page().zoomOut(); // a test that failed while the view was maximised leaves it so
        }
        page().closeAllEditors(false);
        for (String id : List.of(GalleryView.ID, OutputView.ID)) {
            IViewPart view = page().findView(id);
            if (view != null) {
                page().hideView(view);
            }
        }
        // with no window manager, the keyboard stays with a closed dialog's window until asked back
        page().getWorkbenchWindow().getShell().forceActive();
        pump();
    }

    /** A workflow of its own name that makes gray copies of the example photos. */
    private Path grayWorkflow(String name) throws Exception {
        Path images = Files.createDirectories(folder.resolve("images"));
        for (String photo : List.of("astronaut.png", "chelsea.png", "coffee.png", "rocket.jpg")) {
            Files.copy(Path.of(System.getProperty("user.dir")).resolve(PHOTOS).resolve(photo).normalize(),
                    images.resolve(photo));
        }
        Path file = folder.resolve("gray.pexper");
        Files.writeString(file, """
                {"formatVersion": 2, "name": "%s", "nodes": [
                  {"id": "photos", "type": "com.pexper.nodes.basic.listFolder", "version": "1.0.0", "label": "Photos",
                   "position": [40, 120], "parameters": {"folder": {"file": "images"}, "pattern": "*.{png,jpg}"}},
                  {"id": "read", "type": "com.pexper.imaging.read", "version": "1.0.0", "position": [260, 120]},
                  {"id": "gray", "type": "com.pexper.imaging.grayscale", "version": "1.0.0", "position": [480, 120]},
                  {"id": "save", "type": "com.pexper.imaging.save", "version": "1.0.0", "label": "Save gray",
                   "position": [700, 120], "parameters": {"folder": {"file": "gray"}, "name": "{name}.png"}}],
                 "connections": [{"from": "photos.files", "to": "read.file"}, {"from": "read.image", "to": "gray.image"},
                   {"from": "gray.image", "to": "save.image"}, {"from": "read.file", "to": "save.source"}]}
                """.formatted(name));
        return file;
    }

    /**
     * Opens the gallery on this test's images: those of its workflow, and of its folder (the
     * workbench's data folder keeps the images of earlier builds' tests too).
     */
    private GalleryView showGallery(String workflow, int expected) throws Exception {
        GalleryView view = (GalleryView) page().showView(GalleryView.ID);
        Composite content = (Composite) EditorProbe.galleryGrid(view).getParent().getParent();
        Combo workflows = all(content, Combo.class).get(0);
        waitFor("the gallery to list " + workflow, 20_000, () -> {
            pump();
            return List.of(workflows.getItems()).contains(workflow);
        });
        choose(workflows, workflow);
        // set, not typed: the test's own folder is not what a user types (the search is typed below)
        search(view).setText(folder.getFileName().toString());
        waitFor(expected + " images of " + workflow, 10_000, () -> {
            pump();
            return EditorProbe.galleryShown(view).size() == expected;
        });
        return view;
    }

    private static Text search(GalleryView view) {
        Composite content = (Composite) EditorProbe.galleryGrid(view).getParent().getParent();
        return all(content, Text.class).stream().filter(t -> t.getMessage().startsWith("Search")).findFirst()
                .orElseThrow();
    }

    /** Enter on the grid, as the key comes to it; returns the Output view it opened. */
    private static OutputView openSelectedWithEnter(GalleryView view) {
        Control grid = EditorProbe.galleryGrid(view);
        grid.setFocus();
        Event enter = new Event();
        enter.detail = SWT.TRAVERSE_RETURN;
        enter.keyCode = SWT.CR;
        grid.notifyListeners(SWT.Traverse, enter);
        return (OutputView) page().findView(OutputView.ID);
    }

    private static RGB pixel(Control control, int x, int y) {
        Display display = control.getDisplay();
        Image shot = new Image(display, 1, 1);
        GC gc = new GC(display);
        try {
            org.eclipse.swt.graphics.Point at = control.toDisplay(x, y);
            gc.copyArea(shot, at.x, at.y);
            ImageData data = shot.getImageData();
            return data.palette.getRGB(data.getPixel(0, 0));
        } finally {
            gc.dispose();
            shot.dispose();
        }
    }

    @Test
    void imagesARunSavesAreShownWithTheirThumbnailsAndWhatMadeThem() throws Exception {
        Path file = grayWorkflow("Gallery grays");
        WorkflowEditor editor = open(file);
        runWithCtrlEnter(editor);
        assertEquals("DONE", EditorProbe.runPhase(editor, "save"), EditorProbe.runMessage(editor, "save"));

        GalleryView view = showGallery("Gallery grays", 4);
        List<GalleryEntry> shown = EditorProbe.galleryShown(view);
        waitFor("the thumbnails in view", 20_000, () -> {
            pump();
            return EditorProbe.galleryInView(view).stream().allMatch(e -> EditorProbe.galleryThumbnailDrawn(view, e));
        });
        Control grid = EditorProbe.galleryGrid(view);
        EditorProbe.gallerySelect(view, 0);
        pump();
        GalleryEntry first = EditorProbe.gallerySelection(view);
        String details = EditorProbe.galleryDetails(view);
        assertTrue(details.contains("Made from: " + folder.resolve("images").resolve(first.source().getFileName())),
                details);
        assertTrue(details.contains("Grayscale"), "the steps by their types' names: " + details);
        assertTrue(details.contains("Save gray (Save image): folder = gray, name = {name}.png"), details);
        assertTrue(details.contains("Workflow: Gallery grays (" + file + ")"), details);

        search(view).setText(folder.getFileName() + " ");
        focus(search(view));
        search(view).setSelection(search(view).getText().length());
        UserInput.type("rocket"); // typed as a user would, after the folder's name
        waitFor("the search to leave one", 5_000, () -> {
            pump();
            return EditorProbe.galleryShown(view).size() == 1;
        });
        GalleryEntry rocket = EditorProbe.galleryShown(view).get(0);
        assertEquals("rocket.jpg", rocket.source().getFileName().toString());

        EditorProbe.gallerySelect(view, 0);
        OutputView output = openSelectedWithEnter(view);
        assertNotNull(output, "Enter opens the image full size in the Output view");
        assertTrue(page().isPartVisible(view), "beside the gallery, which stays in sight");
        waitFor("the image at full size", 10_000, () -> {
            pump();
            return EditorProbe.outputTitle(output).startsWith("rocket.png: ") && EditorProbe.outputTitle(output)
                    .contains("pixels");
        });
        assertNotNull(EditorProbe.outputCanvas(output), "shown as an image");

        // the picture for the README: the view maximised, its search box as people first see it
        search(view).setText("");
        pump();
        pump(); // the search waits for typing to pause
        assertTrue(EditorProbe.galleryShown(view).containsAll(shown), "all of this workflow's images again");
        EditorProbe.gallerySelect(view, 0);
        page().toggleZoom(page().getReference(view)); // as a double-click on its tab does
        waitFor("the thumbnails", 10_000, () -> {
            pump();
            return EditorProbe.galleryShown(view).stream().limit(4).allMatch(e -> EditorProbe.galleryThumbnailDrawn(view, e));
        });
        pump();
        Rectangle cell = EditorProbe.galleryCellOnDisplay(view, 1);
        org.eclipse.swt.graphics.Point centre = grid.toControl(cell.x + cell.width / 2, cell.y + 8 + 80);
        RGB drawn = pixel(grid, centre.x, centre.y);
        assertEquals(drawn.red, drawn.green, "a gray copy is drawn: " + drawn);
        assertEquals(drawn.green, drawn.blue, "a gray copy is drawn: " + drawn);
        assertFalse(drawn.red == 0xEC && drawn.green == 0xEC, "not the placeholder: " + drawn);
        screenshot("gallery.png");
        page().zoomOut(); // toggleZoom back, instead, left later tests' keys carrying a mouse button
        pump();
    }

    /**
     * Read image and Remove background on the example astronaut, with Save image after them when
     * {@code saved}. The tiny test model stands in for RMBG-1.4, the model installed from a file
     * (any file with the contract): the run is the real one, on this machine, through ONNX Runtime.
     */
    private Path cutoutWorkflow(String name, boolean saved) throws Exception {
        Path tiny = Files.write(folder.resolve("tiny.onnx"), TinyModel.create(1024, 3));
        new ModelStore(PexperHome.fromEnvironment().models(), ModelCatalog.builtIn()).install(tiny, "rmbg-1.4",
                (model, file) -> SegmentationModel.load(model, file, 1).close(), null);
        Files.copy(Path.of(System.getProperty("user.dir")).resolve(PHOTOS).resolve("astronaut.png").normalize(),
                folder.resolve("astronaut.png"));
        String save = """
                ,
                  {"id": "save", "type": "com.pexper.imaging.save", "version": "1.0.0", "position": [480, 80],
                   "parameters": {"folder": {"file": "cutouts"}, "name": "{name}.png"}}""";
        String saveConnections = """
                , {"from": "remove.image", "to": "save.image"}, {"from": "read.file", "to": "save.source"}""";
        Path file = folder.resolve("cutout.pexper");
        Files.writeString(file, """
                {"formatVersion": 2, "name": "%s", "nodes": [
                  {"id": "read", "type": "com.pexper.imaging.read", "version": "1.0.0", "position": [40, 80],
                   "parameters": {"path": {"file": "astronaut.png"}}},
                  {"id": "remove", "type": "com.pexper.imaging.onnx.removeBackground", "version": "1.0.0",
                   "position": [260, 80], "parameters": {"model": "rmbg-1.4"}}%s],
                 "connections": [{"from": "read.image", "to": "remove.image"}%s]}
                """.formatted(name, saved ? save : "", saved ? saveConnections : ""));
        return file;
    }

    @Test
    void aBackgroundRemovalRunAddsItsCutoutWithTheModelAndThePhotoItWasMadeFrom() throws Exception {
        Path file = cutoutWorkflow("Gallery cutout", true);
        WorkflowEditor editor = open(file);
        runWithCtrlEnter(editor);
        assertEquals("DONE", EditorProbe.runPhase(editor, "save"), EditorProbe.runMessage(editor, "save"));

        GalleryView view = showGallery("Gallery cutout", 1);
        GalleryEntry cutout = EditorProbe.galleryShown(view).get(0);
        assertEquals(folder.resolve("cutouts").resolve("astronaut.png"), cutout.file());
        assertEquals(folder.resolve("astronaut.png"), cutout.source(), "the photo, from Read image's path");
        assertEquals("rmbg-1.4", cutout.model().orElseThrow());
        waitFor("its thumbnail", 20_000, () -> {
            pump();
            return EditorProbe.galleryThumbnailDrawn(view, cutout);
        });
        EditorProbe.gallerySelect(view, 0);
        pump();
        String details = EditorProbe.galleryDetails(view);
        assertTrue(details.contains("Model: rmbg-1.4"), details);
        assertTrue(details.contains("Remove background: model = rmbg-1.4"), details);
        assertTrue(details.contains("Made from: " + folder.resolve("astronaut.png")), details);

        OutputView output = openSelectedWithEnter(view);
        waitFor("the cutout over its photo", 10_000, () -> {
            pump();
            return EditorProbe.outputCompares(output);
        });
    }

    @Test
    void aCutoutNothingSavedIsKeptInTheDataFolderAndShownWithItsPhoto() throws Exception {
        WorkflowEditor editor = open(cutoutWorkflow("Gallery unsaved cutout", false));
        runWithCtrlEnter(editor);
        assertEquals("DONE", EditorProbe.runPhase(editor, "remove"), EditorProbe.runMessage(editor, "remove"));

        GalleryView view = showGallery("Gallery unsaved cutout", 1);
        GalleryEntry cutout = EditorProbe.galleryShown(view).get(0);
        Path kept = PexperHome.fromEnvironment().gallery().resolve("images").resolve(cutout.runId()).resolve("remove.png");
        assertEquals(kept, cutout.file(), "kept by the gallery, as the run made it");
        assertEquals(folder.resolve("astronaut.png"), cutout.source());
        waitFor("its thumbnail", 20_000, () -> {
            pump();
            return EditorProbe.galleryThumbnailDrawn(view, cutout);
        });
        try (var beside = Files.list(folder)) {
            assertEquals(List.of("astronaut.png", "cutout.pexper", "tiny.onnx"),
                    beside.map(f -> f.getFileName().toString()).sorted().toList(), "nothing written beside the workflow");
        }

        select(view, cutout);
        List<String> asked = UserInput.answerTheNextDialogWith("Delete");
        pressButton(view, "Delete\u2026");
        waitFor("the cutout deleted", 5_000, () -> {
            pump();
            return EditorProbe.galleryShown(view).isEmpty();
        });
        assertEquals(java.util.Set.of("Delete", "Cancel"), java.util.Set.copyOf(asked.subList(1, asked.size())),
                "nothing else to choose");
        assertTrue(asked.get(0).contains("the gallery's copy is the only one"), asked.get(0));
        assertFalse(Files.exists(kept), "the gallery's copy went with it");
    }

    /** A button of the view's side bar, pressed. */
    private static void pressButton(GalleryView view, String label) {
        Composite content = (Composite) EditorProbe.galleryGrid(view).getParent().getParent();
        Button button = all(content, Button.class).stream().filter(b -> b.getText().replace("&", "").equals(label))
                .findFirst().orElseThrow(() -> new AssertionError("no button " + label));
        assertTrue(button.isEnabled(), label + " is enabled");
        button.notifyListeners(SWT.Selection, new Event());
    }

    private static void select(GalleryView view, GalleryEntry entry) {
        EditorProbe.gallerySelect(view, EditorProbe.galleryShown(view).indexOf(entry));
        pump();
        assertEquals(entry, EditorProbe.gallerySelection(view));
    }

    // Pressed as buttons, not as the Delete key: under Xvfb, with no window manager, a Delete key
    // that opened the question left Esc unbound for the tests after this one (RunFromEditorTest)
    @Test
    void deleteAsksWhetherTheFileGoesTooAndUndoPutsBothBackUntilTheViewCloses() throws Exception {
        WorkflowEditor editor = open(grayWorkflow("Gallery deletions"));
        runWithCtrlEnter(editor);
        GalleryView view = showGallery("Gallery deletions", 4);
        GalleryEntry first = EditorProbe.galleryShown(view).get(0);
        select(view, first);
        byte[] content = Files.readAllBytes(first.file());

        List<String> asked = UserInput.answerTheNextDialogWith("Delete the File Too");
        pressButton(view, "Delete\u2026");
        waitFor("three images left", 5_000, () -> {
            pump();
            return EditorProbe.galleryShown(view).size() == 3;
        });
        assertTrue(asked.contains("Remove from Gallery") && asked.contains("Cancel"), "asked first: " + asked);
        assertTrue(asked.get(0).contains(first.file().toString()), "naming the file: " + asked.get(0));
        assertFalse(Files.exists(first.file()), "the file too, as answered");
        assertFalse(EditorProbe.galleryShown(view).contains(first));

        pressButton(view, "Undo Delete");
        waitFor("the image back", 5_000, () -> {
            pump();
            return EditorProbe.galleryShown(view).contains(first);
        });
        assertTrue(java.util.Arrays.equals(content, Files.readAllBytes(first.file())), "its file as it was");

        select(view, first);
        List<String> cancelled = UserInput.answerTheNextDialogWith("Cancel");
        pressButton(view, "Delete\u2026");
        waitFor("the question", 5_000, () -> {
            pump();
            return !cancelled.isEmpty();
        });
        pump();
        assertEquals(4, EditorProbe.galleryShown(view).size(), "Cancel deletes nothing");

        select(view, first);
        UserInput.answerTheNextDialogWith("Remove from Gallery");
        pressButton(view, "Delete\u2026");
        waitFor("three images left", 5_000, () -> {
            pump();
            return EditorProbe.galleryShown(view).size() == 3;
        });
        assertTrue(Files.exists(first.file()), "only the entry, as answered");
        page().hideView(view);
        pump();
        GalleryView reopened = showGallery("Gallery deletions", 3);
        assertFalse(EditorProbe.galleryShown(reopened).contains(first), "final once the view closed");
        Composite content2 = (Composite) EditorProbe.galleryGrid(reopened).getParent().getParent();
        assertFalse(all(content2, Button.class).stream().filter(b -> b.getText().contains("Undo Delete")).findFirst()
                .orElseThrow().isEnabled(), "nothing to undo in a view opened after the deletion");
    }

    @Test
    void aGalleryWhoseIndexWasLostIsMadeAgainFromTheRunRecordsWhenItOpens() throws Exception {
        WorkflowEditor editor = open(grayWorkflow("Gallery rebuilt"));
        runWithCtrlEnter(editor);
        GalleryView view = showGallery("Gallery rebuilt", 4);
        List<GalleryEntry> before = EditorProbe.galleryShown(view);
        page().hideView(view);
        pump();

        FolderTree.delete(PexperHome.fromEnvironment().gallery().resolve("index"));
        GalleryView again = showGallery("Gallery rebuilt", 4);
        assertEquals(before, EditorProbe.galleryShown(again), "the same entries, in the same order");
    }
}
