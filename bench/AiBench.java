import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.pexper.ai.AiClients;
import com.pexper.ai.ProviderRegistry;
import com.pexper.ai.keys.InMemoryCredentialStore;
import com.pexper.ai.nodes.internal.PromptNode;
import com.pexper.ai.openai.OpenAiProviderFactory;
import com.pexper.ai.openai.compatible.CompatibleProviderFactory;
import com.pexper.core.cache.MemoryResultCache;
import com.pexper.core.engine.Engine;
import com.pexper.core.engine.Redactor;
import com.pexper.core.engine.RunEvent;
import com.pexper.core.engine.RunRequest;
import com.pexper.core.engine.RunResult;
import com.pexper.core.engine.RunStatus;
import com.pexper.core.engine.ServiceDirectory;
import com.pexper.core.node.InMemoryNodeTypeRegistry;
import com.pexper.core.node.PluginXmlNodeTypes;
import com.pexper.model.Workflow;
import com.pexper.model.build.WorkflowBuilder;
import com.pexper.net.NetworkGate;
import com.pexper.net.PrivacyLedger;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Issue 4, section 7: the cost Pexper adds to streamed answers, and how a workflow of many Prompt
 * nodes uses a provider's concurrency. A loopback HTTP server plays an OpenAI-compatible server
 * (LM Studio, llama.cpp); the nodes run in the real engine through the real provider, gate and
 * ledger. Prints medians with targets and ratios.
 */
public class AiBench {

    static final int TOKENS = 200;
    static final int TOKEN_GAP_MILLIS = 2;
    static final int PROMPTS = 100;
    static final int ANSWER_MILLIS = 200;

    public static void main(String[] args) throws Exception {
        // Like the servers it stands for (Ollama's Go server, uvicorn under vLLM), send each event at once:
        // with Nagle's algorithm on, small writes wait for the delayed ACK (40 ms on Linux).
        System.setProperty("sun.net.httpserver.nodelay", "true");
        Path folder = Files.createTempDirectory("pexper-aibench");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/stream/v1/chat/completions", AiBench::streamTimestamps);
        server.createContext("/slow/v1/chat/completions", AiBench::answerAfter200ms);
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        try {
            streamingOverhead(folder, base + "/stream/v1");
            System.out.println();
            manyPrompts(folder, base + "/slow/v1");
        } finally {
            server.stop(0);
        }
    }

