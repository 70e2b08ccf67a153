package com.pexper.core.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.pexper.core.cache.ResultCache;

/**
 * How to run a workflow.
 *
 * @param workflowFile where the workflow was loaded from, or null: relative input paths resolve against its folder
 * @param outputDirectory where relative output paths go; defaults to the workflow's folder
 * @param cache results to reuse and fill, or null for the engine's own
 */
public record RunRequest(Path workflowFile, Path outputDirectory, ResultCache cache, List<RunListener> listeners) {

    public RunRequest {
        listeners = List.copyOf(listeners);
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

    public static final class Builder {
        private Path workflowFile;
        private Path outputDirectory;
        private ResultCache cache;
        private final List<RunListener> listeners = new ArrayList<>();

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

        public RunRequest build() {
            return new RunRequest(workflowFile, outputDirectory, cache, listeners);
        }
    }
}
