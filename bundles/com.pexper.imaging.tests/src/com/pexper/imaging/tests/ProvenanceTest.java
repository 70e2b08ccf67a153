package com.pexper.imaging.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.pexper.core.cache.MemoryResultCache;
import com.pexper.core.engine.Engine;
import com.pexper.core.engine.RunRequest;
import com.pexper.core.engine.RunResult;
import com.pexper.core.engine.RunStatus;
import com.pexper.core.node.InMemoryNodeTypeRegistry;
import com.pexper.core.node.PluginXmlNodeTypes;
import com.pexper.imaging.Image;
import com.pexper.imaging.ImageDecoder;
import com.pexper.imaging.ImageEncoder;
import com.pexper.imaging.Provenance;
import com.pexper.imaging.internal.filters.ResizeFilter;
import com.pexper.model.Workflow;
import com.pexper.model.build.WorkflowBuilder;

/** A result says what it was made from, so that a batch run again knows what is done. */
class ProvenanceTest {

    @TempDir
    Path folder;

    @Test
    void aPngRecordsTheSourcesHashAndTheRecipeWithoutChangingItsPixels() throws Exception {
        Path source = Files.write(folder.resolve("photo.png"), Pictures.encode(Pictures.gradient(30, 20), ImageEncoder.png()));
        Provenance made = Provenance.of(source, "remove-bg model=isnet-small output=cutout");
        Image cutout = Pictures.random(30, 20, 4, 8, 3);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageEncoder.png().write(cutout, png, made.asText());
        Path result = Files.write(folder.resolve("cutout.png"), png.toByteArray());

        assertEquals(Optional.of(made), Provenance.readFrom(result));
        assertEquals(64, made.sourceSha256().length());
        assertArrayEquals(cutout.bytes(), new ImageDecoder().read(result).bytes());
    }

    @Test
    void aJpegRecordsItInACommentThatOtherReadersSkip() throws Exception {
        Path source = Files.write(folder.resolve("photo.png"), Pictures.encode(Pictures.gradient(30, 20), ImageEncoder.png()));
        Provenance made = Provenance.of(source, "square fill=85");
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ImageEncoder.jpeg(90).write(Pictures.gradient(30, 20), plain);
        ByteArrayOutputStream recorded = new ByteArrayOutputStream();
        ImageEncoder.jpeg(90).write(Pictures.gradient(30, 20), recorded, made.asText());
        Path result = Files.write(folder.resolve("square.jpg"), recorded.toByteArray());

        assertEquals(Optional.of(made), Provenance.readFrom(result));
        assertEquals(Optional.empty(), Provenance.readFrom(Files.write(folder.resolve("plain.jpg"), plain.toByteArray())));
        assertArrayEquals(new ImageDecoder().read(folder.resolve("plain.jpg")).bytes(), new ImageDecoder().read(result).bytes(),
                "the same pixels, with the comment beside them");
        java.awt.image.BufferedImage awt = javax.imageio.ImageIO.read(result.toFile());
        assertEquals(30, awt.getWidth(), "the JDK's own reader takes it");
    }

    @Test
    void anotherPhotoOfTheSameNameOrAnotherRecipeIsAnotherProvenance() throws Exception {
        Path source = Files.write(folder.resolve("photo.png"), Pictures.encode(Pictures.gradient(30, 20), ImageEncoder.png()));
        Provenance first = Provenance.of(source, "remove-bg model=isnet-small output=cutout");
        Files.write(source, Pictures.encode(Pictures.gradient(31, 20), ImageEncoder.png()));
        assertNotEquals(first, Provenance.of(source, "remove-bg model=isnet-small output=cutout"));
        assertNotEquals(first.recipe(), Provenance.of(source, "remove-bg model=isnet-medium output=cutout").recipe());
    }

