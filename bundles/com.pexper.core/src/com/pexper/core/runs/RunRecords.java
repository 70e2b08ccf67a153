package com.pexper.core.runs;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import com.pexper.core.engine.RunResult;
import com.pexper.core.internal.runs.RunRecordFolder;
import com.pexper.model.Workflow;

/**
 * The JSON records of past runs, one file each in one folder: when, how long, how each node fared,
 * cache hits, output summaries and the files written, each with the node (and item) that wrote it.
 * A record holds no parameter values; the workflow as it ran is kept beside the records, in
 * {@code workflows/} (one file per distinct workflow, named by its SHA-256, shared by the runs of
 * it and removed with the last record that names it), for "open the workflow as it ran" and for
 * what made an image. Like the workflow file itself it names credentials, never holds them. In
 * Pexper it is a service for the records in {@code PEXPER_HOME/runs}; a tool or test opens a
 * folder of its own with {@link #open(Path)}.
 */
@ProviderType
public interface RunRecords {

    /** How many records are kept: older ones are removed as new ones are written. */
    int DEFAULT_RETAINED = 500;

    /** The records in {@code folder}, the newest {@link #DEFAULT_RETAINED} kept. */
    static RunRecords open(Path folder) {
        return open(folder, DEFAULT_RETAINED);
    }

    /** The records in {@code folder}, the newest {@code retained} kept. */
    static RunRecords open(Path folder, int retained) {
        return new RunRecordFolder(folder, retained);
    }

    Path folder();

    /**
     * Writes the record of a finished run and returns its file.
     *
     * @param asRun the workflow as it ran, kept beside the record; null to keep none
     */
    Path write(RunResult run, Workflow asRun) throws IOException;

    /** The newest records first, at most {@code limit}; unreadable records are skipped. */
    List<Summary> recent(int limit) throws IOException;

    /**
     * A run as listed: the essentials of its record.
     *
     * @param status SUCCEEDED, FAILED (also when only items of a batch failed) or CANCELLED
     * @param failedItems how many items of batches failed
     * @param items the items of the largest batch in which items failed; 0 when none did
     * @param failedNodes how many nodes failed (not counting those skipped because of them)
     * @param workflowAsRun the workflow as it ran, or null when the record keeps none (or it is gone)
     */
    record Summary(Path file, String runId, String workflow, String status, Instant started,
            long durationMillis, long executedNodes, long cachedNodes, long failedItems, long items,
            long failedNodes, Path workflowAsRun) {

        /** The status for people: "FAILED 3 of 200 items" when items of a batch failed. */
        public String statusText() {
            return failedItems == 0 ? status : status + " " + failedItems + " of " + items + " items";
        }
    }
}
