package com.pexper.ai.nodes.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.pexper.ai.AiClients;
import com.pexper.ai.nodes.internal.PromptNode;
import com.pexper.ai.ollama.OllamaProvider;
import com.pexper.ai.testing.ProviderTestBench;
import com.pexper.core.data.JsonValue;
import com.pexper.core.data.TextValue;
import com.pexper.core.engine.Engine;
import com.pexper.core.engine.NodeStatus;
import com.pexper.core.engine.Redactor;
import com.pexper.core.engine.RunEvent;
import com.pexper.core.engine.RunHandle;
import com.pexper.core.engine.RunRequest;
import com.pexper.core.engine.RunResult;
import com.pexper.core.engine.RunStatus;
import com.pexper.core.engine.ServiceDirectory;
import com.pexper.core.node.InMemoryNodeTypeRegistry;
import com.pexper.core.node.PluginXmlNodeTypes;
import com.pexper.core.runs.RunRecords;
import com.pexper.imaging.Image;
import com.pexper.imaging.ImageBuffer;
import com.pexper.imaging.ImageEncoder;
import com.pexper.model.Workflow;
import com.pexper.model.build.WorkflowBuilder;
import com.pexper.nodes.basic.internal.TextNode;

import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;

/** The AI nodes in real runs of the engine, with Ollama's and OpenAI's wire formats on a loopback server. */
class AiNodesTest {

    private static final String AI = "com.pexper.ai.";
    private static final String BASIC = "com.pexper.nodes.basic.";

    @TempDir
    Path folder;
    private ProviderTestBench bench;
    private Engine engine;
    private final List<RunEvent> events = new CopyOnWriteArrayList<>();

    void start(String provider, String basePath, Class<?> providerBundle) throws Exception {
        bench = new ProviderTestBench(folder, provider, basePath, Map.of(), providerBundle);
        InMemoryNodeTypeRegistry registry = new InMemoryNodeTypeRegistry()
                .registerAll(PluginXmlNodeTypes.ofBundleContaining(PromptNode.class))
                .registerAll(PluginXmlNodeTypes.ofBundleContaining(TextNode.class))
                .registerAll(PluginXmlNodeTypes.ofBundleContaining(Image.class));
        engine = Engine.builder(registry).parallelism(2).scratchDirectory(folder.resolve("scratch"))
                .runRecords(RunRecords.open(folder.resolve("runs"), 50)).services(ServiceDirectory.of(Map.of(AiClients.class,
                        bench.clients(), Redactor.class, bench.clients().redactor()))).build();
    }

    @BeforeEach
    void ollama() throws Exception {
        start("ollama", "/", OllamaProvider.class);
    }

    @AfterEach
    void stop() throws Exception {
        engine.close();
        for (RunEvent event : events) {
            bench.shown(event);
        }
        bench.assertKeyNeverShown();
        bench.close();
    }

    private RunResult run(Workflow workflow) throws Exception {
        return engine.run(workflow, RunRequest.builder().workflowFile(folder.resolve("w.pexper"))
                .listener(events::add).build());
    }

    static String line(String text, boolean done) {
        return "{\"model\":\"llama3.2\",\"message\":{\"role\":\"assistant\",\"content\":\"" + text + "\"},\"done\":"
                + done + "}\n";
    }

    private Workflow prompt(Object... extra) {
        List<Object> parameters = new ArrayList<>(List.of("provider", "ollama", "model", "llama3.2", "prompt",
                "Write a haiku about {{topic}}."));
        parameters.addAll(List.of(extra));
        return WorkflowBuilder.named("haiku")
                .node("topic", BASIC + "text", "text", "autumn")
                .node("ask", AI + "prompt", parameters.toArray())
                .node("out", BASIC + "output")
                .connect("topic.text", "ask.topic")
                .connect("ask.text", "out.value").build();
    }

    @Test
    void aPromptFillsItsPlaceholdersAndStreamsTokensToRunEvents() throws Exception {
        bench.enqueueStream("application/x-ndjson", line("Red", false) + line(" leaves", false) + line(" fall", false)
                + line("", true));
        RunResult result = run(prompt("temperature", 0.0));
        assertEquals(RunStatus.SUCCEEDED, result.status(), String.valueOf(result.nodes()));
        assertEquals(TextValue.of("Red leaves fall"), result.outputs().get("out"));
        List<String> streamed = events.stream().filter(e -> e instanceof RunEvent.NodeText).map(
                e -> ((RunEvent.NodeText) e).text()).toList();
        assertEquals(List.of("Red", " leaves", " fall"), streamed);
        RecordedRequest request = bench.take();
        assertEquals("Write a haiku about autumn.", ProviderTestBench.body(request).path("messages").path(0)
                .path("content").asText());

        // Temperature 0: the same question again is answered from the cache, without a request.
        RunResult again = run(prompt("temperature", 0.0));
        assertTrue(again.node("ask").cached());
        assertEquals(1, bench.server.getRequestCount());
    }

