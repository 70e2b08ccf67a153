package com.pexper.imaging.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.pexper.core.engine.Engine;
import com.pexper.core.engine.RunRequest;
import com.pexper.core.engine.RunResult;
import com.pexper.core.engine.RunStatus;
import com.pexper.core.node.InMemoryNodeTypeRegistry;
import com.pexper.core.node.NodeType;
import com.pexper.core.node.Parameters;
import com.pexper.core.node.PluginXmlNodeTypes;
import com.pexper.imaging.Image;
import com.pexper.imaging.ImageDecoder;
import com.pexper.imaging.ImageEncoder;
import com.pexper.imaging.SubjectFinder;
import com.pexper.imaging.filter.FilterDescriptor;
import com.pexper.imaging.filter.FilterInputs;
import com.pexper.imaging.filter.FilterNodeTypes;
import com.pexper.imaging.filter.ImageFilters;
import com.pexper.imaging.internal.filters.ResizeFilter;
import com.pexper.model.build.WorkflowBuilder;

class FilterTest {

    private static final String P = "com.pexper.imaging.";

    @TempDir
    Path folder;

    private static ImageFilters filters() throws Exception {
        return ImageFilters.ofBundlesContaining(ResizeFilter.class);
    }

    /** Applies a built-in filter with its declared defaults overridden by name, value pairs. */
    private static Image apply(String filter, Image image, Map<String, Image> extra, Object... settings) throws Exception {
        FilterDescriptor descriptor = filters().find(P + filter).orElseThrow();
        Map<String, Object> values = new HashMap<>();
        descriptor.parameters().forEach(p -> {
            if (p.defaultValue() != null) {
                values.put(p.name(), p.defaultValue());
            }
        });
        for (int i = 0; i < settings.length; i += 2) {
            values.put((String) settings[i], settings[i + 1]);
        }
        return descriptor.factory().get().configure(Parameters.of(values)).apply(image, FilterInputs.of(extra), new TestContext());
    }

    @Test
    void everyBuiltInFilterIsDeclaredAndBecomesANodeType() throws Exception {
        ImageFilters filters = filters();
        assertEquals(List.of(), filters.problems());
        assertEquals(List.of("adjust", "applyMask", "blur", "centreSubject", "composite", "convert", "crop", "cropToSubject",
                "grayscale", "pad", "resize", "rotate", "sharpen"),
                filters.all().stream().map(f -> f.id().substring(P.length())).sorted().toList());
        for (NodeType type : FilterNodeTypes.of(filters)) {
            assertTrue(type.isAvailable(), type.id() + ": " + type.problem());
            assertEquals("image", type.signature().input("image").type().id());
            assertEquals("image", type.signature().output("image").type().id());
        }
        NodeType mask = FilterNodeTypes.of(filters.find(P + "applyMask").orElseThrow());
        assertTrue(mask.signature().input("mask").required());
    }

    @Test
    void resizeFitsFillsAndStretches() throws Exception {
        Image image = Pictures.gradient(100, 50);
        Image fit = apply("resize", image, Map.of(), "width", 40L, "height", 40L);
        assertEquals(List.of(40, 20), List.of(fit.width(), fit.height()));
        Image fill = apply("resize", image, Map.of(), "mode", "fill", "width", 40L, "height", 40L);
        assertEquals(List.of(40, 40), List.of(fill.width(), fill.height()));
        Image exact = apply("resize", image, Map.of(), "mode", "exact", "width", 30L, "height", 70L);
        assertEquals(List.of(30, 70), List.of(exact.width(), exact.height()));
        assertEquals(image, apply("resize", image, Map.of(), "width", 400L, "height", 400L), "fit never enlarges by default");
    }

