package com.pexper.ui.editor.internal;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IPersistableElement;

/**
 * A copy of the workflow as a run ran it, kept with the run records: edited and run like a new
 * workflow, but in the folder of the file it was run from, so that its relative paths mean what
 * they meant then. The kept file is never written: Save asks where the copy goes.
 *
 * @param asRun the kept workflow
 * @param origin the file the run was of, or null when the run was of a workflow not saved
 * @param ran when the run started
 */
record WorkflowAsRunInput(Path asRun, Path origin, String workflowName, Instant ran) implements IEditorInput {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MMM d HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    WorkflowAsRunInput {
        Objects.requireNonNull(asRun, "asRun");
    }

    @Override
    public boolean exists() {
        return false;
    }

    @Override
    public ImageDescriptor getImageDescriptor() {
        return ImageDescriptor.getMissingImageDescriptor();
    }

    @Override
    public String getName() {
        String name = origin != null ? origin.getFileName().toString()
                : Objects.requireNonNullElse(workflowName, "Workflow");
        return name + " as run " + WHEN.format(ran);
    }

    @Override
    public IPersistableElement getPersistable() {
        return null; // a copy to look at or save: not reopened with the workbench
    }

    @Override
    public String getToolTipText() {
        return "The workflow as it ran at " + WHEN.format(ran) + (origin == null ? "" : ", from " + origin)
                + ". Save As keeps this copy.";
    }

    @Override
    public <T> T getAdapter(Class<T> adapter) {
        return null;
    }
}
