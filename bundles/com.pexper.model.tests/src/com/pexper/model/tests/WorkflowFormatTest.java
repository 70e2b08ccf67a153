package com.pexper.model.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.pexper.model.ChoiceParameter;
import com.pexper.model.ColorParameter;
import com.pexper.model.CredentialReference;
import com.pexper.model.DecimalParameter;
import com.pexper.model.FilePathParameter;
import com.pexper.model.IntegerParameter;
import com.pexper.model.Node;
import com.pexper.model.StringParameter;
import com.pexper.model.Workflow;
import com.pexper.model.io.WorkflowFiles;
import com.pexper.model.io.WorkflowFormatException;

class WorkflowFormatTest {

    static byte[] resource(String name) throws IOException {
        try (InputStream in = WorkflowFormatTest.class.getResourceAsStream("data/" + name)) {
            return in.readAllBytes();
        }
    }

    static Workflow read(String json) throws IOException {
        return WorkflowFiles.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.pexper");
    }

    @Test
    void aCanonicalDocumentSavesBackByteForByteIncludingANodeTypeNobodyProvides() throws IOException {
        byte[] original = resource("every-kind.pexper");
        Workflow workflow = WorkflowFiles.read(new ByteArrayInputStream(original), "every-kind.pexper");
        assertEquals(new String(original, StandardCharsets.UTF_8),
                new String(WorkflowFiles.toBytes(workflow), StandardCharsets.UTF_8));
    }

    @Test
    void everyParameterKindIsReadWithItsType() throws IOException {
        Workflow w = WorkflowFiles.read(new ByteArrayInputStream(resource("every-kind.pexper")), "x");
        Node mystery = w.getNode("mystery");
        assertEquals("#1E90FFCC", ((ColorParameter) mystery.getParameter("color")).getValue());
        assertEquals(42L, ((IntegerParameter) mystery.getParameter("count")).getValue());
        assertEquals(-9007199254740993L, ((IntegerParameter) mystery.getParameter("negative")).getValue());
        assertEquals(0.25, ((DecimalParameter) mystery.getParameter("ratio")).getValue());
        assertInstanceOf(DecimalParameter.class, mystery.getParameter("whole"), "2.0 stays a decimal");
        assertEquals("../data/in.txt", ((FilePathParameter) mystery.getParameter("file")).getValue());
        assertEquals("openai-work", ((CredentialReference) mystery.getParameter("key")).getCredentialName());
        assertEquals("fast", ((ChoiceParameter) mystery.getParameter("mode")).getValue());
        assertEquals("Hello\nWorld \u00e9\u4e16", ((StringParameter) w.getNode("source").getParameter("text")).getValue());
        assertEquals(80.5, w.getNode("source").getY());
        assertEquals("Ada", w.getMetadata().get("author"));
        assertEquals(2, w.getConnections().size(), "a dangling connection is kept, to be reported");
    }

    @Test
    void keysComeOutInAFixedOrderWhateverOrderTheyWereWrittenIn() throws IOException {
        Workflow w = read("""
                {"connections": [], "nodes": [{"parameters": {"b": 1, "a": "x"}, "label": "L", "type": "t", "id": "n"}],
                 "name": "N", "formatVersion": 2, "metadata": {"z": "1", "a": "2"}}""");
        assertEquals("""
                {
                  "formatVersion": 2,
                  "name": "N",
                  "metadata": {
                    "a": "2",
                    "z": "1"
                  },
                  "nodes": [
                    {
                      "id": "n",
                      "type": "t",
                      "label": "L",
                      "parameters": {
                        "a": "x",
                        "b": 1
                      }
                    }
                  ],
                  "connections": []
                }
                """, new String(WorkflowFiles.toBytes(w), StandardCharsets.UTF_8));
    }

    @Test
    void formatOneIsUpgradedOnReadingAndSavedAsTheCurrentFormat() throws IOException {
        Workflow w = WorkflowFiles.read(new ByteArrayInputStream(resource("format-1.pexper")), "old.pexper");
        assertEquals(1, w.getFormatVersion(), "the model remembers which format it came from");
        Node a = w.getNode("a");
        assertEquals("1.0.0", a.getTypeVersion());
        assertEquals(10, a.getX());
        assertEquals(20, a.getY());
        assertEquals("hi", ((StringParameter) a.getParameter("text")).getValue());
        assertEquals("upper", ((ChoiceParameter) a.getParameter("mode")).getValue());
        assertEquals(3L, ((IntegerParameter) a.getParameter("times")).getValue());
        assertEquals("a", w.getConnections().get(0).getSourceNode());
        assertEquals("text", w.getConnections().get(0).getSourcePort());
        assertEquals("value", w.getConnections().get(0).getTargetPort());
        String saved = new String(WorkflowFiles.toBytes(w), StandardCharsets.UTF_8);
        assertTrue(saved.contains("\"formatVersion\": 2"), saved);
        assertTrue(saved.contains("{\"from\": \"a.text\", \"to\": \"b.value\"}"), saved);
        assertEquals(saved, new String(WorkflowFiles.toBytes(read(saved)), StandardCharsets.UTF_8));
    }

