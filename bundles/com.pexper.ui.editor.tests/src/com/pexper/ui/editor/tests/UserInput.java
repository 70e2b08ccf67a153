package com.pexper.ui.editor.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.handlers.IHandlerService;

import com.pexper.ui.editor.internal.WorkflowEditor;
import com.pexper.ui.testing.OnScreen;

/**
 * The user's hands, for tests that drive the workbench under Xvfb: keys through the display as the
 * keyboard sends them, mouse gestures sent to the widget under them, dialogs answered as they
 * open, and screenshots to look at.
 */
final class UserInput {

    /** Where screenshots go: the build's folder, from where the README's pictures are copied. */
    static final Path SHOTS = OnScreen.SHOTS;

    private UserInput() {
    }

    static IWorkbenchPage page() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
    }

    /** Lets the display handle what is queued, and what that queues within 150 ms. */
    static void pump() {
        Display display = Display.getCurrent();
        long until = System.currentTimeMillis() + 150;
        while (System.currentTimeMillis() < until) {
            if (!display.readAndDispatch()) {
                display.sleep();
                display.wake();
            }
        }
        while (display.readAndDispatch()) {
            // the rest of what is queued
        }
    }

    /** Opens a workflow file as the workbench opens the files named on the command line. */
    static WorkflowEditor open(Path file) throws Exception {
        ICommandService commands = page().getWorkbenchWindow().getService(ICommandService.class);
        IHandlerService handlers = page().getWorkbenchWindow().getService(IHandlerService.class);
        handlers.executeCommand(ParameterizedCommand.generateCommand(commands.getCommand(
                "com.pexper.ui.editor.openWorkflow"), Map.of("path", file.toString())), null);
        IEditorPart part = page().getActiveEditor();
        assertTrue(part instanceof WorkflowEditor, String.valueOf(part));
        page().getWorkbenchWindow().getShell().forceActive();
        pump();
        return (WorkflowEditor) part;
    }

    /** A new file with an empty workflow in {@code folder}, open in its editor. */
    static WorkflowEditor openEmpty(Path folder, String name) throws Exception {
        Path file = folder.resolve(name);
        Files.writeString(file, "{\"formatVersion\": 2, \"name\": \"Hello\", \"nodes\": [], \"connections\": []}");
        return open(file);
    }

    /**
     * A press at {@code from}, moves to {@code to} in steps with the button held, a release there:
     * a drag, in display coordinates, sent to the control under it as the display would send it.
     * (Posted through the X server, a press under Xvfb lands where the pointer was before the last
     * move, so the events go to the widget directly; its listeners and the workbench's filters see them.)
     */
    static void drag(Control control, Point from, Point to) {
        Point start = control.toControl(from);
        Point end = control.toControl(to);
        send(control, SWT.MouseMove, start, 0, 0);
        send(control, SWT.MouseDown, start, 1, 0);
        for (int i = 1; i <= 5; i++) {
            send(control, SWT.MouseMove, new Point(start.x + (end.x - start.x) * i / 5, start.y + (end.y - start.y) * i
                    / 5), 0, SWT.BUTTON1);
        }
        send(control, SWT.MouseUp, end, 1, SWT.BUTTON1);
    }

    /**
     * A drag from one window to another through the X server, as the user's hand makes it: the
     * toolkit's own drag and drop carries the data, so the target sees what a real drop gives it.
     */
    static void dragBetweenWindows(Point from, Point to) {
        Display display = Display.getCurrent();
        post(display, SWT.MouseMove, from, 0);
        post(display, SWT.MouseDown, from, 1);
        for (int i = 1; i <= 8; i++) {
            post(display, SWT.MouseMove, new Point(from.x + (to.x - from.x) * i / 8, from.y + (to.y - from.y) * i / 8), 0);
        }
        post(display, SWT.MouseMove, to, 0);
        post(display, SWT.MouseUp, to, 1);
    }

    private static void post(Display display, int type, Point at, int button) {
        Event event = new Event();
        event.type = type;
        event.x = at.x;
        event.y = at.y;
        event.button = button;
        display.post(event);
        pump();
    }

    /** The part of the window editors are in, which takes dropped files (the largest such control). */
    static Control editorArea() {
        List<Control> targets = new ArrayList<>();
        dropTargets(page().getWorkbenchWindow().getShell(), targets);
        return targets.stream().max(java.util.Comparator.comparingInt(c -> c.getSize().x * c.getSize().y))
                .orElseThrow(() -> new AssertionError("nothing in the window takes dropped files"));
    }

    private static void dropTargets(Control control, List<Control> found) {
        if (control.getData(org.eclipse.swt.dnd.DND.DROP_TARGET_KEY) instanceof org.eclipse.swt.dnd.DropTarget target
                && Arrays.asList(target.getTransfer()).contains(org.eclipse.swt.dnd.FileTransfer.getInstance())) {
            found.add(control);
        }
        if (control instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                dropTargets(child, found);
            }
        }
    }

    /** A click at a point in display coordinates. */
    static void click(Control control, Point at) {
        Point local = control.toControl(at);
        send(control, SWT.MouseDown, local, 1, 0);
        send(control, SWT.MouseUp, local, 1, SWT.BUTTON1);
    }

    static void send(Control control, int type, Point at, int button, int stateMask) {
        Event event = new Event();
        event.x = at.x;
        event.y = at.y;
        event.button = button;
        event.stateMask = stateMask;
        event.display = control.getDisplay();
        event.widget = control;
        control.notifyListeners(type, event);
        pump();
    }

    /** Presses and lets go a key without a character, such as Delete. */
    static void key(int keyCode) {
        chord(keyCode);
    }

    /** Presses and lets go a key without a character, and returns at once: for timing what it does. */
    static void postKey(int keyCode) {
        Event press = new Event();
        press.keyCode = keyCode;
        pressAndRelease(press);
    }

    private static void pressAndRelease(Event key) {
        key.type = SWT.KeyDown;
        assertTrue(Display.getCurrent().post(key));
        key.type = SWT.KeyUp;
        Display.getCurrent().post(key);
    }

    /** Presses the modifier keys, types the character and lets them go, through the display as the keyboard would. */
    static void key(char character, int... modifiers) {
        Event press = new Event();
        press.character = character;
        withModifiers(press, modifiers);
    }

    /** Types text into the focused control, one key at a time; a line break is the Return key. */
    static void type(String text) {
        for (char c : text.toCharArray()) {
            Event press = new Event();
            if (c == '\n' || c == '\r') {
                press.keyCode = SWT.CR;
            } else {
                press.character = c;
            }
            pressAndRelease(press);
        }
        pump();
    }

    /** Presses a key that has no character (Return, an arrow) with modifier keys held. */
    static void chord(int keyCode, int... modifiers) {
        Event press = new Event();
        press.keyCode = keyCode;
        withModifiers(press, modifiers);
    }

    private static void withModifiers(Event press, int... modifiers) {
        for (int modifier : modifiers) {
            Event down = new Event();
            down.type = SWT.KeyDown;
            down.keyCode = modifier;
            assertTrue(Display.getCurrent().post(down));
        }
        pressAndRelease(press);
        for (int i = modifiers.length - 1; i >= 0; i--) {
            Event up = new Event();
            up.type = SWT.KeyUp;
            up.keyCode = modifiers[i];
            Display.getCurrent().post(up);
        }
        pump();
    }

    /** Gives a control the keyboard, as a click into it would. */
    static void focus(Control control) {
        control.getShell().forceActive();
        pump();
        control.setFocus();
        pump();
    }

    /** Selects all a text field holds, as a triple click would, and types over it. */
    static void typeOver(Control control, String text) throws Exception {
        focus(control);
        if (!control.isFocusControl()) {
            screenshot("focus-refused.png");
            fail("the control takes the keyboard: " + control + ", focus is on " + control.getDisplay().getFocusControl()
                    + ", active shell " + control.getDisplay().getActiveShell() + ", visible " + control.isVisible() + ", shown "
                    + control.getBounds() + " in " + control.getParent().getBounds());
        }
        switch (control) {
            case StyledText styled -> styled.selectAll();
            case Text plain -> plain.selectAll();
            default -> throw new IllegalArgumentException("not a text field: " + control);
        }
        pump();
        type(text);
    }

    /** Chooses an item of a list or a check box state, as a click on it would. */
    static void choose(Control control, String item) {
        switch (control) {
            case Combo combo -> {
                int index = combo.indexOf(item);
                assertTrue(index >= 0, item + " is offered: " + Arrays.toString(combo.getItems()));
                combo.select(index);
            }
            case Button box -> box.setSelection(Boolean.parseBoolean(item));
            default -> throw new IllegalArgumentException("not a list or check box: " + control);
        }
        control.notifyListeners(SWT.Selection, new Event());
        pump();
    }

    /** Presses Ctrl+Enter on the editor's canvas and waits for the run it starts to end. */
    static void runWithCtrlEnter(WorkflowEditor editor) {
        String before = com.pexper.ui.editor.internal.EditorProbe.lastRunId(editor);
        focus(com.pexper.ui.editor.internal.EditorProbe.canvas(editor));
        chord(SWT.CR, SWT.MOD1);
        waitFor("the run Ctrl+Enter started to end", 30_000, () -> !editor.isRunning()
                && !java.util.Objects.equals(before, com.pexper.ui.editor.internal.EditorProbe.lastRunId(editor)));
        pump();
    }

    /** Pumps the display until the condition holds; fails after the timeout. */
    static void waitFor(String what, long millis, BooleanSupplier condition) {
        Display display = Display.getCurrent();
        long until = System.currentTimeMillis() + millis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > until) {
                fail("waited " + millis + " ms for " + what);
            }
            if (!display.readAndDispatch()) {
                display.timerExec(5, () -> {
                });
                display.sleep();
            }
        }
    }

    /**
     * When the next dialog opens, hands it to {@code fill} (to type into it) and presses the
     * button labelled {@code answer}; returns its labels' text followed by its buttons' (filled in
     * once it was answered).
     */
    static List<String> answerTheNextDialog(Consumer<Shell> fill, String answer) {
        List<String> seen = new ArrayList<>();
        Display display = Display.getCurrent();
        Shell workbench = page().getWorkbenchWindow().getShell();
        Runnable look = new Runnable() {
            @Override
            public void run() {
                for (Shell shell : display.getShells()) {
                    if (shell != workbench && shell.isVisible() && !shell.isDisposed()) {
                        fill.accept(shell);
                        List<Button> buttons = new ArrayList<>();
                        StringBuilder message = new StringBuilder();
                        collect(shell, buttons, message);
                        seen.add(message.toString());
                        buttons.forEach(b -> seen.add(b.getText().replace("&", "")));
                        for (Button button : buttons) {
                            if (button.getText().replace("&", "").equals(answer)) {
                                button.notifyListeners(SWT.Selection, new Event());
                                return;
                            }
                        }
                    }
                }
                display.timerExec(100, this);
            }
        };
        display.timerExec(100, look);
        return seen;
    }

    static List<String> answerTheNextDialogWith(String answer) {
        return answerTheNextDialog(shell -> {
        }, answer);
    }

    private static void collect(Composite parent, List<Button> buttons, StringBuilder message) {
        for (Control child : parent.getChildren()) {
            if (child instanceof Button button && (button.getStyle() & SWT.PUSH) != 0) {
                buttons.add(button);
            } else if (child instanceof Label label) {
                message.append(label.getText()).append(' ');
            } else if (child instanceof Text text && (text.getStyle() & SWT.READ_ONLY) != 0) {
                message.append(text.getText()).append(' '); // a dialog's message, as TitleAreaDialog shows it
            } else if (child instanceof Composite composite) {
                collect(composite, buttons, message);
            }
        }
    }

    /** Every widget of a kind in a window or part of one, in the order they are laid out. */
    static <T extends Control> List<T> all(Composite parent, Class<T> kind) {
        List<T> found = new ArrayList<>();
        for (Control child : parent.getChildren()) {
            if (kind.isInstance(child)) {
                found.add(kind.cast(child));
            } else if (child instanceof Composite composite) {
                found.addAll(all(composite, kind));
            }
        }
        return found;
    }

    /** The workbench window as it is on screen now, popups over it included, saved as a PNG to look at. */
    static void screenshot(String name) throws Exception {
        Shell shell = page().getWorkbenchWindow().getShell();
        screenshot(shell.getDisplay(), shell.getBounds(), name);
    }

    static void screenshot(Display display, Rectangle bounds, String name) throws Exception {
        OnScreen.screenshot(display, bounds, name);
    }
}
