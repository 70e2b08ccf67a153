package com.pexper.ui.editor.tests;

import static com.pexper.ui.editor.tests.UserInput.choose;
import static com.pexper.ui.editor.tests.UserInput.click;
import static com.pexper.ui.editor.tests.UserInput.key;
import static com.pexper.ui.editor.tests.UserInput.openEmpty;
import static com.pexper.ui.editor.tests.UserInput.page;
import static com.pexper.ui.editor.tests.UserInput.pump;
import static com.pexper.ui.editor.tests.UserInput.screenshot;
import static com.pexper.ui.editor.tests.UserInput.typeOver;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.core.runtime.Platform;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.pexper.ai.testing.ProviderTestBench;
import com.pexper.edit.WorkflowEditing;
import com.pexper.model.Node;
import com.pexper.ui.editor.internal.EditorProbe;
import com.pexper.ui.editor.internal.PropertiesView;
import com.pexper.ui.editor.internal.WorkflowEditor;

/**
 * The Properties view driven with the keyboard and mouse: a field for each kind of setting, a
 * wrong value flagged as it is typed, and every change one edit that Ctrl+Z in the editor undoes.
 */
class PropertiesViewTest {

    @TempDir
    Path folder;

    @AfterEach
    void closeEditors() {
        page().closeAllEditors(false);
    }

    /** A node added and clicked on in the editor: what the Properties view then shows. */
    private static Node addAndSelect(WorkflowEditor editor, String type) throws Exception {
        Node node = EditorProbe.editing(editor).addNode(type, 40, 80);
        pump();
        Control canvas = EditorProbe.canvas(editor);
        click(canvas, EditorProbe.titleOnDisplay(editor, node));
        return node;
    }

    @Test
    void saveImageHasAFieldForEachKindOfSettingAndEachChangeIsOneEditThatCtrlZUndoes() throws Exception {
        WorkflowEditor editor = openEmpty(folder, "save.pexper");
        WorkflowEditing editing = EditorProbe.editing(editor);
        PropertiesView view = EditorProbe.properties();
        Node save = addAndSelect(editor, "com.pexper.imaging.save");
        assertEquals(List.of("folder", "name", "format", "quality", "background", "recipe", "overwrite"),
                EditorProbe.fields(view));

        Control quality = EditorProbe.field(view, "quality");
        typeOver(quality, "150");
        assertTrue(String.valueOf(EditorProbe.problemShown(view, "quality")).contains("outside [1, 100]"),
                "said while typing: " + EditorProbe.problemShown(view, "quality"));
        assertNull(editing.parameterText(save, "quality"), "not set before Enter");
        typeOver(quality, "abc");
        assertEquals("'abc' is not a whole number.", EditorProbe.problemShown(view, "quality"));
        key(SWT.CR);
        assertNull(editing.parameterText(save, "quality"), "what is not a number is not set");
        typeOver(quality, "80");
        assertNull(EditorProbe.problemShown(view, "quality"), "a good value takes the message away");
        key(SWT.CR);
        assertEquals("80", editing.parameterText(save, "quality"));

        choose(EditorProbe.field(view, "format"), "jpg");
        assertEquals("jpg", editing.parameterText(save, "format"));
        choose(EditorProbe.field(view, "overwrite"), "true");
        assertEquals("true", editing.parameterText(save, "overwrite"));
        typeOver(EditorProbe.field(view, "background"), "#33669");
        assertTrue(String.valueOf(EditorProbe.problemShown(view, "background")).contains("is not a colour"));
        typeOver(EditorProbe.field(view, "background"), "#336699");
        key(SWT.CR);
        assertEquals("#336699", editing.parameterText(save, "background"));
        typeOver(EditorProbe.field(view, "folder"), "out/cutouts");
        key(SWT.CR);
        assertEquals("out/cutouts", editing.parameterText(save, "folder"));
        typeOver(EditorProbe.labelField(view), "Save cutouts");
        key(SWT.CR);
        assertEquals("Save cutouts", save.getLabel());
        screenshot("properties-save-image.png");

        // one Ctrl+Z per change, newest first, each shown in its field at once
        UserInput.focus(EditorProbe.canvas(editor));
        List<String> before = List.of("Save cutouts", "out/cutouts", "#336699", "true", "jpg", "80");
        for (int i = 0; i < before.size(); i++) {
            UserInput.key('z', SWT.MOD1);
        }
        assertNull(save.getLabel());
        for (String parameter : List.of("folder", "background", "overwrite", "format", "quality")) {
            assertNull(editing.parameterText(save, parameter), parameter + " is back to its default");
        }
        assertEquals("90", EditorProbe.textOf(EditorProbe.field(view, "quality")), "the field shows the default again");
        assertEquals("Add Save image", editing.undoLabel(), "six changes, six undos: the node's addition is next");
    }

