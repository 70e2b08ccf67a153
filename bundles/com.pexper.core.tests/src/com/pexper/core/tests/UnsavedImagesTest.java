package com.pexper.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.pexper.core.cache.MemoryResultCache;
import com.pexper.core.data.ImageValue;
import com.pexper.core.engine.Engine;
import com.pexper.core.engine.RunRequest;
import com.pexper.core.engine.RunResult;
import com.pexper.core.engine.RunStatus;
import com.pexper.core.engine.ServiceDirectory;
import com.pexper.core.engine.UnsavedImages;
import com.pexper.model.Workflow;
import com.pexper.model.build.WorkflowBuilder;

/** Which images a run gives to the application to keep: those its nodes made and nothing took further. */
class UnsavedImagesTest {

    @TempDir
    Path folder;

    /** Notes what it is given, keeps it as a file name, and refuses the node called "refused". */
    private final class Keeper implements UnsavedImages {
        final List<String> given = new CopyOnWriteArrayList<>();

        @Override
        public Path keep(String runId, String nodeId, int item, String port, ImageValue image) throws IOException {
            given.add(nodeId + "#" + item + "." + port);
            if (nodeId.equals("refused")) {
                throw new IOException("disk full");
            }
            return folder.resolve(runId + "-" + nodeId + "-" + item + ".png");
        }
    }

    @Test
    void theImagesNodesMadeThatGoNowhereAreKeptWithTheirItemsAndAReusedOneIsNotKeptAgain() throws Exception {
        Workflow workflow = WorkflowBuilder.named("images")
                .node("text", "test.text", "text", "a")
                .node("decoded", "test.decode").node("encoded", "test.encode") // decoded goes on: not kept
                .node("alone", "test.decode") // made from its input, goes nowhere
                .node("read", "test.picture") // from its settings alone, as a reader's: not made
                .node("generated", "test.randomPicture") // another each time, as a generation
                .node("items", "test.list", "items", "x, y, z").node("each", "test.decode")
                .node("refused", "test.decode")
                .connect("text.text", "decoded.in").connect("decoded.image", "encoded.image")
                .connect("text.text", "alone.in").connect("items.items", "each.in").connect("text.text", "refused.in")
                .build();
        Keeper keeper = new Keeper();
        MemoryResultCache cache = new MemoryResultCache();
        try (Engine engine = Engine.builder(TestNodes.registry(new TestNodes.Journal()))
                .services(ServiceDirectory.of(Map.of(UnsavedImages.class, keeper))).scratchDirectory(folder).build()) {
            RunResult run = engine.run(workflow, RunRequest.builder().cache(cache).build());
            assertEquals(RunStatus.SUCCEEDED, run.outcome(), "a refused keep fails no node: " + run.nodes());
            assertEquals(List.of("alone#-1.image", "each#0.image", "each#1.image", "each#2.image", "generated#-1.image",
                    "refused#-1.image"), keeper.given.stream().sorted().toList());
            assertEquals(List.of("alone -1", "each 0", "each 1", "each 2", "generated -1"), run.writtenFiles().stream()
                    .map(w -> w.nodeId() + " " + w.item()).sorted().toList(), "what was kept is the run's");
            assertTrue(run.writtenFiles().stream().allMatch(w -> w.file().getFileName().toString()
                    .startsWith(run.runId())));

            keeper.given.clear();
            RunResult again = engine.run(workflow, RunRequest.builder().cache(cache).build());
            assertEquals(List.of("generated#-1.image"), keeper.given, "the others were reused, kept the first time");
            assertEquals(1, again.writtenFiles().size());
        }
    }
}
