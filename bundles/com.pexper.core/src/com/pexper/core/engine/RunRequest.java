package com.pexper.core.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.pexper.core.cache.ResultCache;
import com.pexper.core.files.FileAccess;

/**
 * How to run a workflow.
 *
 * @param workflowFile where the workflow was loaded from, or null: relative input paths resolve against its folder
 * @param outputDirectory where relative output paths go; defaults to the workflow's folder
 * @param cache results to reuse and fill, or null for the engine's own
 * @param readGrants folders the user let this workflow read, besides its own and the output folder
 * @param writeGrants folders the user let this workflow write, besides the output folder
 * @param grantAdvice how the application tells the user to grant a folder the workflow was refused
 */
public record RunRequest(Path workflowFile, Path outputDirectory, ResultCache cache, List<RunListener> listeners,
        List<Path> readGrants, List<Path> writeGrants, FileAccess.GrantAdvice grantAdvice) {

    public RunRequest {
        listeners = List.copyOf(listeners);
        readGrants = List.copyOf(readGrants);
        writeGrants = List.copyOf(writeGrants);
        grantAdvice = grantAdvice == null ? FileAccess.GrantAdvice.IN_WORDS : grantAdvice;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The folder relative input paths resolve against. */
    public Path baseDirectory() {
        Path folder = workflowFile == null ? null : workflowFile.toAbsolutePath().getParent();
        return folder != null ? folder : Path.of("").toAbsolutePath();
    }

    public Path effectiveOutputDirectory() {
        return outputDirectory != null ? outputDirectory.toAbsolutePath() : baseDirectory();
    }

    /**
     * The folders this run's nodes may use: the workflow's folder and the output folder, the grants,
     * never the {@code protectedFolders}, never the workflow's own file.
     */
    public FileAccess fileAccess(List<Path> protectedFolders) {
        return FileAccess.builder(baseDirectory(), effectiveOutputDirectory()).allowRead(readGrants)
                .allowWrite(writeGrants).protect(protectedFolders).workflowFile(workflowFile).advice(grantAdvice)
                .build();
    }

    public static final class Builder {
        private Path workflowFile;
        private Path outputDirectory;
        private ResultCache cache;
        private final List<RunListener> listeners = new ArrayList<>();
        private final List<Path> readGrants = new ArrayList<>();
        private final List<Path> writeGrants = new ArrayList<>();
        private FileAccess.GrantAdvice grantAdvice;

        private Builder() {
        }

        public Builder workflowFile(Path file) {
            this.workflowFile = file;
            return this;
        }

        public Builder outputDirectory(Path folder) {
            this.outputDirectory = folder;
            return this;
        }

        public Builder cache(ResultCache cache) {
            this.cache = cache;
            return this;
        }

        public Builder listener(RunListener listener) {
            listeners.add(listener);
            return this;
        }

        /** Lets the workflow read in {@code folder} (or this one file), as the user granted. */
        public Builder allowRead(Path folder) {
            readGrants.add(folder);
            return this;
        }

        /** Lets the workflow read and write in {@code folder}, as the user granted. */
        public Builder allowWrite(Path folder) {
            writeGrants.add(folder);
            return this;
        }

        public Builder grantAdvice(FileAccess.GrantAdvice advice) {
            this.grantAdvice = advice;
            return this;
        }

        public RunRequest build() {
            return new RunRequest(workflowFile, outputDirectory, cache, listeners, readGrants, writeGrants, grantAdvice);
        }
    }
}
