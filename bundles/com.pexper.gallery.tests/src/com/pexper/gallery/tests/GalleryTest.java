package com.pexper.gallery.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pexper.core.cache.MemoryResultCache;
import com.pexper.core.cache.ResultCache;
import com.pexper.core.engine.Engine;
import com.pexper.core.engine.NodeOutcome;
import com.pexper.core.engine.NodeStatus;
import com.pexper.core.engine.RunRequest;
import com.pexper.core.engine.RunResult;
import com.pexper.core.engine.RunStatus;
import com.pexper.core.engine.ServiceDirectory;
import com.pexper.core.engine.UnsavedImages;
import com.pexper.core.home.PexperHome;
import com.pexper.core.node.InMemoryNodeTypeRegistry;
import com.pexper.core.node.PluginXmlNodeTypes;
import com.pexper.core.runs.RunRecords;
import com.pexper.gallery.Gallery;
import com.pexper.gallery.GalleryEntry;
import com.pexper.gallery.internal.GalleryCommand;
import com.pexper.gallery.internal.KeptImages;
import com.pexper.imaging.Image;
import com.pexper.imaging.ImageDecoder;
import com.pexper.imaging.ImageEncoder;
import com.pexper.model.CredentialReference;
import com.pexper.model.Workflow;
import com.pexper.model.WorkflowFactory;
import com.pexper.model.build.WorkflowBuilder;
import com.pexper.nodes.basic.internal.TextNode;

class GalleryTest {

    @TempDir
    Path folder;
    private PexperHome home;
    private RunRecords records;
    private Gallery gallery;
    private Path photos;

    @BeforeEach
    void setUp() throws IOException {
        home = new PexperHome(folder.resolve("home"));
        records = RunRecords.open(home.runs());
        gallery = Gallery.open(home.gallery(), records, text -> text.replace("sk-test-secret-0123456789", "[key]"));
        photos = Files.createDirectories(folder.resolve("photos"));
        for (String name : List.of("red", "green", "blue")) {
            writePng(photos.resolve(name + ".png"), 640, 480, name.hashCode());
        }
    }

