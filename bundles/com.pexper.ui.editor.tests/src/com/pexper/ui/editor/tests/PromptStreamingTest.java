package com.pexper.ui.editor.tests;

import static com.pexper.ui.editor.tests.UserInput.chord;
import static com.pexper.ui.editor.tests.UserInput.focus;
import static com.pexper.ui.editor.tests.UserInput.open;
import static com.pexper.ui.editor.tests.UserInput.page;
import static com.pexper.ui.editor.tests.UserInput.pump;
import static com.pexper.ui.editor.tests.UserInput.screenshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.pexper.ui.editor.internal.EditorProbe;
import com.pexper.ui.editor.internal.OutputView;
import com.pexper.ui.editor.internal.WorkflowEditor;

/**
 * A Prompt against a local OpenAI-compatible server on this machine (as LM Studio or llama.cpp's
 * server would be): the answer's tokens appear in the node's preview one after the other, as the
 * server sends them, not all at once at the end.
 */
class PromptStreamingTest {

    private static final List<String> TOKENS = List.of("One", ", two", ", three", ", four", ", five.");

    @TempDir
    Path folder;

    private Path settings;

    @AfterEach
    void restoreSettings() throws Exception {
        page().closeAllEditors(false);
        OutputView output = EditorProbe.outputView();
        if (output != null) {
            page().hideView(output);
        }
        if (settings != null) {
            Files.deleteIfExists(settings);
            LoopbackChatServer.restartAiClients();
        }
    }

    @Test
    void aPromptsTokensStreamIntoItsPreviewAndTheOutputViewInOrder() throws Exception {
        try (LoopbackChatServer server = new LoopbackChatServer(TOKENS)) {
            settings = LoopbackChatServer.pointOpenAiCompatibleAt(server.baseUrl());

            Path file = folder.resolve("count.pexper");
            Files.writeString(file, """
                    {"formatVersion": 2, "name": "Count", "nodes": [
                      {"id": "ask", "type": "com.pexper.ai.prompt", "version": "1.0.0", "label": "Count",
                       "position": [80, 80], "parameters": {"provider": "openai-compatible", "model": "test-model",
                       "prompt": "Count to five."}}],
                     "connections": []}
                    """);
            WorkflowEditor editor = open(file);
            focus(EditorProbe.canvas(editor));
            chord(SWT.CR, SWT.MOD1);
            List<String> seen = new ArrayList<>();
            List<String> inView = new ArrayList<>();
            Display display = Display.getCurrent();
            long until = System.currentTimeMillis() + 20_000;
            while (editor.isRunning() || seen.isEmpty()) {
                String shown = EditorProbe.previewText(editor, "ask");
                if (shown != null && !shown.isEmpty() && (seen.isEmpty() || !seen.get(seen.size() - 1).equals(shown))) {
                    seen.add(shown);
                    if (seen.size() == 1) {
                        EditorProbe.clickPreview(editor, "ask"); // the Output view follows the answer too
                    }
                    if (seen.size() == 3) {
                        screenshot("run-prompt-streaming.png");
                    }
                }
                if (System.currentTimeMillis() > until) {
                    fail("the run did not end; the preview showed " + seen);
                }
                while (display.readAndDispatch()) {
                    // what the run posted
                }
                OutputView output = EditorProbe.outputView();
                String full = output == null ? null : EditorProbe.outputText(output);
                if (full != null && !full.isEmpty() && (inView.isEmpty() || !inView.get(inView.size() - 1).equals(full))) {
                    inView.add(full);
                }
                Thread.sleep(5);
            }
            pump();
            String whole = String.join("", TOKENS);
            assertEquals("DONE", EditorProbe.runPhase(editor, "ask"), EditorProbe.runMessage(editor, "ask"));
            assertEquals(whole, EditorProbe.previewText(editor, "ask"));
            assertTrue(seen.size() >= 3, "the answer came in pieces, not all at the end: " + seen);
            for (int i = 1; i < seen.size(); i++) {
                assertTrue(seen.get(i).startsWith(seen.get(i - 1)), "each piece follows the last: " + seen);
            }
            assertTrue(whole.startsWith(seen.get(0)), seen.toString());
            pump();
            assertEquals(whole, EditorProbe.outputText(EditorProbe.outputView()), "the Output view ends with it all");
            assertTrue(inView.size() >= 2, "the Output view grew as the tokens came: " + inView);
            for (int i = 1; i < inView.size(); i++) {
                assertTrue(inView.get(i).startsWith(inView.get(i - 1)), "each piece follows the last: " + inView);
            }
        }
    }
}
