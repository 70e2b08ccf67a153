package com.pexper.ui.editor.tests;

import static com.pexper.ui.editor.tests.UserInput.answerTheNextDialog;
import static com.pexper.ui.editor.tests.UserInput.chord;
import static com.pexper.ui.editor.tests.UserInput.focus;
import static com.pexper.ui.editor.tests.UserInput.open;
import static com.pexper.ui.editor.tests.UserInput.page;
import static com.pexper.ui.editor.tests.UserInput.pump;
import static com.pexper.ui.editor.tests.UserInput.screenshot;
import static com.pexper.ui.editor.tests.UserInput.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

import com.pexper.ai.AiClients;
import com.pexper.ai.Secret;
import com.pexper.core.home.PexperHome;
import com.pexper.ui.editor.internal.EditorProbe;
import com.pexper.ui.editor.internal.WorkflowEditor;

/**
 * A workflow may come from anyone, so before a run uses more than it may by itself the workbench
 * asks, with "no" as the default: folders outside the workflow's own (remembered per workflow when
 * allowed), and a key whose provider's address changed since the key was stored.
 */
class RunAsksFirstTest {

    @TempDir
    Path root;
    private Path downloads;
    private Path photos;
    private Path grants;
    private Path settings;
    private String storedKey;

    @BeforeEach
    void folders() throws Exception {
        downloads = Files.createDirectories(root.resolve("Downloads"));
        photos = Files.createDirectories(root.resolve("Photos"));
        Files.writeString(photos.resolve("note.txt"), "from the photos folder");
        grants = PexperHome.fromEnvironment().settings().resolve("folder-grants.json");
        Files.deleteIfExists(grants);
    }

    @AfterEach
    void cleanUp() throws Exception {
        page().closeAllEditors(false);
        Files.deleteIfExists(grants);
        if (storedKey != null) {
            withAi(ai -> ai.credentials().remove(storedKey));
        }
        if (settings != null) {
            Files.deleteIfExists(settings);
            LoopbackChatServer.restartAiClients();
        }
    }

    private Path reading(String name, String path) throws Exception {
        Path file = downloads.resolve(name);
        Files.writeString(file, """
                {"formatVersion": 2, "name": "Reads", "nodes": [
                  {"id": "read", "type": "com.pexper.nodes.basic.readText", "version": "1.0.0", "position": [80, 80],
                   "parameters": {"path": "%s"}},
                  {"id": "out", "type": "com.pexper.nodes.basic.output", "version": "1.0.0", "position": [340, 80]}],
                 "connections": [{"from": "read.text", "to": "out.value"}]}
                """.formatted(path.replace("\\", "\\\\")));
        return file;
    }

    /** What a dialog showed and which of its buttons was the default, once it was answered. */
    private record Asked(List<String> seen, String defaultButton) {
        String message() {
            return seen.isEmpty() ? "" : seen.get(0);
        }
    }

    /** Presses Ctrl+Enter and answers the question that comes with {@code answer}. */
    private static Asked runAnswering(WorkflowEditor editor, String answer, String screenshot) {
        String[] defaultButton = new String[1];
        List<String> seen = answerTheNextDialog(shell -> {
            defaultButton[0] = shell.getDefaultButton() == null ? null : shell.getDefaultButton().getText().replace("&", "");
            if (screenshot != null) {
                shoot(shell, screenshot);
            }
        }, answer);
        focus(EditorProbe.canvas(editor));
        chord(SWT.CR, SWT.MOD1);
        waitFor("the question to be answered", 30_000, () -> !seen.isEmpty());
        return new Asked(seen, defaultButton[0]);
    }

