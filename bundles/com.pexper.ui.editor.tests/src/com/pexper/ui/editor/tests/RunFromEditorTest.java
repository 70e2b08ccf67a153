package com.pexper.ui.editor.tests;

import static com.pexper.ui.editor.tests.UserInput.chord;
import static com.pexper.ui.editor.tests.UserInput.focus;
import static com.pexper.ui.editor.tests.UserInput.open;
import static com.pexper.ui.editor.tests.UserInput.page;
import static com.pexper.ui.editor.tests.UserInput.pump;
import static com.pexper.ui.editor.tests.UserInput.runWithCtrlEnter;
import static com.pexper.ui.editor.tests.UserInput.screenshot;
import static com.pexper.ui.editor.tests.UserInput.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.pexper.edit.WorkflowEditing;
import com.pexper.model.Node;
import com.pexper.ui.editor.internal.EditorProbe;
import com.pexper.ui.editor.internal.WorkflowEditor;

/**
 * Running from the editor, with the keys a user presses: Ctrl+Enter runs, the nodes show their
 * state and what they produced under them, an edit dims what it made out of date and the next run
 * computes only that; Esc cancels.
 */
class RunFromEditorTest {

    @TempDir
    Path folder;

    @AfterEach
    void closeEditors() {
        page().closeAllEditors(false);
    }

    private static Path example(Path folder, String name) throws Exception {
        Path copy = folder.resolve(name);
        Files.copy(Path.of(System.getProperty("user.dir")).resolve("../../examples").resolve(name).normalize(), copy);
        return copy;
    }

    @Test
    void ctrlEnterRunsHelloAndTheResultNodeShowsTheGreeting() throws Exception {
        WorkflowEditor editor = open(example(folder, "hello.pexper"));
        runWithCtrlEnter(editor);
        assertEquals("DONE", EditorProbe.runPhase(editor, "greeting"));
        assertEquals("Hello, World!", EditorProbe.previewText(editor, "greeting"));
        assertEquals("World", EditorProbe.previewText(editor, "name"));
        assertTrue(EditorProbe.runLine(editor, "greet").startsWith("Done in "), EditorProbe.runLine(editor, "greet"));
        Node result = EditorProbe.editing(editor).node("greeting").orElseThrow();
        Rectangle preview = EditorProbe.previewOnDisplay(editor, result);
        EditorProbe.hover(editor, new org.eclipse.swt.graphics.Point(preview.x + preview.width / 2, preview.y + 30));
        assertEquals("Hello, World!", EditorProbe.tooltip(editor), "resting on the preview shows all of it");
        EditorProbe.hover(editor, new org.eclipse.swt.graphics.Point(preview.x + preview.width / 2, preview.y - 200));
        screenshot("run-hello.png");

        runWithCtrlEnter(editor);
        for (String id : List.of("name", "greet", "greeting")) {
            assertEquals("CACHED", EditorProbe.runPhase(editor, id), id + " ran again although nothing changed");
        }

        WorkflowEditing editing = EditorProbe.editing(editor);
        editing.setParameter(editing.node("greet").orElseThrow(), "template", "Good morning, {{name}}!");
        pump();
        assertFalse(EditorProbe.previewOutOfDate(editor, "name"), "upstream of the edit stays as it is");
        assertTrue(EditorProbe.previewOutOfDate(editor, "greet"), "the edited node is dimmed");
        assertTrue(EditorProbe.previewOutOfDate(editor, "greeting"), "what follows the edit is dimmed");
        assertTrue(EditorProbe.runLine(editor, "greeting").endsWith("out of date"), EditorProbe.runLine(editor, "greeting"));

        runWithCtrlEnter(editor);
        assertEquals("CACHED", EditorProbe.runPhase(editor, "name"), "the part before the edit is reused");
        assertEquals("DONE", EditorProbe.runPhase(editor, "greet"));
        assertEquals("Good morning, World!", EditorProbe.previewText(editor, "greeting"));
        assertFalse(EditorProbe.previewOutOfDate(editor, "greeting"));
    }

