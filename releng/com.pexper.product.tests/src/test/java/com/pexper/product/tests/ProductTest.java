package com.pexper.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Runs the materialized product the way a user does: through ./pexper, headless, in a fresh PEXPER_HOME. */
class ProductTest {

    static final Path ROOT = Path.of(System.getProperty("pexper.root", "../..")).toAbsolutePath().normalize();

    @TempDir
    Path home;
    @TempDir
    Path work;

    record Outcome(int code, String out, String err) {
    }

    private ProcessBuilder pexper(String... args) {
        List<String> command = new ArrayList<>();
        command.add(ROOT.resolve("pexper").toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile());
        builder.environment().put("PEXPER_HOME", home.toString());
        builder.environment().put("PEXPER_NO_BUILD", "1");
        builder.environment().remove("DISPLAY");
        return builder;
    }

    private Outcome run(String... args) throws IOException, InterruptedException {
        return run(Map.of(), args);
    }

    private Outcome run(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        Path out = work.resolve("stdout-" + System.nanoTime());
        Path err = work.resolve("stderr-" + System.nanoTime());
        ProcessBuilder builder = pexper(args);
        builder.environment().putAll(environment);
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "pexper " + String.join(" ", args) + " did not end");
        return new Outcome(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void theReadmeRunCommandGreets() throws Exception {
        Outcome hello = run("run", "examples/hello.pexper");
        assertEquals(0, hello.code(), hello.err());
        assertEquals("Hello, World!\n", hello.out());
    }

    @Test
    void helpListsTheCommandsThatTheInstalledBundlesContribute() throws Exception {
        // the commands of the ONNX, AI and net bundles are their Declarative Services components
        Outcome help = run("help");
        assertEquals(0, help.code(), help.err());
        for (String command : List.of("run WORKFLOW", "validate WORKFLOW", "nodes", "runs", "keys set NAME", "ledger",
                "models list|install", "providers", "remove-bg INPUT...")) {
            assertTrue(help.out().contains("\n  " + command + " "), command + " is listed:\n" + help.out());
        }
        Outcome ledger = run("help", "ledger");
        assertEquals("ledger             every network request Pexper sent or refused (never its content)\n"
                + "  --since WHEN       e.g. 2h, 7d, 2026-11-01 or 2026-11-01T09:00:00Z [--json]\n", ledger.out());
    }

    /** Plays Ollama on loopback for the examples with AI nodes: each photo gets "A test photo." as its alt text. */
    private com.sun.net.httpserver.HttpServer fakeOllama(List<JsonNode> requests) throws IOException {
        com.sun.net.httpserver.HttpServer server = LoopbackServers.ollama(requests);
        Files.createDirectories(home.resolve("settings"));
        Files.writeString(home.resolve("settings/providers.json"), "{\"ollama\": {\"baseUrl\": \""
                + LoopbackServers.address(server) + "\"}}");
        return server;
    }

    @Test
    void everyExampleRunsAsItIs() throws Exception {
        List<JsonNode> aiRequests = java.util.Collections.synchronizedList(new ArrayList<>());
        com.sun.net.httpserver.HttpServer ollama = fakeOllama(aiRequests);
        try {
            runEveryExample();
        } finally {
            ollama.stop(0);
        }
        assertEquals(List.of("# Alt text", "", "- astronaut.png: A test photo.", "- chelsea.png: A test photo.",
                "- coffee.png: A test photo.", "- rocket.jpg: A test photo."),
                Files.readAllLines(work.resolve("out/alt-text.md")));
        assertEquals(4, aiRequests.size());
        for (JsonNode request : aiRequests) {
            assertEquals("llava", request.path("model").asText());
            assertEquals(1, request.path("messages").path(0).path("images").size(), "each photo is sent");
        }
    }

    /** Examples that remove backgrounds need the model: with .ci/run's, they run too. */
    private void runEveryExample() throws Exception {
        String models = System.getenv("PEXPER_TEST_MODELS");
        if (models != null) {
            Outcome install = run("models", "install", Path.of(models, "isnet-medium.onnx").toString());
            assertEquals(0, install.code(), install.err());
        }
        try (Stream<Path> examples = Files.list(ROOT.resolve("examples"))) {
            for (Path example : examples.filter(p -> p.toString().endsWith(".pexper")).toList()) {
                if (models == null && Files.readString(example).contains("com.pexper.imaging.onnx.")) {
                    continue;
                }
                Outcome outcome = run("run", example.toString(), "--out", work.resolve("out").toString());
                assertEquals(0, outcome.code(), example + ":\n" + outcome.err());
            }
        }
        assertTrue(Files.readString(work.resolve("out/notes-digest.md")).startsWith("# Notes digest"));
        if (models != null) {
            for (String photo : List.of("astronaut", "chelsea", "coffee", "rocket")) {
                assertEquals(6, Files.readAllBytes(work.resolve("out/cutouts/" + photo + ".png"))[25], "an RGBA PNG");
                assertTrue(Files.size(work.resolve("out/squares/" + photo + ".jpg")) > 10_000, photo + ".jpg");
            }
        }
    }

    @Test
    void exitCodesTellWhatWentWrong() throws Exception {
        Path broken = Files.writeString(work.resolve("broken.pexper"), """
                {"formatVersion": 2, "nodes": [{"id": "t", "type": "com.pexper.nodes.basic.template",
                  "parameters": {"template": "{{x}}"}}]}
                """);
        Outcome invalid = run("run", broken.toString());
        assertEquals(2, invalid.code());
        assertTrue(invalid.err().contains("input 'x' (Text) is not connected"), invalid.err());

        Outcome unreadable = run("validate", work.resolve("none.pexper").toString());
        assertEquals(3, unreadable.code());

        Path failing = Files.writeString(work.resolve("failing.pexper"), """
                {"formatVersion": 2, "nodes": [{"id": "r", "type": "com.pexper.nodes.basic.readText",
                  "parameters": {"path": {"file": "gone.txt"}}}]}
                """);
        Outcome failed = run("run", failing.toString());
        assertEquals(4, failed.code());
        assertTrue(failed.err().contains("r failed: cannot read"), failed.err());

        assertEquals(2, run("run", "examples/hello.pexper", "--colour").code());

        // A NUL character in an output path made planning throw; Equinox logged it and exited 0.
        Path nul = Files.writeString(work.resolve("nul.pexper"), """
                {"formatVersion": 2, "nodes": [{"id": "t", "type": "com.pexper.nodes.basic.text"},
                  {"id": "w", "type": "com.pexper.nodes.basic.writeText", "parameters": {"path": "a\\u0000b.txt"}}],
                 "connections": [{"from": "t.text", "to": "w.text"}]}
                """);
        for (String command : List.of("validate", "run")) {
            Outcome impossible = run(command, nul.toString());
            assertEquals(2, impossible.code(), command + ": " + impossible.err());
            assertTrue((impossible.out() + impossible.err()).contains("error: node 'w': parameter 'path' is not a"
                    + " valid path: \"a\\u0000b.txt\""), impossible.out() + impossible.err());
        }
    }

    @Test
    void ctrlCStopsABatchCleanlyWithExitCode130() throws Exception {
        Path in = Files.createDirectories(work.resolve("in"));
        for (int i = 0; i < 10_000; i++) {
            Files.writeString(in.resolve(String.format("note-%05d.txt", i)), "note " + i);
        }
        Path out = work.resolve("copies");
        Path flow = Files.writeString(work.resolve("copy.pexper"), """
                {"formatVersion": 2, "nodes": [
                  {"id": "ls", "type": "com.pexper.nodes.basic.listFolder", "parameters": {"folder": {"file": "in"}}},
                  {"id": "read", "type": "com.pexper.nodes.basic.readText"},
                  {"id": "write", "type": "com.pexper.nodes.basic.writeText",
                   "parameters": {"path": {"file": "copy-{index}.txt"}}}],
                 "connections": [{"from": "ls.files", "to": "read.file"}, {"from": "read.text", "to": "write.text"}]}
                """);
        Path err = work.resolve("batch.err");
        Process process = pexper("run", flow.toString(), "--out", out.toString()).redirectError(err.toFile())
                .redirectOutput(work.resolve("batch.out").toFile()).start();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!Files.readString(err).contains("items   write") && process.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(process.isAlive(), "the batch was still running when interrupted:\n" + Files.readString(err));
        long interrupted = System.nanoTime();
        new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        long stoppedMillis = (System.nanoTime() - interrupted) / 1_000_000;
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        assertEquals(130, process.exitValue(), stderr);
        assertTrue(stderr.contains("interrupted; stopping the run"), stderr);
        assertTrue(stderr.contains("Cancelled after"), stderr);
        assertTrue(stoppedMillis < 5_000, "stopped " + stoppedMillis + " ms after Ctrl-C");
        try (Stream<Path> written = Files.list(out)) {
            List<Path> files = written.toList();
            assertTrue(files.size() < 10_000, "it stopped before the end");
            for (Path file : files) {
                assertFalse(file.getFileName().toString().contains(".tmp-"), "a partial file was left: " + file);
            }
        }
    }

    @Test
    void nodesComeFromTheExtensionRegistry() throws Exception {
        Outcome nodes = run("nodes", "--json");
        assertEquals(0, nodes.code(), nodes.err());
        JsonNode types = new ObjectMapper().readTree(nodes.out());
        long basic = 0;
        for (JsonNode type : types) {
            if ("com.pexper.nodes.basic".equals(type.path("contributor").asText())) {
                basic++;
            }
        }
        assertEquals(10, basic);
        long filters = 0;
        for (JsonNode type : types) {
            if (type.path("id").asText().startsWith("com.pexper.imaging.") && "Image filters".equals(type.path("category").asText())) {
                filters++;
            }
        }
        assertEquals(13, filters, "every image filter is a node type, through the nodeTypeSource element");
    }

    /** The README's command, with the model .ci/run fetched, installed the way a user would. */
    @Test
    void removeBgWritesACutoutOfTheSamplePhoto() throws Exception {
        String models = System.getenv("PEXPER_TEST_MODELS");
        org.junit.jupiter.api.Assumptions.assumeTrue(models != null, "PEXPER_TEST_MODELS is not set; .ci/run sets it");
        Outcome install = run("models", "install", Path.of(models, "isnet-medium.onnx").toString());
        assertEquals(0, install.code(), install.err());
        Path out = work.resolve("cutouts");
        Outcome removed = run("remove-bg", "examples/images/astronaut.png", "--out", out.toString());
        assertEquals(0, removed.code(), removed.err());
        byte[] png = Files.readAllBytes(out.resolve("astronaut.png"));
        assertEquals(6, png[25], "an RGBA PNG"); // IHDR colour type
        Outcome again = run("remove-bg", "examples/images/astronaut.png", "--out", out.toString());
        assertEquals(0, again.code(), again.err());
        assertTrue(again.err().contains("1 of 1 photos are done already"), again.err());
        Files.writeString(out.resolve("astronaut.png"), "the user's own file");
        Outcome theirs = run("remove-bg", "examples/images/astronaut.png", "--out", out.toString());
        assertEquals(4, theirs.code(), "a file Pexper did not make from this photo is kept");
        assertTrue(theirs.err().contains("already exists"), theirs.err());
        assertEquals("the user's own file", Files.readString(out.resolve("astronaut.png")));
        // A name with a line break is one photo, not two paths (the second resolved elsewhere).
        Path odd = Files.copy(ROOT.resolve("examples/images/astronaut.png"), Files.createDirectories(work.resolve("in"))
                .resolve("two\nlines.png"));
        Files.copy(odd, work.resolve("in/lines.png"));
        Outcome newline = run("remove-bg", odd.toString(), "--out", out.toString());
        assertEquals(0, newline.code(), newline.err());
        assertTrue(Files.isRegularFile(out.resolve("two\nlines.png")), newline.err());
        assertFalse(Files.exists(out.resolve("lines.png")), "only the photo given");
    }

    /** Installs one of the models .ci/run fetched, the way a user would; skips the test without them. */
    private void installTestModel(String file) throws IOException, InterruptedException {
        String models = System.getenv("PEXPER_TEST_MODELS");
        org.junit.jupiter.api.Assumptions.assumeTrue(models != null, "PEXPER_TEST_MODELS is not set; .ci/run sets it");
        Outcome install = run("models", "install", Path.of(models, file).toString());
        assertEquals(0, install.code(), install.err());
    }

    /**
     * Three 16-bit photos of 30 megapixels each, through remove-bg in a 900 MB heap: run side by
     * side, as three workers would, one of them failed for want of memory (measured before the
     * engine admitted items by their decoded size). Admitted by it, they run one after the other
     * and all succeed; one needing more than the heap allows fails at once, saying what it needs.
     */
    @Test
    void aFolderOfLargeSixteenBitPhotosSucceedsWithinTheHeapByRunningFewerAtOnce() throws Exception {
        installTestModel("isnet-small.onnx");
        Path photos = Files.createDirectories(work.resolve("large"));
        LargePhotos.write(photos.resolve("a.png"), 6400, 4800);
        Files.copy(photos.resolve("a.png"), photos.resolve("b.png"));
        Files.copy(photos.resolve("a.png"), photos.resolve("c.png"));
        Path out = work.resolve("large-out");
        Outcome batch = run(Map.of("PEXPER_MAX_HEAP", "900m"), "remove-bg", photos.toString(), "--out", out.toString(),
                "--model", "isnet-small", "--jobs", "3");
        assertEquals(0, batch.code(), batch.err());
        for (String name : List.of("a.png", "b.png", "c.png")) {
            assertTrue(Files.size(out.resolve(name)) > 0, name);
        }
        Outcome tooSmall = run(Map.of("PEXPER_MAX_HEAP", "600m"), "remove-bg", photos.resolve("a.png").toString(),
                "--out", work.resolve("none").toString(), "--model", "isnet-small");
        assertEquals(4, tooSmall.code(), tooSmall.err());
        assertTrue(tooSmall.err().contains("a.png: it needs about "), tooSmall.err());
        assertTrue(tooSmall.err().contains(" MiB of memory, more than the 300 MiB Pexper may give the items it works on"
                + " (its Java heap can grow to 600 MiB)"), tooSmall.err());
        assertTrue(tooSmall.err().contains("PEXPER_MAX_HEAP=8g"), tooSmall.err());
    }

    /**
     * kill -9 in the middle of a batch, then the same command again: the photos done before the
     * kill are not redone (their results record the photo's SHA-256 and the settings), the others
     * are, nothing half-written is left, and the run ends well.
     */
    @Test
    void aBatchKilledMidwayResumesWhereItStopped() throws Exception {
        installTestModel("isnet-small.onnx");
        Path photos = Files.createDirectories(work.resolve("batch"));
        for (int i = 0; i < 6; i++) {
            Files.copy(ROOT.resolve("examples/images/" + (i % 2 == 0 ? "astronaut.png" : "coffee.png")),
                    photos.resolve("photo-" + i + ".png"));
        }
        Path out = work.resolve("batch-out");
        Process batch = pexper("remove-bg", photos.toString(), "--out", out.toString(), "--model", "isnet-small",
                "--jobs", "1").redirectErrorStream(true).redirectOutput(work.resolve("killed.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (countResults(out) < 2 && batch.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        batch.descendants().forEach(ProcessHandle::destroyForcibly); // the JVM under the launcher script
        batch.destroyForcibly();
        batch.waitFor(10, TimeUnit.SECONDS);
        long before = countResults(out);
        assertTrue(before >= 2 && before < 6, before + " results before the kill; " + Files.readString(work.resolve("killed.log")));

        Outcome again = run("remove-bg", photos.toString(), "--out", out.toString(), "--model", "isnet-small");
        assertEquals(0, again.code(), again.err());
        assertTrue(again.err().contains(before + " of 6 photos are done already in " + out), again.err());
        assertTrue(again.err().contains("doing the other " + (6 - before)), again.err());
        assertEquals(6, countResults(out));
        try (Stream<Path> left = Files.list(out)) {
            assertEquals(List.of(), left.filter(p -> p.getFileName().toString().contains(".tmp-")).toList(),
                    "what the killed process was writing is gone");
        }
        Outcome done = run("remove-bg", photos.toString(), "--out", out.toString(), "--model", "isnet-small");
        assertEquals(0, done.code(), done.err());
        assertTrue(done.err().contains("6 of 6 photos are done already"), done.err());
        Outcome refined = run("remove-bg", photos.toString(), "--out", out.toString(), "--model", "isnet-small",
                "--refine", "--jobs", "1");
        assertEquals(4, refined.code(), "results made with other settings are neither taken as done nor replaced");
        assertTrue(refined.err().contains("already exists"), refined.err());
    }

    /**
     * The same for a workflow (the product-photos example: read, remove the background, crop, save
     * a cutout and a square): run again after kill -9, the photos whose results were saved are
     * neither decoded nor sent through the model again, and the few saved in the last moments
     * before the kill, which the cache had not written yet, are known by what the files record.
     */
    @Test
    void aWorkflowBatchKilledMidwayGoesThroughOnlyThePhotosNotDoneYet() throws Exception {
        installTestModel("isnet-small.onnx");
        Path workflowFolder = Files.createDirectories(work.resolve("shop"));
        Path workflow = Files.copy(ROOT.resolve("examples/product-photos.pexper"), workflowFolder.resolve("photos.pexper"));
        Path photos = Files.createDirectories(workflowFolder.resolve("images"));
        for (int i = 0; i < 10; i++) {
            Files.copy(ROOT.resolve("examples/images/" + (i % 2 == 0 ? "astronaut.png" : "coffee.png")),
                    photos.resolve("photo-" + i + ".png"));
        }
        Path out = work.resolve("shop-out");
        Path cutouts = out.resolve("cutouts");
        Path squares = out.resolve("squares");
        String[] command = { "run", workflow.toString(), "--out", out.toString(), "--set", "remove.model=isnet-small",
            "--jobs", "1" };
        Process batch = pexper(command).redirectErrorStream(true).redirectOutput(work.resolve("killed.log").toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        long secondSaved = Long.MAX_VALUE;
        while (batch.isAlive() && System.nanoTime() < deadline && !cacheWrittenAfter(secondSaved)) {
            if (secondSaved == Long.MAX_VALUE && countFinished(cutouts, squares) >= 2) {
                secondSaved = System.currentTimeMillis();
            }
            Thread.sleep(20);
        }
        batch.descendants().forEach(ProcessHandle::destroyForcibly);
        batch.destroyForcibly();
        batch.waitFor(10, TimeUnit.SECONDS);
        // a photo whose cutout was saved but not its square when the kill came is not done: it runs again
        long before = countFinished(cutouts, squares);
        assertTrue(before >= 2 && before < 10, before + " photos finished before the kill; "
                + Files.readString(work.resolve("killed.log")));

        Outcome again = run(command);
        assertEquals(0, again.code(), again.err());
        java.util.regex.Matcher removed = java.util.regex.Pattern
                .compile("done +remove \\(Remove background\\): 10 items, (\\d+) done already").matcher(again.err());
        assertTrue(removed.find(), again.err());
        long skipped = Long.parseLong(removed.group(1));
        assertTrue(skipped >= 2 && skipped <= before, skipped + " of the " + before + " finished before the kill were not"
                + " redone");
        assertEquals(10, countResults(cutouts));
        try (Stream<Path> squareFiles = Files.list(squares)) {
            assertEquals(10, squareFiles.count());
        }
        try (Stream<Path> left = Files.walk(out)) {
            assertEquals(List.of(), left.filter(p -> p.getFileName().toString().contains(".tmp-")).toList());
        }
        Outcome done = run(command);
        assertEquals(0, done.code(), done.err());
        assertTrue(done.err().contains("(7 nodes: 0 ran, 7 from cache)"), done.err());
    }

    /** Whether the workflow's cache file was written after a moment (ms since the epoch). */
    private boolean cacheWrittenAfter(long millis) throws IOException {
        Path cache = home.resolve("cache");
        if (millis == Long.MAX_VALUE || !Files.isDirectory(cache)) {
            return false;
        }
        try (Stream<Path> files = Files.list(cache)) {
            return files.anyMatch(f -> f.getFileName().toString().startsWith("photos.pexper-")
                    && f.toFile().lastModified() > millis);
        }
    }

    /**
     * A run of AI calls killed midway (kill -9) keeps what it finished: the cache is written every
     * few seconds while the run goes on, so the same run again asks the model only for the photos
     * it had not answered, instead of paying for every call twice.
     */
    @Test
    void aKilledRunKeepsTheAiAnswersItHadAndTheRerunAsksOnlyForTheRest() throws Exception {
        List<JsonNode> answered = java.util.Collections.synchronizedList(new ArrayList<>());
        com.sun.net.httpserver.HttpServer ollama = LoopbackServers.ollama(answered, 700);
        try {
            Files.createDirectories(home.resolve("settings"));
            Files.writeString(home.resolve("settings/providers.json"), "{\"ollama\": {\"baseUrl\": \""
                    + LoopbackServers.address(ollama) + "\", \"maxConcurrentRequests\": \"1\"}}");
            Path flow = Files.copy(ROOT.resolve("examples/alt-text.pexper"), work.resolve("alt-text.pexper"));
            Path images = Files.createDirectories(work.resolve("images"));
            for (int i = 0; i < 8; i++) {
                Files.copy(ROOT.resolve("examples/images/coffee.png"), images.resolve("photo-" + i + ".png"));
            }
            Process killed = pexper("run", flow.toString()).redirectErrorStream(true)
                    .redirectOutput(work.resolve("killed-run.log").toFile()).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (answered.size() < 3 && killed.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            Thread.sleep(2_600); // the cache is written every 2 seconds while a run goes on
            killed.descendants().forEach(ProcessHandle::destroyForcibly);
            killed.destroyForcibly();
            killed.waitFor(10, TimeUnit.SECONDS);
            Thread.sleep(1_000); // a request the killed run had in flight is answered to nobody: count it here
            int before = answered.size();
            assertTrue(before >= 3 && before < 8, before + " answers; " + Files.readString(work.resolve("killed-run.log")));

            Outcome again = run("run", flow.toString());
            assertEquals(0, again.code(), again.err());
            int asked = answered.size() - before;
            assertTrue(asked <= 8 - 3, "asked " + asked + " again after " + before + " answers were kept");
            assertEquals(10, Files.readAllLines(work.resolve("alt-text.md")).size(), "a title, a blank line, 8 photos");
        } finally {
            ollama.stop(0);
        }
    }

    /** The photos with both their results saved: a cutout and a square. */
    private static long countFinished(Path cutouts, Path squares) throws IOException {
        if (!Files.isDirectory(cutouts)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(cutouts)) {
            return files.map(p -> p.getFileName().toString()).filter(name -> name.matches("photo-\\d\\.png"))
                    .filter(name -> Files.exists(squares.resolve(name.replace(".png", ".jpg")))).count();
        }
    }

    private static long countResults(Path out) throws IOException {
        if (!Files.isDirectory(out)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(out)) {
            return files.filter(p -> p.getFileName().toString().matches("photo-\\d\\.png")).count();
        }
    }

    @Test
    void everythingIsWrittenUnderPexperHomeAndRunsAreListed() throws Exception {
        Path product = ROOT.resolve("releng/com.pexper.repository/target/products/com.pexper.product/linux/gtk/x86_64/pexper");
        List<String> before = listing(product);
        assertEquals(0, run("run", "examples/hello.pexper").code());
        assertEquals(before, listing(product), "the product folder is not written to");
        assertTrue(Files.isDirectory(home.resolve("runs")));
        assertTrue(Files.isDirectory(home.resolve("cache")));
        assertTrue(Files.isDirectory(home.resolve("runtime")));
        JsonNode runs = new ObjectMapper().readTree(run("runs", "--json").out());
        assertEquals(1, runs.size());
        assertEquals("Hello", runs.get(0).get("workflow").asText());
    }

    /**
     * Uninstalling is deleting the product's folder: what the user made with it (run records, a
     * stored key, the diagnostics choice, settings) stays in PEXPER_HOME, unchanged, and the next
     * Pexper finds it. The product runs from a copy here, laid out as the launcher expects it.
     */
    @Test
    void uninstallingTheProductLeavesTheUsersDataInPlace() throws Exception {
        Path product = Path.of("releng/com.pexper.repository/target/products/com.pexper.product/linux/gtk/x86_64/pexper");
        Path installed = work.resolve("installed");
        copy(ROOT.resolve(product), installed.resolve(product));
        copy(ROOT.resolve("releng/bin"), installed.resolve("releng/bin"));
        Files.copy(ROOT.resolve("pexper"), installed.resolve("pexper"), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        Path key = Files.writeString(work.resolve("key.txt"), "sk-e2e-UNINSTALL-4c2d9e7a1b3f5d60\n");
        for (List<String> command : List.of(List.of("run", ROOT.resolve("examples/hello.pexper").toString()),
                List.of("keys", "set", "openai"), List.of("diagnostics", "crashes"))) {
            List<String> line = new ArrayList<>(List.of(installed.resolve("pexper").toString()));
            line.addAll(command);
            ProcessBuilder builder = new ProcessBuilder(line).directory(work.toFile()).redirectInput(key.toFile())
                    .redirectOutput(work.resolve("installed.out").toFile()).redirectError(work.resolve("installed.err").toFile());
            builder.environment().put("PEXPER_HOME", home.toString());
            builder.environment().put("PEXPER_NO_BUILD", "1");
            builder.environment().remove("DISPLAY");
            Process process = builder.start();
            assertTrue(process.waitFor(120, TimeUnit.SECONDS));
            assertEquals(0, process.exitValue(), command + ": " + Files.readString(work.resolve("installed.err")));
        }
        Map<String, String> before = contents(home);

        try (Stream<Path> walk = Files.walk(installed)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        assertFalse(Files.exists(installed), "uninstalled");
        assertEquals(before, contents(home), "PEXPER_HOME is as it was, every file");
        assertTrue(before.keySet().stream().anyMatch(f -> f.startsWith("runs/")), before.keySet().toString());
        assertTrue(before.keySet().stream().anyMatch(f -> f.startsWith("secure/")), before.keySet().toString());

        // the next Pexper (here the repository's) finds all of it
        assertEquals(1, new ObjectMapper().readTree(run("runs", "--json").out()).size());
        assertTrue(run("keys", "list").out().contains("openai"));
        assertTrue(run("diagnostics").out().startsWith("Diagnostics: crashes."));
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    /** Every file under {@code folder} with a digest of its bytes. */
    private static Map<String, String> contents(Path folder) throws Exception {
        Map<String, String> files = new java.util.TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p));
                files.put(folder.relativize(p).toString(), java.util.HexFormat.of().formatHex(digest));
            }
        }
        return files;
    }

    @Test
    void theWorkbenchExplainsThatItNeedsADisplay() throws Exception {
        Outcome gui = run();
        assertEquals(2, gui.code());
        assertTrue(gui.err().contains("needs a graphical session"), gui.err());
    }

    private static List<String> listing(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.map(p -> folder.relativize(p) + (Files.isDirectory(p) ? "/" : ":" + p.toFile().lastModified()))
                    .sorted().toList();
        }
    }

    /**
     * A key set by name through ./pexper reaches the provider (here an OpenAI-compatible server on
     * loopback) and nothing else: not the workflow, the run records, the ledger, secure storage in
     * plain text, or anything printed. Local-only mode refuses a cloud provider before it is called.
     */
    @Test
    void aKeyStoredByNameReachesTheProviderAndNothingElse() throws Exception {
        String key = "sk-e2e-PRODUCTCANARY-5b1f0c9e77d2";
        java.util.List<String> authorizations = java.util.Collections.synchronizedList(new ArrayList<>());
        com.sun.net.httpserver.HttpServer server = LoopbackServers.openAiCompatible(authorizations);
        try {
            Files.createDirectories(home.resolve("settings"));
            Files.writeString(home.resolve("settings/providers.json"), "{\"openai-compatible\": {\"baseUrl\": \""
                    + LoopbackServers.address(server) + "/v1\", \"defaultModel\": \"local-model\"}}");
            Path keyFile = work.resolve("key.txt");
            Files.writeString(keyFile, key + "\n");
            Path out = work.resolve("set.out");
            Process set = pexper("keys", "set", "openai-compatible").redirectInput(keyFile.toFile())
                    .redirectOutput(out.toFile()).redirectErrorStream(true).start();
            assertTrue(set.waitFor(120, TimeUnit.SECONDS));
            Files.delete(keyFile);
            assertEquals(0, set.exitValue(), Files.readString(out));
            Outcome list = run("keys", "list");
            assertTrue(list.out().contains("openai-compatible"), list.out());
            Outcome providers = run("providers");
            assertEquals(0, providers.code(), providers.err());
            for (String id : List.of("openai", "anthropic", "gemini", "ollama", "openai-compatible")) {
                assertTrue(providers.out().contains(id + " "), providers.out());
            }

            Path flow = work.resolve("ask.pexper");
            Files.writeString(flow, """
                    {"formatVersion": 2, "name": "Ask",
                     "nodes": [{"id": "ask", "type": "com.pexper.ai.prompt",
                                "parameters": {"provider": "openai-compatible", "prompt": "Say hello in French", "temperature": 0}},
                               {"id": "answer", "type": "com.pexper.nodes.basic.output"}],
                     "connections": [{"from": "ask.text", "to": "answer.value"}]}
                    """);
            Outcome answer = run("run", flow.toString());
            assertEquals(0, answer.code(), answer.err());
            assertEquals("Bonjour\n", answer.out());
            assertEquals(List.of("Bearer " + key), authorizations);

            Outcome ledger = run("ledger", "--json");
            JsonNode entries = new ObjectMapper().readTree(ledger.out());
            assertEquals(1, entries.size(), ledger.out());
            assertEquals("127.0.0.1", entries.get(0).path("host").asText());
            assertEquals(server.getAddress().getPort(), entries.get(0).path("port").asInt());
            assertEquals("/v1/chat/completions", entries.get(0).path("path").asText());

            // Local-only: a cloud provider is refused before anything is sent, and the refusal is recorded.
            Files.writeString(flow, Files.readString(flow).replace("openai-compatible", "openai"));
            Path refusedOut = work.resolve("refused.out");
            ProcessBuilder localOnly = pexper("run", flow.toString()).redirectOutput(refusedOut.toFile())
                    .redirectErrorStream(true);
            localOnly.environment().put("PEXPER_LOCAL_ONLY", "1");
            localOnly.environment().put("OPENAI_API_KEY", key);
            Process refused = localOnly.start();
            assertTrue(refused.waitFor(120, TimeUnit.SECONDS));
            String refusal = Files.readString(refusedOut);
            assertEquals(4, refused.exitValue(), refusal);
            assertTrue(refusal.contains("local-only mode is on"), refusal);
            assertEquals(1, authorizations.size());

            for (Outcome outcome : List.of(list, providers, answer, ledger)) {
                assertFalse((outcome.out() + outcome.err()).contains("PRODUCTCANARY"));
            }
            assertFalse((Files.readString(out) + refusal).contains("PRODUCTCANARY"));
            try (Stream<Path> files = Files.walk(home)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                    assertFalse(content.contains("PRODUCTCANARY"), "the key is readable in " + file);
                }
            }
            assertTrue(Files.exists(home.resolve("secure/storage")), "the key is in secure storage");

            // The model download goes through the gate too: local-only mode refuses it before anything is sent.
            Files.writeString(home.resolve("settings/network.json"), "{\"localOnly\": true}");
            Outcome fetch = run("models", "fetch", "isnet-small");
            assertEquals(2, fetch.code(), fetch.err());
            assertTrue(fetch.err().contains("local-only mode is on, so the isnet-small model is not downloaded"),
                    fetch.err());
            assertFalse(Files.exists(home.resolve("models/downloads")), "nothing was fetched");
        } finally {
            server.stop(0);
        }
    }
}