    private static void shoot(Shell shell, String name) {
        try {
            screenshot(shell.getDisplay(), shell.getBounds(), name);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitRunAfter(WorkflowEditor editor, String runBefore) {
        waitFor("the run to end", 30_000, () -> !editor.isRunning()
                && !Objects.equals(runBefore, EditorProbe.lastRunId(editor)));
        pump();
    }

    private static int otherShells() {
        Shell workbench = page().getWorkbenchWindow().getShell();
        int count = 0;
        for (Shell shell : Display.getCurrent().getShells()) {
            if (shell != workbench && shell.isVisible()) {
                count++;
            }
        }
        return count;
    }

    @Test
    void readingOutsideItsFolderAsksDefaultingToNoAndAnAllowedFolderIsRememberedForThatWorkflow() throws Exception {
        Path note = photos.resolve("note.txt");
        WorkflowEditor editor = open(reading("flow.pexper", note.toString()));

        Asked refused = runAnswering(editor, "Don't Allow", "run-asks-folder.png");
        assertEquals("Don't Allow", refused.defaultButton(), "no is the default: a workflow may come from anyone");
        assertTrue(refused.message().contains("read in " + photos.toRealPath()), refused.message());
        assertTrue(refused.message().contains("node 'read'"), refused.message());
        assertTrue(refused.message().contains(downloads.toString()), "names the workflow's own folder: " + refused.message());
        assertEquals(List.of("Allow and Run", "Don't Allow"), refused.seen().subList(1, 3));
        waitFor("the refusal in the status line", 10_000, () -> EditorProbe.status(editor) != null
                && EditorProbe.status(editor).contains("not allowed"));
        assertTrue(EditorProbe.status(editor).startsWith("Not run: flow.pexper may not read in " + photos.toRealPath()),
                EditorProbe.status(editor));
        assertEquals(null, EditorProbe.lastRunId(editor), "nothing ran");
        assertFalse(Files.exists(grants), "nothing remembered");

        Asked allowed = runAnswering(editor, "Allow and Run", null);
        assertTrue(allowed.message().contains(photos.toRealPath().toString()), allowed.message());
        awaitRunAfter(editor, null);
        assertEquals("DONE", EditorProbe.runPhase(editor, "read"), EditorProbe.runMessage(editor, "read"));
        assertEquals("from the photos folder", EditorProbe.previewText(editor, "read"));
        String remembered = Files.readString(grants);
        assertTrue(remembered.contains(downloads.resolve("flow.pexper").toRealPath().toString())
                && remembered.contains(photos.toRealPath().toString()), remembered);

        page().closeAllEditors(false);
        WorkflowEditor again = open(downloads.resolve("flow.pexper"));
        focus(EditorProbe.canvas(again));
        chord(SWT.CR, SWT.MOD1);
        awaitRunAfter(again, null);
        assertEquals(0, otherShells(), "remembered: no question the second time");
        assertEquals("from the photos folder", EditorProbe.previewText(again, "read"));

        // the user's own changes keep what was allowed
        EditorProbe.editing(again).setLabel(EditorProbe.editing(again).node("read").orElseThrow(), "Read the notes");
        again.doSave(null);
        String saved = EditorProbe.lastRunId(again);
        focus(EditorProbe.canvas(again));
        chord(SWT.CR, SWT.MOD1);
        awaitRunAfter(again, saved);
        assertEquals(0, otherShells(), "saved in Pexper: still allowed");

        // another workflow put in its place does not inherit it
        page().closeAllEditors(false);
        Files.writeString(downloads.resolve("flow.pexper"), Files.readString(downloads.resolve("flow.pexper"))
                .replace("Read the notes", "Something else"));
        WorkflowEditor replaced = open(downloads.resolve("flow.pexper"));
        Asked askedAgain = runAnswering(replaced, "Don't Allow", null);
        assertTrue(askedAgain.message().contains(photos.toRealPath().toString()), "the file changed behind Pexper's"
                + " back: asked again: " + askedAgain.message());
        page().closeAllEditors(false);

        WorkflowEditor other = open(reading("other.pexper", note.toString()));
        Asked otherAsked = runAnswering(other, "Don't Allow", null);
        assertTrue(otherAsked.message().contains("'other.pexper'"), "each workflow is asked for itself: "
                + otherAsked.message());
    }

    @Test
    void pexpersDataFolderIsNeverOfferedAndTheRunIsRefusedSayingWhy() throws Exception {
        Path providers = PexperHome.fromEnvironment().settings().resolve("providers.json");
        WorkflowEditor editor = open(reading("steal.pexper", providers.toString()));
        focus(EditorProbe.canvas(editor));
        chord(SWT.CR, SWT.MOD1);
        waitFor("the refusal in the status line", 30_000, () -> !editor.isRunning() && EditorProbe.status(editor) != null
                && EditorProbe.status(editor).startsWith("Not run: "));
        pump();
        assertEquals(0, otherShells(), "no question: no answer could allow it");
        String status = EditorProbe.status(editor);
        assertTrue(status.contains("node 'read'") && status.contains("Pexper's data folder"), status);
        assertFalse(Files.exists(grants));
    }

    @Test
    void aPathThatArrivesAlongAConnectionIsAskedAboutAfterTheRunAndAllowedItRunsAgain() throws Exception {
        Path file = downloads.resolve("connected.pexper");
        Files.writeString(file, """
                {"formatVersion": 2, "name": "Connected", "nodes": [
                  {"id": "where", "type": "com.pexper.nodes.basic.text", "version": "1.0.0", "position": [40, 80],
                   "parameters": {"text": "%s"}},
                  {"id": "read", "type": "com.pexper.nodes.basic.readText", "version": "1.0.0", "position": [300, 80]}],
                 "connections": [{"from": "where.text", "to": "read.file"}]}
                """.formatted(photos.resolve("note.txt").toString().replace("\\", "\\\\")));
        WorkflowEditor editor = open(file);
        Asked asked = runAnswering(editor, "Allow and Run Again", "run-asks-after.png");
        assertTrue(asked.message().contains("while it ran") && asked.message().contains("node 'read'"), asked.message());
        waitFor("the second run to end", 30_000, () -> !editor.isRunning()
                && "DONE".equals(EditorProbe.runPhase(editor, "read")));
        pump();
        assertEquals("from the photos folder", EditorProbe.previewText(editor, "read"));
        assertEquals("CACHED", EditorProbe.runPhase(editor, "where"), "what had run is reused");
    }

    private interface WithAi {
        Object apply(AiClients ai) throws Exception;
    }

    private static Object withAi(WithAi use) throws Exception {
        BundleContext context = FrameworkUtil.getBundle(RunAsksFirstTest.class).getBundleContext();
        ServiceReference<AiClients> reference = context.getServiceReference(AiClients.class);
        try {
            return use.apply(context.getService(reference));
        } finally {
            context.ungetService(reference);
        }
    }

    @Test
    void aKeyWhoseProvidersAddressChangedIsSentThereOnlyOnceTheUserSaysSo() throws Exception {
        String key = "sk-test-" + "a1b2c3d4e5f6g7h8i9j0".repeat(2);
        try (LoopbackChatServer storedFor = new LoopbackChatServer(List.of("unused"));
                LoopbackChatServer elsewhere = new LoopbackChatServer(List.of("Hi", " there."))) {
            settings = LoopbackChatServer.pointOpenAiCompatibleAt(storedFor.baseUrl());
            storedKey = "local-test";
            withAi(ai -> ai.storeKey(storedKey, "openai-compatible", Secret.of(key)));
            // what a hostile workflow did before workflows were confined, or anyone with the file
            LoopbackChatServer.pointOpenAiCompatibleAt(elsewhere.baseUrl().replace("127.0.0.1", "localhost"));
            Path file = downloads.resolve("ask.pexper");
            Files.writeString(file, """
                    {"formatVersion": 2, "name": "Ask", "nodes": [
                      {"id": "ask", "type": "com.pexper.ai.prompt", "version": "1.0.0", "position": [80, 80],
                       "parameters": {"provider": "openai-compatible", "model": "test-model", "key": "local-test",
                       "prompt": "Say hi."}}],
                     "connections": []}
                    """);
            WorkflowEditor editor = open(file);

            Asked kept = runAnswering(editor, "Don't Send", "run-asks-key.png");
            assertEquals("Don't Send", kept.defaultButton());
            String newOrigin = "http://localhost:" + elsewhere.port();
            assertTrue(kept.message().contains("'local-test'") && kept.message().contains(newOrigin)
                    && kept.message().contains("http://127.0.0.1:" + storedFor.port()), kept.message());
            awaitRunAfter(editor, null);
            assertEquals("FAILED", EditorProbe.runPhase(editor, "ask"));
            assertTrue(EditorProbe.runMessage(editor, "ask").contains("keys allow local-test " + newOrigin),
                    EditorProbe.runMessage(editor, "ask"));
            assertEquals(List.of(), elsewhere.heads(), "nothing reached the new address");
            StringBuilder ledger = new StringBuilder();
            try (var days = Files.list(PexperHome.fromEnvironment().ledger())) {
                for (Path day : days.toList()) {
                    ledger.append(Files.readString(day));
                }
            }
            assertTrue(ledger.toString().contains("\"port\":" + elsewhere.port() + ",")
                    && ledger.toString().contains("refused: "), "the ledger records the refusal");

            String firstRun = EditorProbe.lastRunId(editor);
            Asked sent = runAnswering(editor, "Send It There", null);
            assertEquals(List.of("Send It There", "Don't Send"), sent.seen().subList(1, 3));
            awaitRunAfter(editor, firstRun);
            assertEquals("DONE", EditorProbe.runPhase(editor, "ask"), EditorProbe.runMessage(editor, "ask"));
            assertEquals("Hi there.", EditorProbe.previewText(editor, "ask"));
            List<String> head = elsewhere.heads().get(0);
            assertTrue(head.contains("Authorization: Bearer " + key), "the key went where the user said");
            assertEquals(List.of("http://127.0.0.1:" + storedFor.port(), newOrigin), withAi(ai -> ai.credentials()
                    .describe(storedKey).orElseThrow().origins()));

            String secondRun = EditorProbe.lastRunId(editor);
            focus(EditorProbe.canvas(editor));
            chord(SWT.CR, SWT.MOD1);
            awaitRunAfter(editor, secondRun);
            assertEquals(0, otherShells(), "allowed once: not asked again");
            assertNotEquals(secondRun, EditorProbe.lastRunId(editor));
        }
    }
}