    @Test
    void aFileWithoutOneDamagedOrNotAPngHasNone() throws Exception {
        Path plain = Files.write(folder.resolve("plain.png"), Pictures.encode(Pictures.gradient(8, 8), ImageEncoder.png()));
        assertEquals(Optional.empty(), Provenance.readFrom(plain));
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageEncoder.png().write(Pictures.gradient(8, 8), png,
                Provenance.of(plain, "recipe").asText());
        byte[] whole = png.toByteArray();
        Path cut = Files.write(folder.resolve("cut.png"), Arrays.copyOf(whole, 60));
        assertEquals(Optional.empty(), Provenance.readFrom(cut), "cut inside the text chunk");
        assertEquals(Optional.empty(), Provenance.readFrom(Files.writeString(folder.resolve("notes.png"), "text")));
        assertEquals(Optional.empty(), Provenance.readFrom(folder.resolve("missing.png")));
        assertEquals(Optional.empty(), Provenance.readFrom(folder));
        assertTrue(Provenance.readFrom(Files.write(folder.resolve("whole.png"), whole)).isPresent());
    }

    @Test
    void saveImageWithARecipeCountsAResultMadeFromTheSamePhotoTheSameWayAsSavedAndKeepsOthers() throws Exception {
        Path photo = photo();
        Workflow workflow = saving(photo, "name", "{name}.png", "recipe", "test recipe");
        Path result = folder.resolve("out/photo.png");
        try (Engine engine = engine()) {
            RunRequest request = RunRequest.builder().workflowFile(folder.resolve("in/save.pexper"))
                    .outputDirectory(folder.resolve("out")).build();
            assertEquals(RunStatus.SUCCEEDED, engine.run(workflow, request).status());
            assertEquals(Optional.of(Provenance.of(photo, "test recipe")), Provenance.readFrom(result));
            FileTime written = Files.getLastModifiedTime(result);

            RunResult again = engine.run(workflow, request(new MemoryResultCache()));
            assertEquals(RunStatus.SUCCEEDED, again.status(), "no 'already exists' for its own result");
            assertEquals(written, Files.getLastModifiedTime(result), "left as it was");

            Files.write(photo, Pictures.encode(Pictures.gradient(31, 20), ImageEncoder.png()));
            RunResult changed = engine.run(workflow, request(new MemoryResultCache()));
            assertTrue(changed.node("save").error().contains("already exists and was kept"), changed.node("save").error());
        }
    }

    @Test
    void withoutARecipeSaveImageRecordsTheEnginesKeyAndKnowsItsOwnResultWhenTheCacheHasLostIt() throws Exception {
        Path photo = photo();
        Workflow square = saving(photo, "name", "{name}.jpg", "format", "jpg");
        Path result = folder.resolve("out/photo.jpg");
        try (Engine engine = engine()) {
            assertEquals(RunStatus.SUCCEEDED, engine.run(square, request(new MemoryResultCache())).status());
            Provenance recorded = Provenance.readFrom(result).orElseThrow();
            assertTrue(recorded.recipe().matches("result [0-9a-f]{64}"), recorded.recipe());
            FileTime written = Files.getLastModifiedTime(result);

            RunResult again = engine.run(square, request(new MemoryResultCache()));
            assertEquals(RunStatus.SUCCEEDED, again.status(), "its own result, although no cache said so");
            assertEquals(written, Files.getLastModifiedTime(result));

            RunResult changed = engine.run(saving(photo, "name", "{name}.jpg", "format", "jpg", "quality", 70L),
                    request(new MemoryResultCache()));
            assertTrue(changed.node("save").error().contains("already exists and was kept"), "made another way: kept, "
                    + changed.node("save").error());
        }
    }

    private Path photo() throws Exception {
        return Files.write(Files.createDirectories(folder.resolve("in")).resolve("photo.png"),
                Pictures.encode(Pictures.gradient(30, 20), ImageEncoder.png()));
    }

    /** Read the photo, save it with these parameters of Save image. */
    private static Workflow saving(Path photo, Object... saveParameters) {
        return WorkflowBuilder.named("save").node("read", "com.pexper.imaging.read", "path", photo)
                .node("save", "com.pexper.imaging.save", saveParameters)
                .connect("read.image", "save.image").connect("read.file", "save.source").build();
    }

    private Engine engine() throws IOException {
        InMemoryNodeTypeRegistry registry = new InMemoryNodeTypeRegistry()
                .registerAll(PluginXmlNodeTypes.ofBundleContaining(ResizeFilter.class));
        return Engine.builder(registry).parallelism(1).scratchDirectory(folder.resolve("scratch")).build();
    }

    private RunRequest request(MemoryResultCache cache) {
        return RunRequest.builder().workflowFile(folder.resolve("in/save.pexper")).outputDirectory(folder.resolve("out"))
                .cache(cache).build();
    }
}
