package com.pexper.product.tests;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** Servers on 127.0.0.1 that play the ones the product talks to, speaking just enough of each one's wire format. */
final class LoopbackServers {

    private LoopbackServers() {
    }

    /** Ollama's /api/chat: every request is kept, and each gets "A test photo." in two streamed pieces. */
    static HttpServer ollama(List<JsonNode> requests) throws IOException {
        return ollama(requests, 0);
    }

    /** The same, each answer after {@code millis}, as a model takes a while over a photo; answered ones are counted. */
    static HttpServer ollama(List<JsonNode> requests, long millis) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/api/chat", exchange -> {
            JsonNode request = new ObjectMapper().readTree(exchange.getRequestBody());
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            requests.add(request);
            respond(exchange, "application/x-ndjson",
                    "{\"model\":\"llava\",\"message\":{\"role\":\"assistant\",\"content\":\"A test\"},\"done\":false}\n"
                            + "{\"model\":\"llava\",\"message\":{\"role\":\"assistant\",\"content\":\" photo.\"},\"done\":true}\n");
        });
        server.start();
        return server;
    }

    /** An OpenAI-compatible server's /v1/chat/completions: keeps each Authorization header, answers "Bonjour". */
    static HttpServer openAiCompatible(List<String> authorizations) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        server.createContext("/v1/chat/completions", exchange -> {
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.getRequestBody().readAllBytes();
            respond(exchange, "text/event-stream",
                    "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Bon\"}}]}\n\n"
                            + "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"jour\"},\"finish_reason\":\"stop\"}]}\n\n"
                            + "data: [DONE]\n\n");
        });
        server.start();
        return server;
    }

    /** An npm registry with one package tarball at its usual path; anything else is a 404. */
    static HttpServer npmRegistry(String tarballPath, Path tarball) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        server.createContext("/", exchange -> {
            if (!exchange.getRequestURI().getRawPath().equals("/" + tarballPath)) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
            exchange.sendResponseHeaders(200, Files.size(tarball));
            try (InputStream in = Files.newInputStream(tarball); OutputStream out = exchange.getResponseBody()) {
                in.transferTo(out);
            }
        });
        server.start();
        return server;
    }

    static String address(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void respond(HttpExchange exchange, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