    @Test
    void aFileFromANewerPexperIsRefusedWithTheAdviceToUpdate() {
        var e = assertThrows(WorkflowFormatException.class, () -> read("{\"formatVersion\": 99, \"nodes\": []}"));
        assertTrue(e.getMessage().contains("newer Pexper (format 99)"), e.getMessage());
        assertTrue(e.getMessage().contains("Update Pexper"), e.getMessage());
    }

    @Test
    void brokenJsonNamesTheFileLineAndColumn() {
        var e = assertThrows(WorkflowFormatException.class, () -> read("{\n  \"formatVersion\": 2,\n  \"nodes\": [,]\n}"));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().startsWith("test.pexper:3:"), e.getMessage());
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
    }

    @Test
    void brokenJsonIsExplainedInABoundedMessageWithoutTheParsersInternals() {
        String huge = "x".repeat(30_000);
        var token = assertThrows(WorkflowFormatException.class,
                () -> read("{\"formatVersion\": 2, \"name\": " + huge + "}"));
        assertTrue(token.getMessage().startsWith("test.pexper:1:"), token.getMessage());
        assertTrue(token.getMessage().length() < 400, token.getMessage());
        assertFalse(token.getMessage().contains("Source") || token.getMessage().contains("com.fasterxml"),
                token.getMessage());
        var object = assertThrows(WorkflowFormatException.class,
                () -> read("{\"formatVersion\": 2, \"nodes\": [\"" + huge + "\"]}"));
        assertTrue(object.getMessage().length() < 300, object.getMessage());
        assertTrue(object.getMessage().contains("\"xxx"), object.getMessage());
        var field = assertThrows(WorkflowFormatException.class,
                () -> read("{\"formatVersion\": 2, \"" + huge + "\": 1}"));
        assertTrue(field.getMessage().length() < 400, field.getMessage());
        var connection = assertThrows(WorkflowFormatException.class,
                () -> read("{\"formatVersion\": 2, \"connections\": [{\"from\": \"" + huge + "\", \"to\": \"a.b\"}]}"));
        assertTrue(connection.getMessage().length() < 300, connection.getMessage());
    }

    @Test
    void anEmptyOrForeignFileIsExplained() {
        assertTrue(assertThrows(WorkflowFormatException.class, () -> read("")).getMessage().contains("empty"));
        assertTrue(assertThrows(WorkflowFormatException.class, () -> read("[1, 2]")).getMessage()
                .contains("JSON object"));
        assertTrue(assertThrows(WorkflowFormatException.class, () -> read("{\"nodes\": []}")).getMessage()
                .contains("not a Pexper workflow"));
    }

    @Test
    void aMisspelledFieldIsNamedRatherThanDropped() {
        var e = assertThrows(WorkflowFormatException.class,
                () -> read("{\"formatVersion\": 2, \"nodes\": [{\"id\": \"n1\", \"type\": \"t\", \"lable\": \"x\"}]}"));
        assertTrue(e.getMessage().contains("node 'n1': unknown field \"lable\""), e.getMessage());
    }

    @Test
    void anUnsupportedValueNamesTheNodeAndParameter() {
        var e = assertThrows(WorkflowFormatException.class,
                () -> read("{\"formatVersion\": 2, \"nodes\": [{\"id\": \"n1\", \"type\": \"t\", \"parameters\": {\"p\": [1]}}]}"));
        assertTrue(e.getMessage().contains("node 'n1', parameter 'p': unsupported value"), e.getMessage());
    }

    @Test
    void duplicateKeysAreAnErrorNotASilentOverwrite() {
        var e = assertThrows(WorkflowFormatException.class,
                () -> read("{\"formatVersion\": 2, \"name\": \"a\", \"name\": \"b\"}"));
        assertTrue(e.getMessage().contains("Duplicate field 'name'"), e.getMessage());
    }

    @Test
    void aNonFiniteDecimalCannotBeSavedAndTheFileIsNotTouched() {
        Workflow w = TestWorkflows.workflow("w");
        Node n = TestWorkflows.node(w, "n", "t");
        var d = TestWorkflows.F.createDecimalParameter();
        d.setName("x");
        d.setValue(Double.NaN);
        n.getParameters().add(d);
        var e = assertThrows(IllegalArgumentException.class, () -> WorkflowFiles.toBytes(w));
        assertTrue(e.getMessage().contains("finite"), e.getMessage());
    }

    @Test
    void readingIsIndependentOfTheDefaultCharset() throws IOException {
        byte[] utf8 = "{\"formatVersion\": 2, \"name\": \"caf\u00e9 \u2615\"}".getBytes(StandardCharsets.UTF_8);
        Workflow w = WorkflowFiles.read(new ByteArrayInputStream(utf8), "x");
        assertEquals("caf\u00e9 \u2615", w.getName());
        assertArrayEquals(WorkflowFiles.toBytes(w), WorkflowFiles.toBytes(
                WorkflowFiles.read(new ByteArrayInputStream(WorkflowFiles.toBytes(w)), "y")));
        assertFalse(new String(WorkflowFiles.toBytes(w), StandardCharsets.UTF_8).contains("\\u"));
    }
}
