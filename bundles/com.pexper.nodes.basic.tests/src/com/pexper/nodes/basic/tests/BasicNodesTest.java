package com.pexper.nodes.basic.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.pexper.core.data.FileValue;
import com.pexper.core.data.JsonValue;
import com.pexper.core.data.ListValue;
import com.pexper.core.data.NumberValue;
import com.pexper.core.data.TextValue;
import com.pexper.core.engine.InvalidWorkflowException;
import com.pexper.core.engine.NodeStatus;
import com.pexper.core.engine.RunResult;
import com.pexper.core.engine.RunStatus;
import com.pexper.model.validation.Problem;

class BasicNodesTest {

    @TempDir
    Path folder;
    Harness h;

    @BeforeEach
    void setUp() {
        h = new Harness(folder);
    }

    @AfterEach
    void tearDown() {
        h.close();
    }

    private static String codes(List<Problem> problems) {
        return String.join(",", problems.stream().map(Problem::code).sorted().toList());
    }

    @Test
    void everyBuiltInNodeTypeIsRegisteredFromPluginXml() {
        assertEquals(List.of("fileList", "join", "jsonPath", "listFolder", "number", "output", "readText", "template", "text",
                "writeText"), h.registry.all().stream().map(t -> t.id().substring(Harness.P.length())).sorted().toList());
        assertTrue(h.registry.all().stream().allMatch(t -> t.isAvailable() && !t.description().isEmpty()));
    }

    @Test
    void textAndNumberEmitTheirParameters() throws Exception {
        RunResult result = h.node("t", "text", "text", "hi").node("n", "number", "value", 2.5)
                .node("o1", "output").node("o2", "output").connect("t.text", "o1.value").connect("n.number", "o2.value")
                .run();
        assertEquals(TextValue.of("hi"), result.outputs().get("o1"));
        assertEquals(NumberValue.of(2.5), result.outputs().get("o2"));
    }

    @Test
    void aTemplateHasOneInputPerPlaceholderAndFillsThem() throws Exception {
        h.node("name", "text", "text", "Ada").node("age", "number", "value", 36.0)
                .node("greet", "template", "template", "Hello, {{name}}! You are {{ age }}. Bye, {{name}}.")
                .node("out", "output")
                .connect("name.text", "greet.name").connect("age.number", "greet.age").connect("greet.text", "out.value");
        assertEquals(List.of(), h.validate());
        assertEquals(TextValue.of("Hello, Ada! You are 36. Bye, Ada."), h.run().outputs().get("out"));
    }

    @Test
    void templateFiltersShapeTheValues() throws Exception {
        h.node("path", "text", "text", "/photos/2026/Beach Day.JPG").node("who", "text", "text", "  ada  ")
                .node("t", "template", "template", "{{path|filename}} {{path|basename|lower}} [{{who|trim|upper}}]")
                .node("out", "output")
                .connect("path.text", "t.path").connect("who.text", "t.who").connect("t.text", "out.value");
        assertEquals(TextValue.of("Beach Day.JPG beach day [ADA]"), h.run().outputs().get("out"));
        h.node("bad", "template", "template", "{{who|shout}}").connect("who.text", "bad.who");
        Problem problem = h.validate().stream().filter(p -> p.nodeId().equals("bad")).findFirst().orElseThrow();
        assertTrue(problem.message().contains("'shout' in {{who|shout}} is not a filter; use basename, filename,"),
                problem.message());
    }

    @Test
    void aTemplateReportsUnfedPlaceholdersAndUnknownInputs() {
        h.node("x", "text", "text", "x").node("greet", "template", "template", "{{name}} and {{other}}")
                .connect("x.text", "greet.nmae");
        assertEquals("missing-input,missing-input,unknown-input", codes(h.validate()));
    }

    @Test
    void aMalformedTemplateIsOneClearProblem() {
        h.node("x", "text", "text", "x").node("greet", "template", "template", "Hi {{first name}} {{unclosed")
                .connect("x.text", "greet.name");
        List<Problem> problems = h.validate();
        assertEquals("invalid-configuration,invalid-configuration", codes(problems), problems.toString());
        assertTrue(problems.get(0).message().contains("'{{first name}}' is not a valid placeholder"));
        assertTrue(problems.get(1).message().contains("no closing }}"));
    }

