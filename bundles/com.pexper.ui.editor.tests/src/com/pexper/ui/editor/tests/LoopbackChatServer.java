package com.pexper.ui.editor.tests;


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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;


import com.pexper.core.home.PexperHome;
import com.pexper.ui.testing.ServiceComponents;

/**
 * An OpenAI-compatible server on this machine, as LM Studio or llama.cpp's server would be: it
 * answers each chat completion with server-sent events, a token every 150 ms, and keeps the
 * request heads it was sent. Raw sockets, so that what streams is what the client sees.
 */
final class LoopbackChatServer implements AutoCloseable {

    private final ServerSocket socket;
    private final List<String> tokens;
    private final List<List<String>> heads = new CopyOnWriteArrayList<>();
    private final Thread serving;

    LoopbackChatServer(List<String> tokens) throws IOException {
        this.socket = new ServerSocket(0, 4, InetAddress.getLoopbackAddress());
        this.tokens = List.copyOf(tokens);
        this.serving = Thread.ofVirtual().start(this::serve);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + socket.getLocalPort() + "/v1";
    }

    int port() {
        return socket.getLocalPort();
    }

    /** The head lines of each request, in the order they came. */
    List<List<String>> heads() {
        return List.copyOf(heads);
    }

    /**
     * Points the provider 'openai-compatible' at {@code baseUrl} in PEXPER_HOME/settings/providers.json
     * and starts the AI clients again, since they read the file when they start.
     *
     * @return the settings file, to delete when done (then {@link #restartAiClients()})
     */
    static Path pointOpenAiCompatibleAt(String baseUrl) throws Exception {
        Path settings = PexperHome.fromEnvironment().settings().resolve("providers.json");
        Files.createDirectories(settings.getParent());
        Files.writeString(settings, "{\"openai-compatible\": {\"baseUrl\": \"" + baseUrl
                + "\", \"defaultModel\": \"test-model\"}}");
        restartAiClients();
        return settings;
    }

    static void restartAiClients() throws Exception {
        ServiceComponents.restart("com.pexper.ai.internal.ConfiguredAiClients");
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                answer(client);
            } catch (IOException e) {
                return; // closed
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void answer(Socket client) throws IOException, InterruptedException {
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
        List<String> head = new CopyOnWriteArrayList<>();
        int length = 0;
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
            head.add(line);
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).strip());
            }
        }
        heads.add(head);
        in.skip(length);
        OutputStream out = client.getOutputStream();
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\n"
                + "Connection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        for (String token : tokens) {
            Thread.sleep(150);
            out.write(("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + token
                    + "\"}}],\"model\":\"test-model\"}\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
        out.write(("data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n"
                + "data: [DONE]\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws Exception {
        socket.close();
        serving.join(5_000);
    }
}
