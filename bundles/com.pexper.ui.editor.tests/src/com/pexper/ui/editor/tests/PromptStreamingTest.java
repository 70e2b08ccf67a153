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

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

import com.pexper.core.home.PexperHome;
import com.pexper.ui.editor.internal.EditorProbe;
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
        if (settings != null) {
            Files.deleteIfExists(settings);
            restartAiClients();
        }
    }

    /** The AI clients read providers.json when they start: started again, they read the one this test wrote. */
    private static void restartAiClients() throws Exception {
        BundleContext context = FrameworkUtil.getBundle(PromptStreamingTest.class).getBundleContext();
        ServiceReference<ServiceComponentRuntime> reference = context.getServiceReference(ServiceComponentRuntime.class);
        ServiceComponentRuntime scr = context.getService(reference);
        try {
            for (ComponentDescriptionDTO component : scr.getComponentDescriptionDTOs()) {
                if (component.name.equals("com.pexper.ai.internal.ConfiguredAiClients")) {
                    scr.disableComponent(component).getValue();
                    scr.enableComponent(component).getValue();
                    return;
                }
            }
            fail("no AI clients component");
        } finally {
            context.ungetService(reference);
        }
    }

    @Test
    void aPromptsTokensStreamIntoItsPreviewInOrder() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            settings = PexperHome.fromEnvironment().settings().resolve("providers.json");
            Files.createDirectories(settings.getParent());
            Files.writeString(settings, "{\"openai-compatible\": {\"baseUrl\": \"http://127.0.0.1:"
                    + server.getLocalPort() + "/v1\", \"defaultModel\": \"test-model\"}}");
            restartAiClients();
            Thread serving = Thread.ofVirtual().start(() -> answer(server));

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
            Display display = Display.getCurrent();
            long until = System.currentTimeMillis() + 20_000;
            while (editor.isRunning() || seen.isEmpty()) {
                String shown = EditorProbe.previewText(editor, "ask");
                if (shown != null && !shown.isEmpty() && (seen.isEmpty() || !seen.get(seen.size() - 1).equals(shown))) {
                    seen.add(shown);
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
                Thread.sleep(5);
            }
            pump();
            serving.join(5_000);
            String whole = String.join("", TOKENS);
            assertEquals("DONE", EditorProbe.runPhase(editor, "ask"), EditorProbe.runMessage(editor, "ask"));
            assertEquals(whole, EditorProbe.previewText(editor, "ask"));
            assertTrue(seen.size() >= 3, "the answer came in pieces, not all at the end: " + seen);
            for (int i = 1; i < seen.size(); i++) {
                assertTrue(seen.get(i).startsWith(seen.get(i - 1)), "each piece follows the last: " + seen);
            }
            assertTrue(whole.startsWith(seen.get(0)), seen.toString());
        }
    }

    /** One chat completion as server-sent events, a token every 150 ms. */
    private static void answer(ServerSocket server) {
        try (Socket socket = server.accept()) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            int length = 0;
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                if (line.toLowerCase().startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(15).strip());
                }
            }
            in.skip(length);
            OutputStream out = socket.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            for (String token : TOKENS) {
                Thread.sleep(150);
                out.write(("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + token
                        + "\"}}],\"model\":\"test-model\"}\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            out.write(("data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n"
                    + "data: [DONE]\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
