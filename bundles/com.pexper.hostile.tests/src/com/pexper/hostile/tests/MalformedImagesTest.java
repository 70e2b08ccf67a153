package com.pexper.hostile.tests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.pexper.model.Workflow;
import com.pexper.model.build.WorkflowBuilder;

/**
 * Every damaged image, in every format Pexper reads, decodes to an image or fails with an
 * ImageException that names the file; never another exception, a hang, or more than the memory
 * bound, and the same through the Read image node in a run.
 */
class MalformedImagesTest {

    static final long SEED = Long.getLong("pexper.hostile.seed", 11);

    @TempDir
    static Path root;
    static Bench bench;

    @BeforeAll
    static void setUp() throws Exception {
        bench = new Bench(root);
    }

    @AfterAll
    static void tearDown() {
        bench.close();
    }

    private static void decodeAll(String family, List<ImageCases.Case> cases) {
        for (ImageCases.Case c : cases) {
            bench.image(SEED, c.name(), c.content().get());
        }
        bench.assertNoFindings(family);
    }

    @Test
    void anImageCutAnywhereIsAnImageExceptionNamingTheFileOrStillAnImage() {
        decodeAll("image truncations", ImageCases.truncations(80));
    }

    @Test
    void anImageWithBytesChangedDecodesOrIsNamedAsDamaged() {
        decodeAll("image byte flips", ImageCases.byteFlips(SEED, 120));
    }

    @Test
    void hugeOrImpossibleSizesAndLengthsInAnyHeaderFieldAreRefusedWithinTheMemoryBound() {
        List<ImageCases.Case> cases = new ArrayList<>(ImageCases.headerWords(48));
        cases.addAll(ImageCases.fields());
        decodeAll("image header fields", cases);
    }

    @Test
    void oneFormatsSignatureOnAnothersBodyIsADamagedImageNotACrash() {
        decodeAll("wrong magic", ImageCases.wrongMagic());
    }

    @Test
    void damagedImagesGivenToTheReadImageNodeFailTheNodeWithTheFileNamed() throws Exception {
        List<ImageCases.Case> cases = new ArrayList<>();
        List<ImageCases.Case> all = new ArrayList<>(ImageCases.truncations(20));
        all.addAll(ImageCases.fields());
        all.addAll(ImageCases.wrongMagic());
        for (int i = 0; i < all.size(); i += 5) {
            cases.add(all.get(i));
        }
        Path images = Files.createDirectories(bench.folder.resolve("damaged"));
        int n = 0;
        for (ImageCases.Case c : cases) {
            Path file = Files.write(images.resolve("case-" + n++ + ".png"), c.content().get());
            Workflow workflow = WorkflowBuilder.named("read")
                    .node("read", "com.pexper.imaging.read", "path", file)
                    .node("gray", "com.pexper.imaging.grayscale")
                    .node("result", "com.pexper.nodes.basic.output")
                    .connect("read.image", "gray.image").connect("gray.image", "result.value").build();
            bench.workflow(SEED, c.name() + " (" + file.getFileName() + ") through Read image", workflow, request -> {
            });
        }
        bench.assertNoFindings("damaged images in a run");
    }
}
