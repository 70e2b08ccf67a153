package com.pexper.imaging.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
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
        InMemoryNodeTypeRegistry registry = new InMemoryNodeTypeRegistry()
                .registerAll(PluginXmlNodeTypes.ofBundleContaining(ResizeFilter.class));
        Path photo = Files.write(Files.createDirectories(folder.resolve("in")).resolve("photo.png"),
                Pictures.encode(Pictures.gradient(30, 20), ImageEncoder.png()));
        Workflow workflow = WorkflowBuilder.named("save").node("read", "com.pexper.imaging.read", "path", photo)
                .node("save", "com.pexper.imaging.save", "name", "{name}.png", "recipe", "test recipe")
                .connect("read.image", "save.image").connect("read.file", "save.source").build();
        Path result = folder.resolve("out/photo.png");
        try (Engine engine = Engine.builder(registry).parallelism(1).scratchDirectory(folder.resolve("scratch")).build()) {
            RunRequest request = RunRequest.builder().workflowFile(folder.resolve("in/save.pexper"))
                    .outputDirectory(folder.resolve("out")).build();
            assertEquals(RunStatus.SUCCEEDED, engine.run(workflow, request).status());
            assertEquals(Optional.of(Provenance.of(photo, "test recipe")), Provenance.readFrom(result));
            FileTime written = Files.getLastModifiedTime(result);

            RunResult again = engine.run(workflow, RunRequest.builder().workflowFile(folder.resolve("in/save.pexper"))
                    .outputDirectory(folder.resolve("out")).cache(new MemoryResultCache()).build());
            assertEquals(RunStatus.SUCCEEDED, again.status(), "no 'already exists' for its own result");
            assertEquals(written, Files.getLastModifiedTime(result), "left as it was");

            Files.write(photo, Pictures.encode(Pictures.gradient(31, 20), ImageEncoder.png()));
            RunResult changed = engine.run(workflow, RunRequest.builder().workflowFile(folder.resolve("in/save.pexper"))
                    .outputDirectory(folder.resolve("out")).cache(new MemoryResultCache()).build());
            assertTrue(changed.node("save").error().contains("already exists and was kept"), changed.node("save").error());
        }
    }
}