    @Test
    void downscalingAveragesInsteadOfAliasing() throws Exception {
        // a one-pixel black and white checkerboard shrunk 8x must become even gray, not a moire of 0 and 255
        byte[] b = new byte[256 * 256];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (((i % 256) + (i / 256)) % 2 == 0 ? 0 : 255);
        }
        Image small = apply("resize", Image.wrap8(256, 256, 1, b), Map.of(), "width", 32L, "height", 32L);
        for (int i = 0; i < small.bytes().length; i++) {
            assertEquals(128, small.sample(i), 3);
        }
    }

    @Test
    void cropPadRotateAndFlipMovePixelsWhereExpected() throws Exception {
        Image image = Pictures.gradient(10, 6);
        Image crop = apply("crop", image, Map.of(), "x", 2L, "y", 1L, "width", 3L, "height", 4L);
        assertEquals(List.of(2, 1, 3), List.of(crop.sample(0, 0, 0), crop.sample(0, 0, 1), crop.sample(0, 0, 2)));

        Image pad = apply("pad", image, Map.of(), "top", 2L, "left", 3L);
        assertEquals(4, pad.channels(), "a transparent margin adds alpha");
        assertEquals(0, pad.sample(0, 0, 3));
        assertEquals(255, pad.sample(3, 2, 3));
        assertEquals(0, pad.sample(3, 2, 0)); // the image's (0, 0)

        Image turned = apply("rotate", image, Map.of(), "rotate", "90");
        assertEquals(List.of(6, 10), List.of(turned.width(), turned.height()));
        // clockwise: the bottom-left source pixel (0, 5) comes to the top-left
        assertEquals(List.of(0, 5), List.of(turned.sample(0, 0, 0), turned.sample(0, 0, 1)));
        Image flipped = apply("rotate", image, Map.of(), "flip", "horizontal");
        assertEquals(9, flipped.sample(0, 0, 0));
    }

    @Test
    void colourFiltersChangeValuesAsDeclared() throws Exception {
        Image color = Pictures.solid(4, 4, 200, 100, 50);
        Image gray = apply("grayscale", color, Map.of());
        assertEquals(1, gray.channels());
        assertEquals(Math.round(0.2126 * 200 + 0.7152 * 100 + 0.0722 * 50), gray.sample(0));

        Image brighter = apply("adjust", color, Map.of(), "brightness", 10.0);
        assertEquals(200 + 26, brighter.sample(0), 1);
        Image desaturated = apply("adjust", color, Map.of(), "saturation", -100.0);
        assertEquals(desaturated.sample(0), desaturated.sample(1), 1);

        Image rgba16 = apply("convert", color, Map.of(), "channels", "rgba", "bits", "16");
        assertEquals(List.of(4, 16), List.of(rgba16.channels(), rgba16.bitsPerChannel()));
        assertEquals(200 * 257, rgba16.sample(0));
    }

    @Test
    void blurSmoothsAndSharpenStrengthensAnEdge() throws Exception {
        byte[] b = new byte[40 * 10];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (i % 40 < 20 ? 50 : 200);
        }
        Image edge = Image.wrap8(40, 10, 1, b);
        Image blurred = apply("blur", edge, Map.of(), "sigma", 3.0);
        assertTrue(blurred.sample(19, 5, 0) > 60 && blurred.sample(20, 5, 0) < 190, "the step is softened");
        assertEquals(50, blurred.sample(0, 5, 0), 1);
        Image sharp = apply("sharpen", edge, Map.of(), "amount", 100.0, "radius", 2.0);
        assertTrue(sharp.sample(19, 5, 0) < 50 && sharp.sample(20, 5, 0) > 200, "overshoot on both sides");
    }

    @Test
    void compositingAndMasksUseAlpha() throws Exception {
        Image half = Image.wrap8(2, 1, 4, new byte[] { (byte) 255, 0, 0, (byte) 255, (byte) 255, 0, 0, 0 });
        Image onBlue = apply("composite", half, Map.of(), "color", "#0000ff");
        assertEquals(3, onBlue.channels());
        assertEquals(List.of(255, 0, 0), List.of(onBlue.sample(0), onBlue.sample(1), onBlue.sample(2)));
        assertEquals(List.of(0, 0, 255), List.of(onBlue.sample(3), onBlue.sample(4), onBlue.sample(5)));

        Image mask = Image.wrap8(2, 1, 1, new byte[] { 0, (byte) 255 });
        Image masked = apply("applyMask", Pictures.solid(2, 1, 10, 20, 30), Map.of("mask", mask));
        assertEquals(List.of(0, 255), List.of(masked.sample(0, 0, 3), masked.sample(1, 0, 3)));
    }

    @Test
    void subjectsAreFoundAndFramed() throws Exception {
        byte[] m = new byte[100 * 80];
        for (int y = 20; y < 40; y++) {
            for (int x = 30; x < 70; x++) {
                m[y * 100 + x] = (byte) 255;
            }
        }
        m[75 * 100 + 5] = (byte) 255; // a speck, below the size threshold
        Image mask = Image.wrap8(100, 80, 1, m);
        List<SubjectFinder.Box> boxes = SubjectFinder.find(mask, 128, 0.01);
        assertEquals(List.of(new SubjectFinder.Box(30, 20, 40, 20, 800)), boxes);

        Image photo = Pictures.gradient(100, 80);
        Image cropped = apply("cropToSubject", photo, Map.of("mask", mask), "margin", 0.0);
        assertEquals(List.of(40, 20, 30), List.of(cropped.width(), cropped.height(), cropped.sample(0)));
        Image centred = apply("centreSubject", photo, Map.of("mask", mask), "width", 200L, "height", 100L, "fill", 50.0,
                "enlarge", true);
        assertEquals(List.of(200, 100), List.of(centred.width(), centred.height()));
        // 40 x 20 scaled to fill half the canvas: 100 x 50, centred, so (50, 25) is the subject's corner
        assertEquals(255, centred.sample(0, 0, 0)); // canvas white
        assertEquals(30, centred.sample(50, 25, 0), 2);
    }

    @Test
    void aWorkflowReadsFiltersAndSavesWithoutOverwritingItsInput() throws Exception {
        InMemoryNodeTypeRegistry registry = new InMemoryNodeTypeRegistry()
                .registerAll(PluginXmlNodeTypes.ofBundleContaining(ResizeFilter.class)); // filters included
        Path input = folder.resolve("in/photo.png");
        Files.createDirectories(input.getParent());
        try (var out = Files.newOutputStream(input)) {
            ImageEncoder.png().write(Pictures.gradient(120, 80), out);
        }
        var workflow = WorkflowBuilder.named("t")
                .node("read", P + "read", "path", input.toString())
                .node("gray", P + "grayscale")
                .node("save", P + "save", "name", "{name}-small.{ext}")
                .node("resize", P + "resize", "width", 60L, "height", 60L)
                .connect("read.image", "gray.image").connect("gray.image", "resize.image")
                .connect("resize.image", "save.image").connect("read.file", "save.source").build();
        try (Engine engine = Engine.builder(registry).parallelism(2).scratchDirectory(folder.resolve("scratch")).build()) {
            RunResult result = engine.run(workflow, RunRequest.builder().workflowFile(folder.resolve("t.pexper"))
                    .outputDirectory(folder.resolve("out")).build());
            assertEquals(RunStatus.SUCCEEDED, result.status(), result.toString());
            Image saved = new ImageDecoder().read(folder.resolve("out/photo-small.png"));
            assertEquals(List.of(60, 40, 1), List.of(saved.width(), saved.height(), saved.channels()));

            // saving over the input itself is refused, even with 'overwrite' on
            byte[] before = Files.readAllBytes(input);
            var overInput = WorkflowBuilder.named("t2")
                    .node("read", P + "read", "path", input.toString())
                    .node("save", P + "save", "name", "{name}.{ext}", "overwrite", true)
                    .connect("read.image", "save.image").connect("read.file", "save.source").build();
            RunResult refused = engine.run(overInput, RunRequest.builder().workflowFile(folder.resolve("t.pexper"))
                    .outputDirectory(input.getParent()).build());
            assertEquals(RunStatus.FAILED, refused.status());
            String error = refused.nodes().stream().filter(n -> n.nodeId().equals("save")).findFirst().orElseThrow().error();
            assertTrue(error.contains("never overwrites an input"), error);
            assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(input)));
        }
    }
}