    @Test
    void aFailingNodeShowsItsErrorAndTheNodesAfterItAreSkipped() throws Exception {
        Path file = folder.resolve("failing.pexper");
        Files.writeString(file, """
                {"formatVersion": 2, "name": "Failing", "nodes": [
                  {"id": "doc", "type": "com.pexper.nodes.basic.text", "version": "1.0.0", "position": [40, 80],
                   "parameters": {"text": "{\\"a\\": 1}"}},
                  {"id": "pick", "type": "com.pexper.nodes.basic.jsonPath", "version": "1.0.0", "position": [280, 80],
                   "parameters": {"path": "$.missing"}},
                  {"id": "say", "type": "com.pexper.nodes.basic.template", "version": "1.0.0", "position": [520, 80],
                   "parameters": {"template": "It is {{value}}"}},
                  {"id": "out", "type": "com.pexper.nodes.basic.output", "version": "1.0.0", "position": [760, 80]}],
                 "connections": [{"from": "doc.text", "to": "pick.json"}, {"from": "pick.text", "to": "say.value"},
                   {"from": "say.text", "to": "out.value"}]}
                """);
        WorkflowEditor editor = open(file);
        assertTrue(EditorProbe.editing(editor).problems().stream().noneMatch(p -> p.isError()),
                String.valueOf(EditorProbe.editing(editor).problems()));
        runWithCtrlEnter(editor);
        assertEquals("DONE", EditorProbe.runPhase(editor, "doc"));
        assertEquals("FAILED", EditorProbe.runPhase(editor, "pick"));
        String error = EditorProbe.runMessage(editor, "pick");
        assertTrue(error.contains("$.missing") && error.contains("matches nothing"), error);
        assertEquals("SKIPPED", EditorProbe.runPhase(editor, "say"));
        assertEquals("SKIPPED", EditorProbe.runPhase(editor, "out"));

        Node pick = EditorProbe.editing(editor).node("pick").orElseThrow();
        EditorProbe.hover(editor, EditorProbe.titleOnDisplay(editor, pick));
        assertTrue(EditorProbe.tooltip(editor).contains("matches nothing"), "the tooltip says why: "
                + EditorProbe.tooltip(editor));
        List<String> problems = EditorProbe.problemsShown();
        assertTrue(problems.stream().anyMatch(p -> p.contains("matches nothing")), "the Problems view lists it: "
                + problems);
        screenshot("run-failed.png");
    }

    @Test
    void anImageShowsAsAThumbnailUnderItsNode() throws Exception {
        Path photo = folder.resolve("astronaut.png");
        Files.copy(Path.of(System.getProperty("user.dir")).resolve("../../examples/images/astronaut.png").normalize(),
                photo);
        Path file = folder.resolve("photo.pexper");
        Files.writeString(file, """
                {"formatVersion": 2, "name": "Photo", "nodes": [
                  {"id": "read", "type": "com.pexper.imaging.read", "version": "1.0.0", "position": [80, 80],
                   "parameters": {"path": {"file": "astronaut.png"}}}],
                 "connections": []}
                """);
        WorkflowEditor editor = open(file);
        runWithCtrlEnter(editor);
        assertEquals("DONE", EditorProbe.runPhase(editor, "read"), EditorProbe.runMessage(editor, "read"));
        org.eclipse.swt.graphics.ImageData decoded = new org.eclipse.swt.graphics.ImageData(photo.toString());
        int[] size = EditorProbe.previewPicture(editor, "read");
        assertNotNull(size, "a picture, not text");
        assertEquals(List.of(decoded.width, decoded.height), List.of(size[0], size[1]));

        Node read = EditorProbe.editing(editor).node("read").orElseThrow();
        Rectangle card = EditorProbe.previewOnDisplay(editor, read);
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        org.eclipse.swt.graphics.Image grab = new org.eclipse.swt.graphics.Image(Display.getCurrent(), card.width,
                card.height);
        org.eclipse.swt.graphics.GC gc = new org.eclipse.swt.graphics.GC(Display.getCurrent());
        try {
            gc.copyArea(grab, card.x, card.y);
            org.eclipse.swt.graphics.ImageData shown = grab.getImageData();
            for (int y = 0; y < shown.height; y += 2) {
                for (int x = 0; x < shown.width; x += 2) {
                    colours.add(shown.getPixel(x, y));
                }
            }
        } finally {
            gc.dispose();
            grab.dispose();
        }
        assertTrue(colours.size() > 200, "the photo is drawn under the node: " + colours.size() + " colours there");
        screenshot("run-image-thumbnail.png");
    }