    @Test
    void joinConcatenatesAListAndTreatsASingleTextAsAListOfOne() throws Exception {
        Path data = Files.createDirectories(folder.resolve("data"));
        for (String name : List.of("b.txt", "a.txt", "c.txt")) {
            Files.writeString(data.resolve(name), name.substring(0, 1).toUpperCase());
        }
        RunResult result = h.node("files", "listFolder", "folder", data, "pattern", "*.txt")
                .node("read", "readText").node("all", "join", "separator", ", ", "prefix", "[", "suffix", "]")
                .node("one", "text", "text", "solo").node("single", "join", "prefix", "<", "suffix", ">")
                .node("o1", "output").node("o2", "output")
                .connect("files.files", "read.file").connect("read.text", "all.items").connect("all.text", "o1.value")
                .connect("one.text", "single.items").connect("single.text", "o2.value").run();
        assertEquals(TextValue.of("[A, B, C]"), result.outputs().get("o1"), "listed in sorted order, read per item");
        assertEquals(TextValue.of("<solo>"), result.outputs().get("o2"));
    }

    @Test
    void jsonPathSelectsValuesAndExplainsWhatIsThereWhenNothingMatches() throws Exception {
        String document = "{\"items\": [{\"name\": \"a\", \"n\": 1}, {\"name\": \"b\", \"n\": 2}], \"meta\": {\"k y\": true}}";
        RunResult result = h.node("doc", "text", "text", document)
                .node("first", "jsonPath", "path", "$.items[0].name").node("all", "jsonPath", "path", "$.items[*].n")
                .node("last", "jsonPath", "path", "$.items[-1]").node("quoted", "jsonPath", "path", "$.meta['k y']")
                .node("missing", "jsonPath", "path", "$.items[0].nope")
                .node("optional", "jsonPath", "path", "$.nope", "required", false)
                .node("o1", "output").node("o2", "output").node("o3", "output").node("o4", "output")
                .node("o5", "output")
                .connect("doc.text", "first.json").connect("doc.text", "all.json").connect("doc.text", "last.json")
                .connect("doc.text", "quoted.json").connect("doc.text", "missing.json")
                .connect("doc.text", "optional.json").connect("first.text", "o1.value").connect("all.value", "o2.value")
                .connect("last.value", "o3.value").connect("quoted.text", "o4.value")
                .connect("optional.value", "o5.value").run();
        ObjectMapper json = new ObjectMapper();
        assertEquals(TextValue.of("a"), result.outputs().get("o1"));
        assertEquals(JsonValue.of(json.readTree("[1, 2]")), result.outputs().get("o2"));
        assertEquals(JsonValue.of(json.readTree("{\"name\": \"b\", \"n\": 2}")), result.outputs().get("o3"));
        assertEquals(TextValue.of("true"), result.outputs().get("o4"));
        assertEquals(JsonValue.of(json.nullNode()), result.outputs().get("o5"));
        String error = result.node("missing").error();
        assertTrue(error.contains("no 'nope' at $.items[0]: it is an object with the keys name, n"), error);
    }

    @Test
    void aMalformedPathOrAnInputThatIsNotJsonIsExplained() throws Exception {
        h.node("doc", "text", "text", "{\"a\": }").node("bad", "jsonPath", "path", "$.a[x]").node("ok", "jsonPath")
                .connect("doc.text", "bad.json").connect("doc.text", "ok.json");
        Problem problem = h.validate().get(0);
        assertTrue(problem.message().contains("malformed at character 5"), problem.message());
        h.workflow.getNodes().remove(h.workflow.getNode("bad"));
        h.workflow.getConnections().remove(0);
        String error = h.run().node("ok").error();
        assertTrue(error.contains("input 'json': the text is not valid JSON (line 1, column 7)"), error);
    }

