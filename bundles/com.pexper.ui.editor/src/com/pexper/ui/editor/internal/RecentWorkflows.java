package com.pexper.ui.editor.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.osgi.service.prefs.BackingStoreException;

/**
 * The workflows opened last, newest first, for File > Open Recent: kept in the workbench's
 * preferences (in PEXPER_HOME), paths only. A file gone since is left out.
 */
final class RecentWorkflows {

    static final int MAX = 8;
    private static final String KEY = "recentWorkflows";

    private RecentWorkflows() {
    }

    private static IEclipsePreferences preferences() {
        return InstanceScope.INSTANCE.getNode("com.pexper.ui.editor");
    }

    /** The recent workflows that still exist, newest first. */
    static List<Path> list() {
        List<Path> recent = new ArrayList<>();
        for (String line : preferences().get(KEY, "").split("\n")) {
            if (!line.isBlank() && Files.isRegularFile(Path.of(line))) {
                recent.add(Path.of(line));
            }
        }
        return recent;
    }

    /** {@code file} was opened or saved: it comes first. */
    static void add(Path file) {
        List<String> recent = new ArrayList<>(List.of(file.toAbsolutePath().normalize().toString()));
        for (Path path : list()) {
            if (!recent.contains(path.toString()) && recent.size() < MAX) {
                recent.add(path.toString());
            }
        }
        IEclipsePreferences preferences = preferences();
        preferences.put(KEY, String.join("\n", recent));
        try {
            preferences.flush();
        } catch (BackingStoreException e) {
            // kept for this session; the next start will not list it, and nothing else depends on it
        }
    }
}
