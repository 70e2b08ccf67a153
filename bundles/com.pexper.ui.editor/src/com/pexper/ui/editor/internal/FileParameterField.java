package com.pexper.ui.editor.internal;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Text;

import com.pexper.core.node.ParameterSpec;

/**
 * A file or folder path: typed, or chosen with Browse (a file or a folder), and written relative
 * to the workflow's folder when it is inside it, so that the workflow still works when the folder
 * moves or is shared.
 */
final class FileParameterField extends ParameterField {

    private Text text;

    FileParameterField(Composite parent, ParameterSpec spec, Host host) {
        super(parent, spec, host);
    }

    @Override
    protected void createEditor(Composite parent) {
        columns(parent, 2);
        text = textField(parent);
        text.setMessage(spec.writes() ? "where to write, e.g. out/{name}.png" : "a path relative to the workflow");
        Button browse = new Button(parent, SWT.PUSH);
        browse.setText("Browse\u2026");
        Menu menu = new Menu(browse);
        MenuItem file = new MenuItem(menu, SWT.PUSH);
        file.setText("Choose a &File\u2026");
        file.addListener(SWT.Selection, e -> chooseFile());
        MenuItem folder = new MenuItem(menu, SWT.PUSH);
        folder.setText("Choose a F&older\u2026");
        folder.addListener(SWT.Selection, e -> chooseFolder());
        browse.addListener(SWT.Selection, e -> {
            Point below = browse.toDisplay(0, browse.getSize().y);
            menu.setLocation(below);
            menu.setVisible(true);
        });
    }

    private void chooseFile() {
        FileDialog dialog = new FileDialog(host.shell(), spec.writes() ? SWT.SAVE : SWT.OPEN);
        dialog.setText(spec.label());
        startIn(dialog::setFilterPath);
        String chosen = dialog.open();
        if (chosen != null) {
            choose(Path.of(chosen));
        }
    }

    private void chooseFolder() {
        DirectoryDialog dialog = new DirectoryDialog(host.shell());
        dialog.setText(spec.label());
        startIn(dialog::setFilterPath);
        String chosen = dialog.open();
        if (chosen != null) {
            choose(Path.of(chosen));
        }
    }

    private void startIn(Consumer<String> filterPath) {
        Path base = host.baseDirectory();
        if (base != null) {
            Path current = base;
            try {
                Path typed = text.getText().isBlank() ? null : base.resolve(text.getText()).getParent();
                current = typed != null && Files.isDirectory(typed) ? typed : base;
            } catch (InvalidPathException e) {
                // what is typed is no path (the field says so): start in the workflow's folder
            }
            filterPath.accept(current.toString());
        }
    }

    private void choose(Path chosen) {
        text.setText(relative(chosen.toAbsolutePath().normalize(), host.baseDirectory()));
        commit(text.getText());
    }

    /** The path as the workflow should hold it: relative, with '/', when it is inside the workflow's folder. */
    static String relative(Path chosen, Path base) {
        if (base != null && chosen.startsWith(base)) {
            return base.relativize(chosen).toString().replace('\\', '/');
        }
        return chosen.toString();
    }

    @Override
    protected void display(String value) {
        display(text, value);
    }

    Text text() {
        return text;
    }
}
