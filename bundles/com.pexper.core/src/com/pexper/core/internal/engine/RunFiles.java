package com.pexper.core.internal.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.pexper.core.engine.RunResult;
import com.pexper.core.files.FileAccess;
import com.pexper.model.io.AtomicFile;
import com.pexper.model.io.FolderTree;

/** The folders of a run and the files it writes, shared by its workers. */
final class RunFiles {

    private static final System.Logger LOG = System.getLogger(RunFiles.class.getName());

    private final Path scratchRoot;
    private final Path baseDirectory;
    private final Path outputDirectory;
    private final FileAccess access;
    private final Map<Path, RunResult.WrittenFile> written = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Set<Path> swept = ConcurrentHashMap.newKeySet();

    RunFiles(Path scratchRoot, Path baseDirectory, Path outputDirectory, FileAccess access) {
        this.scratchRoot = scratchRoot;
        this.baseDirectory = baseDirectory;
        this.outputDirectory = outputDirectory;
        this.access = access;
    }

    Path scratchRoot() {
        return scratchRoot;
    }

    Path baseDirectory() {
        return baseDirectory;
    }

    Path outputDirectory() {
        return outputDirectory;
    }

    FileAccess access() {
        return access;
    }

    void written(RunResult.WrittenFile file) {
        written.put(file.file(), file);
    }

    /** Whether this run wrote the file: it may replace its own files without keeping the old one. */
    boolean wrote(Path file) {
        return written.containsKey(file);
    }

    /** What the run wrote, in order; a file written twice is named once, with its last writer. */
    List<RunResult.WrittenFile> written() {
        synchronized (written) {
            return List.copyOf(written.values());
        }
    }

    /** Removes, once per folder and run, what writers killed mid-write left in a folder this run writes to. */
    void sweepOnce(Path folder) {
        if (folder != null && swept.add(folder)) {
            AtomicFile.removeAbandoned(folder);
        }
    }

    void deleteScratch() {
        try {
            FolderTree.delete(scratchRoot);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "could not remove scratch folder " + scratchRoot, e);
        }
    }
}
