package com.example.pexper.filters.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.example.pexper.filters.internal.PosterizeFilter;
import com.pexper.core.engine.Engine;
import com.pexper.core.engine.RunRequest;
import com.pexper.core.engine.RunResult;
import com.pexper.core.engine.RunStatus;
import com.pexper.core.contribution.Contributions;
import com.pexper.core.node.ContributedNodeTypes;
import com.pexper.core.node.InMemoryNodeTypeRegistry;
import com.pexper.core.node.NodeTypeRegistry;
import com.pexper.core.node.Parameters;
import com.pexper.core.workflow.WorkflowValidator;
import com.pexper.imaging.Image;
import com.pexper.imaging.ImageDecoder;
import com.pexper.imaging.ImageEncoder;
import com.pexper.imaging.filter.FilterInputs;
import com.pexper.imaging.filter.FilterNodeTypes;
import com.pexper.imaging.filter.ImageFilters;
import com.pexper.model.Workflow;
import com.pexper.model.build.WorkflowBuilder;

/** The proof that a third-party image filter needs nothing but its plugin.xml and the filter class. */
class PosterizeFilterTest {

    private static final String POSTERIZE = "com.example.pexper.filters.posterize";

    @TempDir
    Path folder;

    /** A horizontal gray ramp 0..255 in R, G and B, with an alpha ramp the other way. */
    private static Image ramp() {
        byte[] b = new byte[256 * 4];
        for (int x = 0; x < 256; x++) {
            b[x * 4] = b[x * 4 + 1] = b[x * 4 + 2] = (byte) x;
            b[x * 4 + 3] = (byte) (255 - x);
        }
        return Image.wrap8(256, 1, 4, b);
    }

    @Test
    void snapsColourToEvenlySpacedLevelsAndKeepsAlpha() throws Exception {
        var operation = new PosterizeFilter().configure(Parameters.of(Map.of("levels", 3L)));
        Image out = operation.apply(ramp(), FilterInputs.none(), null);
        Set<Integer> values = new TreeSet<>();
        for (int x = 0; x < 256; x++) {
            values.add(out.sample(x, 0, 0));
            assertEquals(255 - x, out.sample(x, 0, 3), "alpha is kept");
        }
        assertEquals(Set.of(0, 128, 255), values);
        assertEquals(0, out.sample(63, 0, 0));
        assertEquals(128, out.sample(64, 0, 0), "64 is nearer 127.5 than 0");
        assertEquals(255, out.sample(192, 0, 0));
    }

    @Test
    void worksOn16BitImagesToo() throws Exception {
        short[] s = { 0, (short) 20000, (short) 40000, (short) 65535 };
        Image out = new PosterizeFilter().configure(Parameters.of(Map.of("levels", 2L)))
                .apply(Image.wrap16(4, 1, 1, s), FilterInputs.none(), null);
        assertEquals(List.of(0, 0, 65535, 65535), List.of(out.sample(0), out.sample(1), out.sample(2), out.sample(3)));
    }

    @Test
    void becomesANodeTypeFromItsPluginXmlAndRunsInAWorkflow() throws Exception {
        ImageFilters filters = ImageFilters.ofBundlesContaining(Image.class, PosterizeFilter.class);
        assertEquals(List.of(), filters.problems());
        // read and save, and every filter of both bundles as a node type: as the workbench has them
        var registry = ContributedNodeTypes.of(Contributions.ofBundlesContaining(Image.class, PosterizeFilter.class));
        assertEquals(FilterNodeTypes.CATEGORY, registry.find(POSTERIZE).orElseThrow().category());
        assertPosterizesAFile(registry);
    }

    @Test
    void anOutOfRangeLevelIsReportedByTheGenericValidation() throws Exception {
        var registry = new InMemoryNodeTypeRegistry()
                .registerAll(FilterNodeTypes.of(ImageFilters.ofBundlesContaining(PosterizeFilter.class)));
        Workflow workflow = WorkflowBuilder.named("t").node("poster", POSTERIZE, "levels", 1L).build();
        var problems = new WorkflowValidator(registry).validate(workflow, folder);
        assertTrue(problems.stream().anyMatch(p -> p.code().equals("parameter-range") && p.nodeId().equals("poster")),
                problems.toString());
    }

    @Test
    @Tag("osgi")
    void isContributedThroughTheExtensionPointAndRunsInAWorkflow() throws Exception {
        assertPosterizesAFile(ContributedNodeTypes.of(Contributions.ofPlatform()));
    }

    private void assertPosterizesAFile(NodeTypeRegistry registry) throws Exception {
        Path input = folder.resolve("ramp.png");
        try (OutputStream out = Files.newOutputStream(input)) {
            ImageEncoder.png().write(ramp(), out);
        }
        Workflow workflow = WorkflowBuilder.named("poster")
                .node("read", "com.pexper.imaging.read", "path", input.toString())
                .node("poster", POSTERIZE, "levels", 2L)
                .node("save", "com.pexper.imaging.save", "name", "{name}-poster.{ext}")
                .connect("read.image", "poster.image").connect("poster.image", "save.image")
                .connect("read.file", "save.source").build();
        try (Engine engine = Engine.builder(registry).scratchDirectory(folder.resolve("scratch")).build()) {
            RunResult result = engine.run(workflow, RunRequest.builder().outputDirectory(folder.resolve("out")).build());
            assertEquals(RunStatus.SUCCEEDED, result.status(), result.toString());
        }
        Image saved = new ImageDecoder().read(folder.resolve("out/ramp-poster.png"));
        assertEquals(List.of(0, 255, 255), List.of(saved.sample(127, 0, 0), saved.sample(128, 0, 1), saved.sample(255, 0, 2)));
        assertEquals(255, saved.sample(0, 0, 3));
    }
}
