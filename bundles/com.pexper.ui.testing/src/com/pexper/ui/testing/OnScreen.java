package com.pexper.ui.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.eclipse.jface.preference.PreferenceDialog;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.dialogs.PreferencesUtil;

/** What a test of the workbench does with the screen: find widgets as a user sees them, press them, look. */
public final class OnScreen {

    /** Where screenshots go: the build's folder, from where the docs' pictures are copied. */
    public static final Path SHOTS = Path.of(System.getProperty("pexper.screenshots", "target/screenshots"));

    private OnScreen() {
    }

    public static void pump() {
        Display display = Display.getCurrent();
        for (int i = 0; i < 50 && !display.isDisposed(); i++) {
            while (display.readAndDispatch()) {
                // until nothing is left
            }
            if (i % 10 == 9) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** Pumps the event loop until {@code condition} holds, for at most {@code millis}. */
    public static void waitFor(String what, long millis, BooleanSupplier condition) {
        long end = System.currentTimeMillis() + millis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("waited " + millis / 1000.0 + " s for " + what);
            }
            pump();
        }
    }

    /** Window > Preferences opened at one page, not blocking, at a size to take screenshots of. */
    public static PreferenceDialog openPreferences(String pageId, int width, int height) {
        Shell window = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
        PreferenceDialog dialog = PreferencesUtil.createPreferenceDialogOn(window, pageId, null, null);
        dialog.setBlockOnOpen(false);
        dialog.open();
        dialog.getShell().setSize(width, height);
        pump();
        return dialog;
    }

    public static <T extends Control> List<T> all(Composite parent, Class<T> kind) {
        List<T> found = new ArrayList<>();
        for (Control child : parent.getChildren()) {
            if (kind.isInstance(child)) {
                found.add(kind.cast(child));
            }
            if (child instanceof Composite composite) {
                found.addAll(all(composite, kind));
            }
        }
        return found;
    }

    /** The button whose label, without its mnemonic, is {@code text}. */
    public static Button button(Composite parent, String text) {
        return all(parent, Button.class).stream().filter(b -> b.getText().replace("&", "").equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no button '" + text + "' among "
                        + all(parent, Button.class).stream().map(Button::getText).toList()));
    }

    /** What went wrong in a dialog's {@link #onNextShell} action: thrown by the {@link #press} that opened it. */
    private static final java.util.concurrent.atomic.AtomicReference<Throwable> FAILED =
            new java.util.concurrent.atomic.AtomicReference<>();

    public static void press(Button button) {
        if ((button.getStyle() & SWT.RADIO) != 0) {
            for (Control sibling : button.getParent().getChildren()) {
                if (sibling instanceof Button other && (other.getStyle() & SWT.RADIO) != 0) {
                    other.setSelection(other == button);
                }
            }
        }
        button.notifyListeners(SWT.Selection, null);
        Throwable failed = FAILED.getAndSet(null);
        if (failed instanceof RuntimeException e) {
            throw e;
        }
        if (failed instanceof Error e) {
            throw e;
        }
    }

    /** Does {@code act} with the next shell titled {@code title} once it is open (a modal dialog's loop runs it). */
    public static void onNextShell(String title, Consumer<Shell> act) {
        Display display = Display.getCurrent();
        Runnable look = new Runnable() {
            int tries;

            @Override
            public void run() {
                for (Shell shell : display.getShells()) {
                    if (shell.isVisible() && title.equals(shell.getText())) {
                        try {
                            act.accept(shell);
                        } catch (RuntimeException | Error e) {
                            FAILED.set(e);
                            shell.close(); // a dialog left open would block the test for ever
                        }
                        return;
                    }
                }
                if (tries++ < 100) {
                    display.timerExec(50, this);
                } else {
                    FAILED.set(new AssertionError("no window titled '" + title + "' opened"));
                }
            }
        };
        display.timerExec(50, look);
    }

    /** The window as it is on screen now, popups over it included, saved as a PNG in {@link #SHOTS} to look at. */
    public static void screenshot(Shell shell, String name) {
        screenshot(shell.getDisplay(), shell.getBounds(), name);
    }

    /** What is on screen within {@code bounds} now. */
    public static void screenshot(Display display, Rectangle bounds, String name) {
        pump();
        Image image = new Image(display, bounds.width, bounds.height);
        GC gc = new GC(display);
        try {
            gc.copyArea(image, bounds.x, bounds.y);
            Files.createDirectories(SHOTS);
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] { image.getImageData() };
            loader.save(SHOTS.resolve(name).toString(), SWT.IMAGE_PNG);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            gc.dispose();
            image.dispose();
        }
    }
}