    /** Each event carries System.nanoTime() taken just before it is written and flushed. */
    static void streamTimestamps(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 0; i < TOKENS; i++) {
                String event = "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + System.nanoTime()
                        + " \"}}]}\n\n";
                out.write(event.getBytes(StandardCharsets.UTF_8));
                out.flush();
                sleep(TOKEN_GAP_MILLIS);
            }
            out.write("data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n"
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    static void answerAfter200ms(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        sleep(ANSWER_MILLIS);
        byte[] body = ("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"ok\"}}]}\n\n"
                + "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Engine engine(Path folder, String baseUrl, int concurrency, int parallelism) throws IOException {
        InMemoryNodeTypeRegistry registry = new InMemoryNodeTypeRegistry()
                .registerAll(PluginXmlNodeTypes.ofBundleContaining(PromptNode.class));
        NetworkGate gate = NetworkGate.builder().ledger(new PrivacyLedger(folder.resolve("ledger"))).build();
        AiClients ai = AiClients.builder()
                .registry(ProviderRegistry.ofBundlesContaining(CompatibleProviderFactory.class, OpenAiProviderFactory.class))
                .credentials(new InMemoryCredentialStore()).gate(gate)
                .settings(Map.of("openai-compatible", Map.of("baseUrl", baseUrl, "defaultModel", "bench",
                        "maxConcurrentRequests", String.valueOf(concurrency))))
                .build();
        return Engine.builder(registry).parallelism(parallelism).scratchDirectory(folder.resolve("scratch"))
                .services(ServiceDirectory.of(Map.of(AiClients.class, ai, Redactor.class, ai.redactor()))).build();
    }

    static Workflow prompts(int count) {
        WorkflowBuilder workflow = WorkflowBuilder.named("prompts");
        for (int i = 0; i < count; i++) {
            workflow.node("p" + i, "com.pexper.ai.prompt", "provider", "openai-compatible", "prompt", "Question " + i,
                    "temperature", 0.7);
        }
        return workflow.build();
    }

    static void streamingOverhead(Path folder, String baseUrl) throws Exception {
        int runs = 7;
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        try (Engine engine = engine(folder, baseUrl, 4, 2)) {
            for (int run = 0; run < runs; run++) {
                List<Long> thisRun = new ArrayList<>();
                RunResult result = engine.run(prompts(1), RunRequest.builder().cache(new MemoryResultCache())
                        .listener(event -> {
                            if (event instanceof RunEvent.NodeText text) {
                                long now = System.nanoTime();
                                for (String stamp : text.text().trim().split("\\s+")) {
                                    thisRun.add(now - Long.parseLong(stamp));
                                }
                            }
                        }).build());
                if (result.status() != RunStatus.SUCCEEDED || thisRun.size() != TOKENS) {
                    throw new IllegalStateException("run failed: " + result.nodes() + ", tokens " + thisRun.size());
                }
                if (run >= 2) { // the first runs warm up the JIT and the connection pool
                    latencies.addAll(thisRun);
                }
            }
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        double median = sorted.get(sorted.size() / 2) / 1e6;
        double p99 = sorted.get((int) (sorted.size() * 0.99)) / 1e6;
        System.out.println("== Streaming: server writes an event -> the node's token event (" + sorted.size()
                + " events over " + (runs - 2) + " runs, " + TOKEN_GAP_MILLIS + " ms apart) ==");
        System.out.printf("%-60s %9s %10s %7s%n", "measurement", "value", "target", "ratio");
        System.out.printf("%-60s %6.3f ms %10s %7.2f%n", "median latency (HTTP, SSE parse, JSON, engine event)", median,
                "<= 1 ms", median / 1.0);
        System.out.printf("%-60s %6.3f ms%n", "99th percentile", p99);
        System.out.printf("%-60s %6.3f ms%n", "slowest", sorted.get(sorted.size() - 1) / 1e6);
    }

    static void manyPrompts(Path folder, String baseUrl) throws Exception {
        System.out.println("== " + PROMPTS + " independent Prompt nodes, a local server answering each in " + ANSWER_MILLIS
                + " ms (median of 3 runs, 2 cores) ==");
        System.out.printf("%-60s %9s %10s %7s%n", "concurrency limit (maxConcurrentRequests)", "run", "target", "ratio");
        for (int concurrency : new int[] { 4, 8, 16 }) {
            List<Long> times = new ArrayList<>();
            AtomicInteger requests = new AtomicInteger();
            try (Engine engine = engine(folder, baseUrl, concurrency, 2)) {
                engine.run(prompts(concurrency), RunRequest.builder().build()); // warm-up: connections, JIT
                for (int run = 0; run < 3; run++) {
                    long start = System.nanoTime();
                    RunResult result = engine.run(prompts(PROMPTS), RunRequest.builder().cache(new MemoryResultCache())
                            .build());
                    times.add((System.nanoTime() - start) / 1_000_000);
                    if (result.status() != RunStatus.SUCCEEDED || result.executedNodes() != PROMPTS) {
                        throw new IllegalStateException("run failed: " + result.status());
                    }
                    requests.addAndGet(PROMPTS);
                }
            }
            Collections.sort(times);
            long median = times.get(1);
            double ideal = (double) PROMPTS * ANSWER_MILLIS / concurrency;
            double target = 1.2 * ideal;
            System.out.printf("%-60s %6d ms %7.0f ms %7.2f%n", concurrency + " (ideal " + (long) ideal + " ms)", median,
                    target, median / target);
        }
    }
}