    @Test
    void aTemplatesPlaceholdersAreHighlightedAndBecomeItsInputsWhenTheTextIsCommitted() throws Exception {
        WorkflowEditor editor = openEmpty(folder, "template.pexper");
        WorkflowEditing editing = EditorProbe.editing(editor);
        PropertiesView view = EditorProbe.properties();
        Node template = addAndSelect(editor, "com.pexper.nodes.basic.template");
        StyledText text = (StyledText) EditorProbe.field(view, "template");
        assertTrue((text.getStyle() & SWT.MULTI) != 0, "a template gets several lines");
        typeOver(text, "Dear {{name}},\n{{body}}");
        List<String> highlighted = Arrays.stream(text.getStyleRanges()).map(r -> text.getText(r.start,
                r.start + r.length - 1)).toList();
        assertEquals(List.of("{{name}}", "{{body}}"), highlighted);
        assertEquals(2, text.getLineCount(), "Return is a new line in a template");
        assertTrue(Arrays.stream(text.getStyleRanges()).allMatch(r -> (r.fontStyle & SWT.BOLD) != 0));
        assertEquals(List.of(), editing.ports(template).inputs(), "Enter is a new line: nothing is set yet");
        UserInput.chord(SWT.CR, SWT.MOD1);
        assertEquals(List.of("name", "body"), editing.ports(template).inputs().stream().map(p -> p.name()).toList(),
                "Ctrl+Enter sets it, and each placeholder is an input");
        assertEquals("Dear {{name}},\n{{body}}", editing.parameterText(template, "template"), "with no new line added");
        screenshot("properties-template.png");
    }

    @Test
    void addKeyStoresAKeyUnderANameThePromptThenUsesAndNothingTheWorkbenchWroteOrShowsHasTheKey() throws Exception {
        WorkflowEditor editor = openEmpty(folder, "ask.pexper");
        WorkflowEditing editing = EditorProbe.editing(editor);
        PropertiesView view = EditorProbe.properties();
        Node prompt = addAndSelect(editor, "com.pexper.ai.prompt");
        typeOver(EditorProbe.field(view, "provider"), "openai");
        key(SWT.CR);
        typeOver(EditorProbe.field(view, "temperature"), "warm");
        assertEquals("'warm' is not a number.", EditorProbe.problemShown(view, "temperature"), "a decimal, checked");
        typeOver(EditorProbe.field(view, "temperature"), "0.2");
        key(SWT.CR);
        assertEquals("0.2", editing.parameterText(prompt, "temperature"));
        Combo keys = (Combo) EditorProbe.field(view, "key");
        assertEquals("default: openai", keys.getText(), "unset: the provider's default name");
        Button add = Arrays.stream(keys.getParent().getChildren()).filter(c -> c instanceof Button).map(Button.class::cast)
                .findFirst().orElseThrow();
        assertEquals("Add Key\u2026", add.getText());
        String[] named = new String[1];
        List<String> dialog = UserInput.answerTheNextDialog(shell -> {
            List<Text> fields = UserInput.all(shell, Text.class);
            Text hidden = fields.stream().filter(t -> (t.getStyle() & SWT.PASSWORD) != 0).findFirst().orElseThrow();
            named[0] = fields.stream().filter(t -> (t.getStyle() & (SWT.PASSWORD | SWT.READ_ONLY)) == 0).findFirst()
                    .orElseThrow().getText();
            UserInput.focus(hidden);
            UserInput.type(ProviderTestBench.FAKE_KEY);
            assertEquals(ProviderTestBench.FAKE_KEY, hidden.getText(), "typed into the hidden field");
            try {
                screenshot(shell.getDisplay(), shell.getBounds(), "properties-add-key.png");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "Store Key");
        add.notifyListeners(SWT.Selection, new Event());
        pump();
        assertTrue(dialog.get(0).contains("sent only to the provider's address"), dialog.toString());
        assertTrue(named[0].startsWith("openai"), "the name offered is the provider's: " + named[0]);
        assertEquals(named[0], editing.parameterText(prompt, "key"), "the node names the key it was stored under");
        assertEquals(named[0], keys.getText());
        editor.doSave(null);
        pump();
        screenshot("properties-prompt-key.png");

        List<String> forms = ProviderTestBench.canaryForms();
        StringBuilder shown = new StringBuilder();
        for (Shell shell : Display.getCurrent().getShells()) {
            shownText(shell, shown);
        }
        for (String form : forms) {
            assertFalse(shown.toString().contains(form), "no widget shows the key (as " + form + ")");
        }
        List<Path> written = new ArrayList<>();
        for (Path place : List.of(folder, Path.of(System.getProperty("pexper.home")),
                Path.of(Platform.getInstanceLocation().getURL().toURI()))) {
            try (Stream<Path> files = Files.walk(place)) {
                files.filter(Files::isRegularFile).forEach(written::add);
            }
        }
        assertTrue(written.contains(editor.file()), "the workflow is among the files looked at");
        for (Path file : written) {
            String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            for (String form : forms) {
                assertFalse(content.contains(form), "the key (as " + form + ") is in " + file);
            }
        }
    }

    /** Every text a user could see in a window: titles, labels, fields, list items, tooltips. */
    private static void shownText(Control control, StringBuilder shown) {
        shown.append(control.getToolTipText()).append('\n');
        switch (control) {
            case Shell shell -> shown.append(shell.getText()).append('\n');
            case Label label -> shown.append(label.getText()).append('\n');
            case Text text -> shown.append(text.getText()).append('\n');
            case StyledText text -> shown.append(text.getText()).append('\n');
            case Combo combo -> shown.append(String.join("\n", combo.getItems())).append('\n');
            case Button button -> shown.append(button.getText()).append('\n');
            default -> {
            }
        }
        if (control instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                shownText(child, shown);
            }
        }
    }
}