    @Test
    void anEmptyFilePathIsReportedByValidationForEveryNodeThatReadsOrWritesFiles() {
        h.node("text", "text", "text", "x").node("read", "readText", "path", "").node("write", "writeText", "path", "")
                .node("ls", "listFolder", "folder", " ").connect("text.text", "write.text");
        List<Problem> problems = h.validate();
        assertEquals(List.of("ls", "read", "write"), problems.stream().filter(p -> p.code().equals("empty-parameter"))
                .map(Problem::nodeId).sorted().toList(), problems.toString());
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.stream().allMatch(p -> p.fix().startsWith("Set it to a path")), problems.toString());
    }

    @Test
    void aThirtyThousandCharacterJsonPathIsQuotedInShort() throws Exception {
        String wrong = "$" + ".a".repeat(15_000) + "[x]";
        h.node("doc", "text", "text", "{}").node("bad", "jsonPath", "path", wrong).connect("doc.text", "bad.json");
        Problem malformed = h.validate().get(0);
        assertTrue(malformed.message().contains("malformed at character 30003 (\"x]\")"),
                "where it is malformed: " + malformed.message());
        assertTrue(malformed.message().length() < 300, malformed.message());
        h.workflow.getNodes().remove(h.workflow.getNode("bad"));
        h.workflow.getConnections().remove(0);
        h.node("deep", "jsonPath", "path", "$" + ".a".repeat(15_000)).connect("doc.text", "deep.json");
        String missing = h.run().node("deep").error();
        assertTrue(missing.startsWith("the path \"$.a.a"), missing);
        assertTrue(missing.length() < 400, missing);
    }

    @Test
    void filesCannotBeFedToAJsonPathButTheirTextCan() {
        h.node("ls", "listFolder", "folder", folder).node("path", "jsonPath").node("read", "readText")
                .node("ok", "jsonPath").connect("ls.files", "path.json").connect("ls.files", "read.file")
                .connect("read.text", "ok.json");
        List<Problem> problems = h.validate();
        assertEquals("type-mismatch", codes(problems), problems.toString());
        assertEquals("path", problems.get(0).nodeId());
        assertTrue(problems.get(0).message().contains("gives List of File but input 'json' takes JSON"));
    }

    @Test
    void readingATextFileDecodesStrictlyAndReRunsOnlyWhenTheFileChanges() throws Exception {
        Path notes = Files.writeString(folder.resolve("notes.txt"), "caf\u00e9");
        h.node("read", "readText", "path", Path.of("notes.txt")).node("out", "output").connect("read.text", "out.value");
        assertEquals(TextValue.of("caf\u00e9"), h.run().outputs().get("out"));
        assertTrue(h.run().node("read").cached(), "unchanged file: cached");
        Files.writeString(notes, "tea");
        Files.setLastModifiedTime(notes, FileTime.fromMillis(System.currentTimeMillis() + 5000));
        RunResult changed = h.run();
        assertFalse(changed.node("read").cached());
        assertEquals(TextValue.of("tea"), changed.outputs().get("out"));

        Files.write(notes, new byte[] { 'a', (byte) 0xC3, (byte) 0x28 });
        Files.setLastModifiedTime(notes, FileTime.fromMillis(System.currentTimeMillis() + 10000));
        String error = h.run().node("read").error();
        assertTrue(error.contains("not valid UTF-8 text. Choose the file's encoding"), error);
    }

    @Test
    void aFileListLineInDoubleQuotesIsOnePathEvenWithALineBreakInTheName() throws Exception {
        Files.writeString(folder.resolve("two\nlines.txt"), "the one given");
        Files.writeString(folder.resolve("lines.txt"), "a different file");
        h.node("files", "fileList", "paths", "\"two\\nlines.txt\"\nlines.txt").node("read", "readText")
                .node("out", "output").connect("files.files", "read.file").connect("read.text", "out.value");
        ListValue texts = (ListValue) h.run().outputs().get("out");
        assertEquals(List.of(TextValue.of("the one given"), TextValue.of("a different file")), texts.items());
        h.node("bad", "fileList", "paths", "\"unclosed");
        assertTrue(h.validate().stream().anyMatch(p -> p.nodeId().equals("bad")
                && p.message().contains("must be a JSON string such as")));
    }

    @Test
    void aDeviceGivenAsATextFileIsRefusedBeforeAnythingIsRead() throws Exception {
        h.node("read", "readText", "path", Path.of("/dev/zero")).node("out", "output").connect("read.text", "out.value");
        InvalidWorkflowException refused = assertThrows(InvalidWorkflowException.class,
                () -> h.engine.run(h.workflow, h.request().allowRead(Path.of("/dev")).build()));
        assertEquals("parameter 'path': /dev/zero is not a regular file (it is a device, a pipe or a socket); Pexper reads"
                + " only files and folders.", refused.problems().get(0).message());
    }

    @Test
    void aRunRemovesWhatAKilledRunLeftInTheFolderItWritesTo() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path abandoned = Files.writeString(Files.createDirectories(h.outputFolder).resolve(".report.txt.tmp-" + gone.pid()
                + "-5eed"), "half a report");
        h.node("t", "text", "text", "whole").node("w", "writeText", "path", Path.of("report.txt")).connect("t.text", "w.text");
        assertEquals(RunStatus.SUCCEEDED, h.run().status());
        assertFalse(Files.exists(abandoned));
        assertEquals("whole", Files.readString(h.outputFolder.resolve("report.txt")));
    }

    @Test
    void readingAMissingFileOrAFolderSaysWhatIsWrong() throws Exception {
        Files.createDirectories(folder.resolve("dir"));
        RunResult result = h.node("gone", "readText", "path", Path.of("nope.txt"))
                .node("dir", "readText", "path", Path.of("dir")).node("none", "readText").run();
        assertTrue(result.node("gone").error().endsWith("nope.txt: there is no such file. Check the path."));
        assertTrue(result.node("dir").error().contains("it is a folder"));
        assertTrue(result.node("none").error().contains("set 'path' or connect a file"));
    }

    @Test
    void writingPutsRelativePathsInTheOutputFolderAndKeepsFilesWhenAsked() throws Exception {
        h.node("t", "text", "text", "report \u2713").node("w", "writeText", "path", Path.of("sub/report.txt"))
                .connect("t.text", "w.text");
        RunResult result = h.run();
        Path written = h.outputFolder.resolve("sub/report.txt");
        assertEquals(List.of(written), result.outputFiles());
        assertEquals("report \u2713", Files.readString(written, StandardCharsets.UTF_8));

        Path kept = Files.writeString(folder.resolve("out/keep.txt"), "mine");
        h.node("t2", "text", "text", "theirs").node("w2", "writeText", "path", Path.of("keep.txt"), "overwrite", false)
                .connect("t2.text", "w2.text");
        String error = h.run().node("w2").error();
        assertTrue(error.contains("already exists and 'overwrite' is off; it was kept"), error);
        assertEquals("mine", Files.readString(kept));
    }

    @Test
    void writingAListNeedsAnIndexInThePath() throws Exception {
        Path data = Files.createDirectories(folder.resolve("in"));
        Files.writeString(data.resolve("1.txt"), "one");
        Files.writeString(data.resolve("2.txt"), "two");
        h.node("files", "listFolder", "folder", data).node("read", "readText")
                .node("each", "writeText", "path", Path.of("copy-{index}.txt"))
                .node("clash", "writeText", "path", Path.of("same.txt"))
                .connect("files.files", "read.file").connect("read.text", "each.text").connect("read.text", "clash.text");
        RunResult result = h.run();
        assertEquals("one", Files.readString(h.outputFolder.resolve("copy-1.txt")));
        assertEquals("two", Files.readString(h.outputFolder.resolve("copy-2.txt")));
        assertEquals(NodeStatus.FAILED, result.node("clash").status());
        assertTrue(result.node("clash").itemFailures().get(0).message().contains("Put {index} in the path"));
        assertFalse(Files.exists(h.outputFolder.resolve("same.txt")));
    }

    @Test
    void listingAFolderFiltersSortsAndNoticesNewFiles() throws Exception {
        Path data = Files.createDirectories(folder.resolve("photos/sub"));
        Files.writeString(folder.resolve("photos/b.jpg"), "b");
        Files.writeString(folder.resolve("photos/a.png"), "a");
        Files.writeString(folder.resolve("photos/notes.txt"), "n");
        Files.writeString(folder.resolve("photos/.hidden.jpg"), "h");
        Files.writeString(data.resolve("c.jpg"), "c");
        h.node("flat", "listFolder", "folder", Path.of("photos"), "pattern", "*.{jpg,png}")
                .node("deep", "listFolder", "folder", Path.of("photos"), "pattern", "*.jpg", "recursive", true)
                .node("read", "readText").node("o1", "output").node("o2", "output")
                .connect("flat.files", "o1.value").connect("deep.files", "read.file").connect("read.text", "o2.value");
        RunResult first = h.run();
        assertEquals(List.of("a.png", "b.jpg"), names((ListValue) first.outputs().get("o1")));
        assertEquals(List.of(TextValue.of("b"), TextValue.of("c")), ((ListValue) first.outputs().get("o2")).items());

        Files.writeString(folder.resolve("photos/d.jpg"), "d");
        RunResult second = h.run();
        assertEquals(List.of("a.png", "b.jpg", "d.jpg"), names((ListValue) second.outputs().get("o1")));
        assertEquals(2, second.node("read").cachedItems(), "only the new file was read");
        assertEquals(RunStatus.SUCCEEDED, second.status());
    }

    @Test
    void listingAFolderThatIsNotThereSaysSo() throws Exception {
        String error = h.node("ls", "listFolder", "folder", Path.of("nowhere")).run().node("ls").error();
        assertTrue(error.contains("nowhere does not exist. Check 'folder'."), error);
    }

    private static List<String> names(ListValue files) {
        return files.items().stream().map(v -> ((FileValue) v).path().getFileName().toString()).toList();
    }
}
