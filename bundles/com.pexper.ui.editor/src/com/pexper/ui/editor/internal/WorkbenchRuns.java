package com.pexper.ui.editor.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import com.pexper.ai.AiClients;
import com.pexper.core.cache.MemoryResultCache;
import com.pexper.core.cache.ResultCache;
import com.pexper.core.cache.ResultCaches;
import com.pexper.core.engine.Engine;
import com.pexper.core.engine.MemoryBudget;
import com.pexper.core.engine.Redactor;
import com.pexper.core.engine.RunResult;
import com.pexper.core.engine.ServiceDirectory;
import com.pexper.core.home.PexperHome;
import com.pexper.core.node.NodeTypeRegistry;
import com.pexper.core.runs.RunRecords;
import com.pexper.model.Workflow;

/**
 * The workbench's engine: one for all editors, so that their runs share the worker pool and the
 * memory budget, built from the same services as the command line's, so that a run from the
 * editor is recorded where {@code pexper runs} reads and reuses what {@code pexper run} cached.
 */
@Component(service = WorkbenchRuns.class)
public final class WorkbenchRuns {

    private final Engine engine;
    private final ResultCaches caches;
    private final ServiceDirectory services;
    private final FolderGrants folderGrants;
    private final RunRecords records;
    private final List<Runnable> recorded = new CopyOnWriteArrayList<>();

    @Activate
    public WorkbenchRuns(@Reference NodeTypeRegistry registry, @Reference ServiceDirectory services,
            @Reference RunRecords records, @Reference ResultCaches caches) {
        PexperHome home = PexperHome.fromEnvironment();
        this.caches = caches;
        this.services = services;
        this.folderGrants = new FolderGrants(home.settings().resolve("folder-grants.json"));
        this.records = records;
        this.engine = Engine.builder(registry).protect(home.root()).runRecords(new Announcing(records))
                .scratchDirectory(home.scratch()).services(services)
                .memory(MemoryBudget.ofHeap("Start Pexper with a larger heap (PEXPER_MAX_HEAP=8g ./pexper),"
                        + " or lower Read image's 'maxMegapixels' to refuse such images."))
                .build();
    }

    Engine engine() {
        return engine;
    }

    /**
     * The results a workflow's runs keep: those of {@code pexper run} for a saved file (saved back
     * after each run), a memory of its own for a workflow not saved yet.
     */
    ResultCache cacheFor(Path workflowFile) {
        return workflowFile == null ? new MemoryResultCache() : caches.forWorkflow(workflowFile);
    }

    /** The records of past runs: the command line's and the editors' alike. */
    RunRecords records() {
        return records;
    }

    /**
     * Tells {@code listener}, on the thread that wrote it, of each record an editor's run wrote.
     *
     * @return closing it stops that
     */
    AutoCloseable onRecorded(Runnable listener) {
        recorded.add(listener);
        return () -> recorded.remove(listener);
    }

    /** The run records, telling the Runs view of each new one. */
    private final class Announcing implements RunRecords {
        private final RunRecords records;

        Announcing(RunRecords records) {
            this.records = records;
        }

        @Override
        public Path folder() {
            return records.folder();
        }

        @Override
        public Path write(RunResult run, Workflow asRun) throws IOException {
            Path written = records.write(run, asRun);
            recorded.forEach(Runnable::run);
            return written;
        }

        @Override
        public List<Summary> recent(int limit) throws IOException {
            return records.recent(limit);
        }
    }

    /** The folders the user allowed each workflow when asked. */
    FolderGrants folderGrants() {
        return folderGrants;
    }

    /** The AI providers as nodes use them, when Pexper's AI bundle is installed. */
    Optional<AiClients> ai() {
        return services.get(AiClients.class);
    }

    /** Takes the keys in use out of what a preview shows, as the engine does for its own messages. */
    Redactor redactor() {
        return services.get(Redactor.class).orElse(Redactor.NONE);
    }

    @Deactivate
    void close() {
        engine.close();
    }
}
