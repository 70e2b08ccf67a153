package com.pexper.imaging.tests;

import java.nio.file.Path;

import com.pexper.core.node.ExecutionContext;
import com.pexper.core.node.ExistingFile;
import com.pexper.core.node.FileContent;

/** The context of a filter applied directly, outside a run: never cancelled, no files. */
final class TestContext implements ExecutionContext {

    @Override
    public String nodeId() {
        return "test";
    }

    @Override
    public void checkCanceled() {
    }

    @Override
    public boolean isCanceled() {
        return false;
    }

    @Override
    public void progress(double fraction, String message) {
    }

    @Override
    public void log(String message) {
    }

    @Override
    public Path scratchDirectory() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Path workflowDirectory() {
        return Path.of("").toAbsolutePath();
    }

    @Override
    public Path outputDirectory() {
        return workflowDirectory();
    }

    @Override
    public Path readable(Path path) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean isProtected(Path path) {
        return true;
    }

    @Override
    public void writeFile(Path target, FileContent content, ExistingFile existing) {
        throw new UnsupportedOperationException();
    }

    @Override
    public int itemIndex() {
        return -1;
    }

    @Override
    public int itemCount() {
        return -1;
    }
}