    @Test
    void escCancelsARunOverTenThousandFilesWithin200msAndLeavesNoPartialFile() throws Exception {
        Path in = Files.createDirectories(folder.resolve("in"));
        for (int i = 0; i < 10_000; i++) {
            Files.writeString(in.resolve(String.format("note-%05d.txt", i)), "note " + i + " of 10000\n");
        }
        Path file = folder.resolve("copy.pexper");
        Files.writeString(file, """
                {"formatVersion": 2, "name": "Copy notes", "nodes": [
                  {"id": "list", "type": "com.pexper.nodes.basic.listFolder", "version": "1.0.0", "position": [40, 80],
                   "parameters": {"folder": {"file": "in"}, "pattern": "*.txt"}},
                  {"id": "read", "type": "com.pexper.nodes.basic.readText", "version": "1.0.0", "position": [280, 80]},
                  {"id": "write", "type": "com.pexper.nodes.basic.writeText", "version": "1.0.0", "position": [520, 80],
                   "parameters": {"path": {"file": "out/note-{index}.txt"}}}],
                 "connections": [{"from": "list.files", "to": "read.file"}, {"from": "read.text", "to": "write.text"}]}
                """);
        WorkflowEditor editor = open(file);
        assertTrue(EditorProbe.editing(editor).problems().stream().noneMatch(p -> p.isError()),
                String.valueOf(EditorProbe.editing(editor).problems()));
        focus(EditorProbe.canvas(editor));
        chord(SWT.CR, SWT.MOD1);
        waitFor("the first hundred notes to be written", 30_000, () -> EditorProbe.runItems(editor, "write")[0] >= 100
                || !editor.isRunning());
        assertTrue(editor.isRunning(), "the run ended before it could be cancelled: make it longer");
        screenshot("run-progress.png");
        long pressed = System.nanoTime();
        UserInput.postKey(SWT.ESC);
        waitFor("the run to end after Esc", 5_000, () -> !editor.isRunning());
        long millis = (System.nanoTime() - pressed) / 1_000_000;
        System.out.println("Esc to the run's end: " + millis + " ms, "
                + EditorProbe.runItems(editor, "write")[0] + " of 10000 notes written");
        assertTrue(millis <= 200, "cancelling took " + millis + " ms");
        pump();
        assertEquals("CANCELLED", EditorProbe.runPhase(editor, "write"));

        Path out = folder.resolve("out");
        List<Path> left;
        try (Stream<Path> files = Files.exists(out) ? Files.list(out) : Stream.empty()) {
            left = files.toList();
        }
        assertTrue(left.size() < 10_000, "cancelled before the end: " + left.size() + " files");
        for (Path written : left) {
            String name = written.getFileName().toString();
            assertTrue(name.matches("note-\\d+\\.txt"), "no temporary or partial file is left: " + name);
            int index = Integer.parseInt(name.substring(5, name.length() - 4));
            assertEquals("note " + (index - 1) + " of 10000\n", Files.readString(written), name + " is whole");
        }
        assertNotNull(EditorProbe.runLine(editor, "write"));
    }
}