    private static void writePng(Path file, int width, int height, int seed) throws IOException {
        byte[] samples = new byte[width * height * 4];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (byte) (i % 4 == 3 ? 255 : (i / 4 * 7 + seed) % 251);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            ImageEncoder.png().write(Image.wrap8(width, height, 4, samples), out);
        }
    }

    /** List the photos, read each, make it gray and save it: a batch of three. */
    private RunResult runGrayBatch() throws Exception {
        return runGrayBatch("out");
    }

    private RunResult runGrayBatch(String out) throws Exception {
        String paths = Files.list(photos).sorted().map(Path::toString).collect(Collectors.joining("\n"));
        Workflow workflow = WorkflowBuilder.named("gray photos")
                .node("files", "com.pexper.nodes.basic.fileList", "paths", paths)
                .node("read", "com.pexper.imaging.read")
                .node("gray", "com.pexper.imaging.grayscale")
                .node("save", "com.pexper.imaging.save", "folder", out, "name", "{name}.png")
                .connect("files.files", "read.file").connect("read.image", "gray.image")
                .connect("gray.image", "save.image").connect("read.file", "save.source").build();
        InMemoryNodeTypeRegistry registry = new InMemoryNodeTypeRegistry()
                .registerAll(PluginXmlNodeTypes.ofBundleContaining(TextNode.class))
                .registerAll(PluginXmlNodeTypes.ofBundleContaining(Image.class));
        try (Engine engine = Engine.builder(registry).runRecords(records).protect(home.root())
                .scratchDirectory(home.scratch()).build()) {
            RunResult result = engine.run(workflow, RunRequest.builder().workflowFile(folder.resolve("gray.pexper"))
                    .build());
            assertEquals(RunStatus.SUCCEEDED, result.outcome(), () -> result.nodes().toString());
            return result;
        }
    }

    @Test
    void eachImageABatchSavedIsAnEntryWithItsPhotoAndTheNodesThatMadeIt() throws Exception {
        RunResult run = runGrayBatch();
        assertEquals(3, gallery.update());
        assertEquals(0, gallery.update(), "a run is indexed once");
        List<GalleryEntry> entries = gallery.entries();
        assertEquals(3, entries.size());
        for (GalleryEntry entry : entries) {
            String name = entry.source().getFileName().toString();
            assertEquals(photos.resolve(name), entry.source(), "the photo the item came from");
            assertEquals(folder.resolve("out").resolve(name), entry.file());
            assertEquals(run.runId(), entry.runId());
            assertEquals("gray photos", entry.workflow());
            assertEquals(folder.resolve("gray.pexper"), entry.workflowFile());
            assertEquals("save", entry.nodeId());
            assertFalse(gallery.keepsFile(entry), "a file the run saved is the user's");
            assertTrue(entry.item() >= 0);
            assertEquals(List.of("com.pexper.nodes.basic.fileList", "com.pexper.imaging.read",
                    "com.pexper.imaging.grayscale", "com.pexper.imaging.save"),
                    entry.steps().stream().map(GalleryEntry.Step::type).toList(), "sources first, the writer last");
            assertEquals("{name}.png", entry.steps().get(3).parameters().get("name"));
            assertTrue(Files.isRegularFile(entry.workflowAsRun()), "the workflow as it ran, to open or run again");
        }
        assertTrue(gallery.entries().stream().anyMatch(e -> e.matches("GREEN gray")), "any case, every word");
        assertEquals(1, gallery.entries().stream().filter(e -> e.matches("green")).count());
        assertFalse(entries.get(0).matches("green purple"));
    }

    @Test
    void entriesAreNewestFirstAndALostIndexIsMadeAgainFromTheRunRecords() throws Exception {
        runGrayBatch();
        Thread.sleep(5);
        RunResult second = runGrayBatch("out2");
        gallery.update();
        List<GalleryEntry> before = gallery.entries();
        assertEquals(6, before.size());
        assertEquals(second.runId(), before.get(0).runId(), "the newest run's images come first");
        for (int i = 1; i < before.size(); i++) {
            assertFalse(before.get(i).created().isAfter(before.get(i - 1).created()));
        }

        com.pexper.model.io.FolderTree.delete(home.gallery().resolve("index"));
        assertEquals(List.of(), gallery.entries());
        assertEquals(6, gallery.update(), "made again from the records");
        assertEquals(before, gallery.entries());
    }

    /** List the photos of {@code from}, read each and make it gray, and save nothing. */
    private RunResult runUnsavedGray(Path from, ResultCache cache) throws Exception {
        String paths = Files.list(from).sorted().map(Path::toString).collect(Collectors.joining("\n"));
        Workflow workflow = WorkflowBuilder.named("gray, not saved")
                .node("files", "com.pexper.nodes.basic.fileList", "paths", paths)
                .node("read", "com.pexper.imaging.read")
                .node("gray", "com.pexper.imaging.grayscale")
                .connect("files.files", "read.file").connect("read.image", "gray.image").build();
        InMemoryNodeTypeRegistry registry = new InMemoryNodeTypeRegistry()
                .registerAll(PluginXmlNodeTypes.ofBundleContaining(TextNode.class))
                .registerAll(PluginXmlNodeTypes.ofBundleContaining(Image.class));
        ServiceDirectory services = ServiceDirectory.of(Map.of(UnsavedImages.class,
                new KeptImages(home.gallery().resolve("images"))));
        try (Engine engine = Engine.builder(registry).runRecords(records).protect(home.root()).services(services)
                .scratchDirectory(home.scratch()).build()) {
            RunResult result = engine.run(workflow, RunRequest.builder().cache(cache).build());
            assertEquals(RunStatus.SUCCEEDED, result.outcome(), () -> result.nodes().toString());
            return result;
        }
    }

    @Test
    void imagesARunMadeButDidNotSaveAreKeptAsEntriesAndARunThatReusesThemKeepsNoneAgain() throws Exception {
        MemoryResultCache cache = new MemoryResultCache();
        RunResult run = runUnsavedGray(photos, cache);
        assertEquals(3, run.writtenFiles().size(), "the gray images, which go nowhere; not the photos read");
        assertEquals(3, gallery.update());
        for (GalleryEntry entry : gallery.entries()) {
            assertEquals("gray", entry.nodeId());
            String photo = entry.source().getFileName().toString();
            assertTrue(List.of("blue.png", "green.png", "red.png").contains(photo), photo);
            assertEquals(home.gallery().resolve("images").resolve(run.runId()).resolve("gray-" + (entry.item() + 1)
                    + ".png"), entry.file());
            Image kept = new ImageDecoder().read(entry.file());
            assertEquals(640, kept.width());
            assertEquals(480, kept.height());
            assertEquals("com.pexper.imaging.grayscale", entry.steps().get(entry.steps().size() - 1).type());
        }

        GalleryEntry first = gallery.entries().get(0);
        assertTrue(gallery.keepsFile(first));
        Gallery.Deletion deletion = gallery.delete(first, false);
        assertFalse(Files.exists(first.file()), "the gallery's own copy goes with its entry");
        deletion.undo();
        assertTrue(Files.isRegularFile(first.file()), "and comes back with it");

        RunResult again = runUnsavedGray(photos, cache);
        assertEquals(List.of(), again.writtenFiles(), "reused from the cache: kept when they were made");
        assertEquals(0, gallery.update());
    }

    @Test
    void aNodeIdFromAWorkflowFileNamesAKeptFileInsideTheGalleryAndNoOtherIdsFile() throws Exception {
        KeptImages kept = new KeptImages(home.gallery().resolve("images"));
        Image pixel = Image.wrap8(1, 1, 4, new byte[] { 1, 2, 3, (byte) 255 });
        Path images = home.gallery().resolve("images");
        Path escaping = kept.keep("run1", "../../../../escape", -1, "image", pixel);
        Path slash = kept.keep("run1", "a/b", -1, "image", pixel);
        Path underscore = kept.keep("run1", "a_b", -1, "image", pixel);
        Path dot = kept.keep("..", ".", 2, "image", pixel);
        for (Path file : List.of(escaping, slash, underscore, dot)) {
            assertTrue(file.normalize().startsWith(images) && file.normalize().getParent().getParent().equals(images),
                    file.toString());
            assertTrue(Files.isRegularFile(file), file.toString());
        }
        assertEquals(4, java.util.Set.of(escaping, slash, underscore, dot).size(), "each its own file");
        assertEquals(images.resolve("run1").resolve("a_b.png"), underscore, "an id that is a file name stays one");
    }

    @Test
    void ofABatchThatSavesNothingTheFirstTwentyItemsAreKept() throws Exception {
        Path many = Files.createDirectories(folder.resolve("many"));
        for (int i = 0; i < 23; i++) {
            writePng(many.resolve(String.format("photo-%02d.png", i)), 8, 8, i);
        }
        RunResult run = runUnsavedGray(many, new MemoryResultCache());
        assertEquals(20, run.writtenFiles().size());
        assertEquals(java.util.stream.IntStream.range(0, 20).boxed().toList(),
                run.writtenFiles().stream().map(RunResult.WrittenFile::item).sorted().toList());
        assertEquals(20, gallery.update());
    }

    @Test
    void aDeletedEntryStaysDeletedWhenTheIndexIsMadeAgainAndUndoPutsItAndItsFileBack() throws Exception {
        runGrayBatch();
        gallery.update();
        GalleryEntry green = gallery.entries().stream().filter(e -> e.matches("green")).findFirst().orElseThrow();
        byte[] content = Files.readAllBytes(green.file());

        Gallery.Deletion deletion = gallery.delete(green, true);
        assertFalse(Files.exists(green.file()), "the file too, as asked");
        assertEquals(2, gallery.entries().size());
        com.pexper.model.io.FolderTree.delete(home.gallery().resolve("index"));
        gallery.update();
        assertEquals(2, gallery.entries().size(), "indexing the records again does not bring it back");

        deletion.undo();
        assertTrue(gallery.entries().contains(green));
        assertTrue(java.util.Arrays.equals(content, Files.readAllBytes(green.file())), "the file as it was");

        Gallery.Deletion entryOnly = gallery.delete(green, false);
        entryOnly.complete();
        assertTrue(Files.exists(green.file()), "only the entry was deleted");
        assertFalse(gallery.entries().contains(green));
        try (var trash = Files.list(home.gallery().resolve("trash"))) {
            assertEquals(0, trash.count(), "a completed deletion keeps nothing aside");
        }
    }

    @Test
    void aThumbnailIsMadeOnceToItsSizeAndAgainWhenTheImageChanges() throws Exception {
        runGrayBatch();
        gallery.update();
        GalleryEntry entry = gallery.entries().get(0);
        Path thumbnail = gallery.thumbnail(entry, 128);
        assertTrue(thumbnail.startsWith(home.gallery()), "cached under PEXPER_HOME");
        Image small = new ImageDecoder().read(thumbnail);
        assertEquals(128, small.width(), "640x480 fits 128 on its longer side");
        assertEquals(96, small.height());
        FileTime made = Files.getLastModifiedTime(thumbnail);
        Files.setLastModifiedTime(thumbnail, FileTime.from(made.toInstant().plusSeconds(1)));
        FileTime touched = Files.getLastModifiedTime(thumbnail);
        assertEquals(thumbnail, gallery.thumbnail(entry, 128));
        assertEquals(touched, Files.getLastModifiedTime(thumbnail), "not made again");

        writePng(entry.file(), 100, 400, 7);
        Files.setLastModifiedTime(entry.file(), FileTime.from(touched.toInstant().plusSeconds(5)));
        assertEquals(32, new ImageDecoder().read(gallery.thumbnail(entry, 128)).width(), "made again from the new image");

        Files.writeString(entry.file(), "not an image");
        Files.setLastModifiedTime(entry.file(), FileTime.from(touched.toInstant().plusSeconds(10)));
        IOException damaged = assertThrows(IOException.class, () -> gallery.thumbnail(entry, 128));
        assertTrue(damaged.getMessage().contains(entry.file().getFileName().toString()), damaged.getMessage());
        Files.delete(entry.file());
        IOException gone = assertThrows(IOException.class, () -> gallery.thumbnail(entry, 128));
        assertTrue(gone.getMessage().contains("is gone"), gone.getMessage());
    }

    @Test
    void anEntryKeepsThePromptProviderModelAndSeedButNeverAKey() throws Exception {
        Path image = Files.createDirectories(folder.resolve("made")).resolve("cat.png");
        writePng(image, 64, 64, 1);
        Workflow workflow = WorkflowBuilder.named("cats")
                .node("draw", "com.example.generate", "provider", "openai", "model", "gpt-image-1", "seed", 42L,
                        "prompt", "a cat in a hat, sk-test-secret-0123456789")
                .node("save", "com.pexper.imaging.save", "folder", "made").connect("draw.image", "save.image").build();
        CredentialReference key = WorkflowFactory.eINSTANCE.createCredentialReference();
        key.setName("key");
        key.setCredentialName("my-openai-key");
        workflow.getNodes().get(0).getParameters().add(key);
        Instant now = Instant.now();
        records.write(new RunResult("run-1", "cats", folder.resolve("cats.pexper"), RunStatus.SUCCEEDED, now, now,
                List.of(new NodeOutcome("save", "com.pexper.imaging.save", null, NodeStatus.SUCCEEDED, 1, false, -1, 0,
                        List.of(), null, Map.of())), Map.of(), List.of(image),
                List.of(new RunResult.WrittenFile(image, "save", -1, null))), workflow);

        assertEquals(1, gallery.update());
        GalleryEntry cat = gallery.entries().get(0);
        assertEquals("a cat in a hat, [key]", cat.prompt().orElseThrow(), "secrets the redactor knows are taken out");
        assertEquals("openai", cat.provider().orElseThrow());
        assertEquals("gpt-image-1", cat.model().orElseThrow());
        assertEquals("42", cat.seed().orElseThrow());
        assertFalse(cat.steps().get(0).parameters().containsKey("key"), "a credential, even its name, is left out");
        try (var files = Files.walk(home.gallery())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1);
                assertFalse(text.contains("sk-test-secret"), file + " holds the key");
                assertFalse(text.contains("my-openai-key"), file + " names the credential");
            }
        }
    }

    @Test
    void theGalleryCommandListsSearchesAndPrintsJson() throws Exception {
        runGrayBatch();
        Console console = new Console(home);
        assertEquals(0, new GalleryCommand().run(List.of(), console), console.errors());
        String listing = console.output();
        assertTrue(listing.startsWith("created"), listing);
        for (String name : List.of("red", "green", "blue")) {
            assertTrue(listing.contains(folder.resolve("out").resolve(name + ".png").toString()), listing);
        }
        assertTrue(listing.contains("gray photos"), listing);

        Console search = new Console(home);
        assertEquals(0, new GalleryCommand().run(List.of("--search", "blue", "--json"), search), search.errors());
        JsonNode json = new ObjectMapper().readTree(search.output());
        assertEquals(1, json.size(), search.output());
        assertEquals(photos.resolve("blue.png").toString(), json.get(0).get("source").asText());
        assertEquals("com.pexper.imaging.grayscale", json.get(0).get("steps").get(2).get("type").asText());

        Console none = new Console(home);
        assertEquals(0, new GalleryCommand().run(List.of("--search", "purple"), none));
        assertEquals("No image matches 'purple'.", none.output().strip());
        assertThrows(com.pexper.commands.UsageException.class,
                () -> new GalleryCommand().run(List.of("--limit", "0"), new Console(home)), "a limit below one");
    }
}
