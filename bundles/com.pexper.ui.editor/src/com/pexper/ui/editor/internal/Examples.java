package com.pexper.ui.editor.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

import com.pexper.model.io.WorkflowFiles;

/**
 * The example workflows that come with Pexper (packed into this bundle from the repository's
 * examples/), and the user's own copies of them: an example is opened from a copy in
 * PEXPER_HOME/examples, made with the files it reads, so that the user can change and run it
 * while what came with Pexper stays as it was. A copy made before is opened as the user left it.
 */
final class Examples {

    private static final String FOLDER = "examples";

    private Examples() {
    }

    /** The examples' file names, in order. */
    static List<String> names() {
        List<String> names = new ArrayList<>();
        Enumeration<URL> entries = bundle().findEntries(FOLDER, "*." + WorkflowFiles.EXTENSION, false);
        if (entries != null) {
            for (URL entry : Collections.list(entries)) {
                String path = entry.getPath();
                names.add(path.substring(path.lastIndexOf('/') + 1));
            }
        }
        Collections.sort(names);
        return names;
    }

    /**
     * The user's copy of an example, made now (with every file the examples read, where those are
     * not there yet) when there is none.
     *
     * @throws IOException naming what could not be copied
     */
    static Path copy(String name, Path into) throws IOException {
        Enumeration<URL> entries = bundle().findEntries(FOLDER, "*", true);
        if (entries == null) {
            throw new IOException("this installation has no examples");
        }
        for (URL entry : Collections.list(entries)) {
            String path = entry.getPath();
            if (path.endsWith("/")) {
                continue;
            }
            String relative = path.substring(path.indexOf(FOLDER + "/") + FOLDER.length() + 1);
            Path target = into.resolve(relative).normalize();
            if (!target.startsWith(into) || Files.exists(target)) {
                continue; // the user's copy, changed or not, is theirs
            }
            Files.createDirectories(target.getParent());
            try (InputStream in = entry.openStream()) {
                Files.copy(in, target);
            }
        }
        Path workflow = into.resolve(name);
        if (!Files.isRegularFile(workflow)) {
            throw new IOException("there is no example " + name);
        }
        return workflow;
    }

    /** What the example does, from its file's description; empty when it has none or cannot be read. */
    static String description(String name) {
        URL entry = bundle().getEntry(FOLDER + "/" + name);
        if (entry == null) {
            return "";
        }
        try (InputStream in = entry.openStream()) {
            String description = WorkflowFiles.read(in, name).getDescription();
            return description == null ? "" : description;
        } catch (IOException e) {
            return "";
        }
    }

    private static Bundle bundle() {
        return FrameworkUtil.getBundle(Examples.class);
    }
}
