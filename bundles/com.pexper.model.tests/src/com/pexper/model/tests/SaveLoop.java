package com.pexper.model.tests;

import java.nio.file.Path;

import com.pexper.model.Workflow;
import com.pexper.model.io.WorkflowFiles;

/** Saves two versions of a workflow over one file, alternately, until killed. Run by {@link CrashDuringSaveTest}. */
public final class SaveLoop {

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        Workflow small = TestWorkflows.chain("small", 10);
        Workflow large = TestWorkflows.chain("large", 3000);
        WorkflowFiles.save(small, file);
        System.out.println("saving");
        System.out.flush();
        for (long i = 0;; i++) {
            WorkflowFiles.save(i % 2 == 0 ? large : small, file);
        }
    }
}