    @Test
    void aSamplingPromptWithoutASeedIsNeverTakenFromTheCache() throws Exception {
        for (int i = 0; i < 2; i++) {
            bench.enqueueStream("application/x-ndjson", line("Answer " + i, false) + line("", true));
        }
        assertEquals(TextValue.of("Answer 0"), run(prompt("temperature", 0.8)).outputs().get("out"));
        RunResult second = run(prompt("temperature", 0.8));
        assertFalse(second.node("ask").cached());
        assertEquals(TextValue.of("Answer 1"), second.outputs().get("out"));

        bench.enqueueStream("application/x-ndjson", line("Seeded", false) + line("", true));
        run(prompt("temperature", 0.8, "seed", 5L));
        assertTrue(run(prompt("temperature", 0.8, "seed", 5L)).node("ask").cached(), "a seed makes it repeatable");
        assertEquals(3, bench.server.getRequestCount());
    }

    @Test
    void cancellingARunAbortsTheWaitingCallWithin200Milliseconds() throws Exception {
        bench.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/x-ndjson")
                .body(line("slow", false)).onResponseBody(SocketEffect.Stall.INSTANCE).build());
        RunHandle handle = engine.start(prompt(), RunRequest.builder().workflowFile(folder.resolve("w.pexper"))
                .listener(events::add).build());
        bench.take();
        Thread.sleep(200);
        long cancelled = System.nanoTime();
        handle.cancel();
        RunResult result = handle.await(Duration.ofSeconds(5));
        long millis = (System.nanoTime() - cancelled) / 1_000_000;
        assertNotNull(result, "the run did not end");
        assertEquals(RunStatus.CANCELLED, result.status());
        assertEquals(NodeStatus.CANCELLED, result.node("ask").status());
        assertTrue(millis <= 200, "the run ended " + millis + " ms after cancel");
    }

    @Test
    void aCutStreamFailsTheNodeAndKeepsThePartialTextInItsLog() throws Exception {
        bench.enqueueStream("application/x-ndjson", line("Half a", false) + line(" haiku", false));
        RunResult result = run(prompt());
        assertEquals(NodeStatus.FAILED, result.node("ask").status());
        assertTrue(result.node("ask").error().contains("partial text is kept"), result.node("ask").error());
        assertTrue(events.stream().anyMatch(e -> e instanceof RunEvent.NodeLog log
                && log.message().contains("Half a haiku")), events.toString());
    }

    @Test
    void extractJsonValidatesTheAnswerAndAsksOnceMoreWhenItIsWrong() throws Exception {
        String schema = "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"},\"age\":{\"type\":"
                + "\"integer\"}},\"required\":[\"name\",\"age\"],\"additionalProperties\":false}";
        bench.enqueueStream("application/x-ndjson", line("{\\\"name\\\": \\\"Ada\\\"}", false) + line("", true));
        bench.enqueueStream("application/x-ndjson", line("{\\\"name\\\": \\\"Ada\\\", \\\"age\\\": 36}", false)
                + line("", true));
        Workflow workflow = WorkflowBuilder.named("extract")
                .node("text", BASIC + "text", "text", "Ada Lovelace died at 36.")
                .node("x", AI + "extractJson", "provider", "ollama", "model", "llama3.2", "schema", schema)
                .node("out", BASIC + "output")
                .connect("text.text", "x.text").connect("x.json", "out.value").build();
        RunResult result = run(workflow);
        assertEquals(RunStatus.SUCCEEDED, result.status(), String.valueOf(result.nodes()));
        JsonNode json = ((JsonValue) result.outputs().get("out")).json();
        assertEquals(36, json.path("age").asInt());
        JsonNode first = ProviderTestBench.body(bench.take());
        assertEquals(ProviderTestBench.json(schema), first.path("format"), "the schema goes to Ollama's format");
        assertTrue(first.path("messages").path(0).path("content").asText().contains("Ada Lovelace died at 36."));
        String repair = ProviderTestBench.body(bench.take()).path("messages").path(0).path("content").asText();
        assertTrue(repair.contains("lacks the required property 'age'"), repair);

        bench.enqueueStream("application/x-ndjson", line("not json", false) + line("", true));
        bench.enqueueStream("application/x-ndjson", line("still not", false) + line("", true));
        RunResult failed = run(WorkflowBuilder.named("extract2")
                .node("text", BASIC + "text", "text", "Grace Hopper")
                .node("x", AI + "extractJson", "provider", "ollama", "model", "llama3.2", "schema", schema)
                .connect("text.text", "x.text").build());
        assertEquals(NodeStatus.FAILED, failed.node("x").status());
        assertTrue(failed.node("x").error().contains("also after one repair request"), failed.node("x").error());
    }

    @Test
    void describeImageSendsTheImageAndEmbedTextReturnsTheVector() throws Exception {
        Path photo = folder.resolve("photo.png");
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageEncoder.png().write(new ImageBuffer(40, 20, 3, 8).toImage(), png);
        Files.write(photo, png.toByteArray());
        bench.enqueueStream("application/x-ndjson", line("A black rectangle.", false) + line("", true));
        bench.enqueue(200, "{\"model\":\"nomic-embed-text\",\"embeddings\":[[0.5,-0.25,1.0]]}");
        Workflow workflow = WorkflowBuilder.named("describe")
                .node("read", "com.pexper.imaging.read", "path", "photo.png")
                .node("describe", AI + "describeImage", "provider", "ollama", "model", "llava", "temperature", 0.0)
                .node("embed", AI + "embedText", "provider", "ollama")
                .node("out", BASIC + "output")
                .connect("read.image", "describe.image").connect("describe.text", "embed.text")
                .connect("embed.embedding", "out.value").build();
        RunResult result = run(workflow);
        assertEquals(RunStatus.SUCCEEDED, result.status(), String.valueOf(result.nodes()));
        assertEquals("[0.5,-0.25,1.0]", ((JsonValue) result.outputs().get("out")).json().toString());
        JsonNode describe = ProviderTestBench.body(bench.take());
        assertEquals("llava", describe.path("model").asText());
        byte[] sent = Base64.getDecoder().decode(describe.path("messages").path(0).path("images").path(0).asText());
        assertEquals((byte) 0xFF, sent[0], "an opaque image is sent as JPEG");
        assertEquals(ProviderTestBench.json("{\"model\":\"nomic-embed-text\",\"input\":[\"A black rectangle.\"]}"),
                ProviderTestBench.body(bench.take()));
    }

    private Path png(String name, int width, int height, int channels) throws Exception {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageEncoder.png().write(new ImageBuffer(width, height, channels, 8).toImage(), png);
        return Files.write(folder.resolve(name), png.toByteArray());
    }

    @Test
    void editImageSendsTheImageAndItsMaskToOpenAiAsAFormAndGivesTheNewImage() throws Exception {
        engine.close();
        bench.close();
        start("openai", "/v1", com.pexper.ai.openai.OpenAiProviderFactory.class);
        png("cup.png", 40, 20, 3);
        png("subject.png", 40, 20, 1); // a mask as Remove background makes it: gray, the photo's size
        byte[] made = Files.readAllBytes(png("made.png", 16, 8, 4));
        bench.enqueue(200, "{\"created\":1,\"data\":[{\"b64_json\":\"" + Base64.getEncoder().encodeToString(made)
                + "\"}],\"output_format\":\"png\"}");
        Workflow workflow = WorkflowBuilder.named("edit")
                .node("photo", "com.pexper.imaging.read", "path", "cup.png")
                .node("subject", "com.pexper.imaging.read", "path", "subject.png")
                .node("edit", AI + "editImage", "provider", "openai", "prompt", "the cup on a {{table}} table")
                .node("table", BASIC + "text", "text", "marble")
                .node("out", BASIC + "output")
                .connect("photo.image", "edit.image").connect("subject.image", "edit.mask")
                .connect("table.text", "edit.table").connect("edit.image", "out.value").build();
        RunResult result = run(workflow);
        assertEquals(RunStatus.SUCCEEDED, result.status(), String.valueOf(result.nodes()));
        Image image = (Image) result.outputs().get("out");
        assertEquals(16, image.width(), "the image the model made");
        assertEquals(4, image.channels());

        RecordedRequest edit = bench.take();
        assertEquals("/v1/images/edits", edit.getUrl().encodedPath());
        assertTrue(edit.getHeaders().get("Content-Type").startsWith("multipart/form-data"), edit.getHeaders().toString());
        String form = edit.getBody().string(java.nio.charset.StandardCharsets.ISO_8859_1);
        for (String part : List.of("name=\"model\"", "gpt-image-1", "name=\"prompt\"", "the cup on a marble table",
                "name=\"n\"", "name=\"image\"; filename=\"image.png\"", "name=\"mask\"; filename=\"mask.png\"",
                "Content-Type: image/png")) {
            assertTrue(form.contains(part), part + " in " + form.substring(0, Math.min(form.length(), 600)));
        }
        assertEquals(2, form.split("\u0089PNG", -1).length - 1, "the photo and the mask, both PNG");
        bench.assertLedgerHasEveryRequest();
    }

    @Test
    void editImageSaysWhenAMaskIsNotTheImagesSizeOrTheProviderCannotEdit() throws Exception {
        png("cup.png", 40, 20, 3);
        png("small.png", 10, 5, 1);
        RunResult ollama = run(WorkflowBuilder.named("edit")
                .node("photo", "com.pexper.imaging.read", "path", "cup.png")
                .node("edit", AI + "editImage", "provider", "ollama", "prompt", "make it blue")
                .connect("photo.image", "edit.image").build());
        assertEquals(NodeStatus.FAILED, ollama.node("edit").status());
        assertTrue(ollama.node("edit").error().contains("cannot do image editing"), ollama.node("edit").error());

        engine.close();
        bench.close();
        start("openai", "/v1", com.pexper.ai.openai.OpenAiProviderFactory.class);
        RunResult wrongMask = run(WorkflowBuilder.named("edit")
                .node("photo", "com.pexper.imaging.read", "path", "cup.png")
                .node("mask", "com.pexper.imaging.read", "path", "small.png")
                .node("edit", AI + "editImage", "provider", "openai", "prompt", "make it blue")
                .connect("photo.image", "edit.image").connect("mask.image", "edit.mask").build());
        assertEquals(NodeStatus.FAILED, wrongMask.node("edit").status());
        assertTrue(wrongMask.node("edit").error().contains("the mask is 10x5 but the image is 40x20"),
                wrongMask.node("edit").error());
        assertEquals(0, bench.server.getRequestCount(), "nothing was sent");
    }

    @Test
    void everyRecordAndEventOfAFailedRunIsFreeOfTheKey() throws Exception {
        bench.enqueue(401, "{\"error\":\"unauthorized: key " + ProviderTestBench.FAKE_KEY + " is not valid\"}");
        RunResult result = run(prompt());
        assertEquals(NodeStatus.FAILED, result.node("ask").status());
        String error = result.node("ask").error();
        assertTrue(error.contains("./pexper keys set ollama"), error);
        try (Stream<Path> records = Files.walk(folder.resolve("runs"))) {
            assertTrue(records.anyMatch(Files::isRegularFile), "a run record was written");
        }
        // assertKeyNeverShown (after each test) scans the records, ledger, logs and events
    }

    /** The key split across streamed pieces, and in base64, in an answer that is then cut off. */
    private static String echoingTheKey() {
        String key = ProviderTestBench.FAKE_KEY;
        return line("Your key: " + key.substring(0, 13), false) + line(key.substring(13, 20), false)
                + line(key.substring(20) + ", or ", false) + line("Basic " + Base64.getEncoder().encodeToString(
                        ("me:" + key).getBytes(java.nio.charset.StandardCharsets.UTF_8)), false);
    }

    @Test
    void aStreamCutMidwayThatCarriedTheKeyLeavesItOutOfEventsLogAndRecord() throws Exception {
        bench.enqueueStream("application/x-ndjson", echoingTheKey());
        RunResult result = run(prompt());
        assertEquals(NodeStatus.FAILED, result.node("ask").status());
        String streamed = String.join("", events.stream().filter(e -> e instanceof RunEvent.NodeText)
                .map(e -> ((RunEvent.NodeText) e).text()).toList());
        assertEquals("Your key: ****, or Basic ****", streamed);
        assertTrue(events.stream().anyMatch(e -> e instanceof RunEvent.NodeLog log
                && log.message().contains("Your key: ****, or Basic ****")), events.toString());
        // assertKeyNeverShown (after each test) scans every event, the run record and the logs
    }

    @Test
    void anAnswerThatEchoesTheKeyIsPassedOnWithoutIt() throws Exception {
        bench.enqueueStream("application/x-ndjson", echoingTheKey() + line("", true));
        RunResult result = run(prompt("temperature", 0.0));
        assertEquals(RunStatus.SUCCEEDED, result.status(), String.valueOf(result.nodes()));
        assertEquals(TextValue.of("Your key: ****, or Basic ****"), result.outputs().get("out"));
        bench.shown(result.outputs());
        bench.shown(result.node("out").outputs());
    }
}
