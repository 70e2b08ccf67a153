package com.pexper.core.internal.engine;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import com.pexper.core.cache.CacheKey;
import com.pexper.core.engine.RunResult;
import com.pexper.core.node.CancelledException;
import com.pexper.core.node.ExecutionContext;
import com.pexper.core.node.ExistingFile;
import com.pexper.core.node.FileContent;
import com.pexper.core.node.NodeExecutionException;
import com.pexper.model.io.AtomicFile;

/** The engine's side of {@link ExecutionContext} for one node, or one item of a mapped node. */
final class NodeContext implements ExecutionContext {

    private final RunScope run;
    private final NodeRun node;
    private final int item;
    private final int itemCount;
    private Path scratch;
    private final com.pexper.core.engine.Redactor.Stream streamed;

    NodeContext(RunScope run, NodeRun node, int item, int itemCount) {
        this.run = run;
        this.node = node;
        this.item = item;
        this.itemCount = itemCount;
        this.streamed = run.events().textRedaction();
    }

    @Override
    public String nodeId() {
        return node.step.id();
    }

    @Override
    public void checkCanceled() {
        if (run.cancellation().isCancelled()) {
            throw new CancelledException();
        }
    }

    @Override
    public boolean isCanceled() {
        return run.cancellation().isCancelled();
    }

    @Override
    public void progress(double fraction, String message) {
        run.events().progress(node, item, itemCount, fraction, message);
    }

    @Override
    public void log(String message) {
        run.events().log(node, item, message);
    }

    @Override
    public Path scratchDirectory() throws IOException {
        if (scratch == null) {
            scratch = Files.createDirectories(run.files().scratchRoot().resolve(item < 0 ? nodeId() : nodeId() + "-" + item));
        }
        return scratch;
    }

    @Override
    public Path workflowDirectory() {
        return run.files().baseDirectory();
    }

    @Override
    public Path outputDirectory() {
        return run.files().outputDirectory();
    }

    @Override
    public Path readable(Path path) throws NodeExecutionException {
        return run.files().access().checkRead(path);
    }

    @Override
    public boolean isProtected(Path path) {
        return run.files().access().isProtected(path);
    }

    @Override
    public void writeFile(Path target, FileContent content, ExistingFile existing)
            throws IOException, NodeExecutionException {
        checkCanceled();
        Path checked = run.files().access().checkWrite(target);
        run.files().sweepOnce(checked.getParent());
        AtomicFile.Existing mode = switch (existing) {
            case REPLACE -> run.files().wrote(checked) ? AtomicFile.Existing.REPLACE
                    : AtomicFile.Existing.REPLACE_KEEPING_BACKUP;
            case FAIL -> AtomicFile.Existing.FAIL;
        };
        AtomicFile.write(checked, out -> content.writeTo(new CancellableStream(out)), mode);
        run.files().written(new RunResult.WrittenFile(checked, nodeId(), item, item < 0 ? null : node.items[item].source));
    }

    @Override
    public void text(String delta) {
        if (delta != null && !delta.isEmpty()) {
            run.events().text(node, item, streamed.push(delta));
        }
    }

    /** Emits the streamed text held back by redaction, once the node has returned. */
    void flushText() {
        run.events().text(node, item, streamed.flush());
    }

    @Override
    public AutoCloseable onCancel(Runnable action) {
        return run.cancellation().onCancel(action);
    }

    @Override
    public <T> java.util.Optional<T> service(Class<T> type) {
        return run.service(type);
    }

    @Override
    public java.util.Optional<String> resultKey() {
        CacheKey key = node.keyOf(item);
        return node.step.signature().deterministic() && key != null ? java.util.Optional.of(key.hex())
                : java.util.Optional.empty();
    }

    @Override
    public int itemIndex() {
        return item;
    }

    @Override
    public int itemCount() {
        return itemCount;
    }

    /** Stops a long write as soon as the run is cancelled; the atomic writer then removes the partial file. */
    private final class CancellableStream extends FilterOutputStream {
        CancellableStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            checkCanceled();
            out.write(b, off, len);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
        }
    }
}
