package com.pexper.ui.editor.internal;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.runtime.IPath;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.ui.IElementFactory;
import org.eclipse.ui.IMemento;
import org.eclipse.ui.IPersistableElement;
import org.eclipse.ui.IPathEditorInput;

/**
 * A workflow file as an editor's input: remembered with the workbench's layout, so that the
 * workflows open when Pexper was closed are open again when it starts. (The platform's
 * file-store input needs the IDE's workspace, which Pexper does not have.)
 */
final class WorkflowFileInput implements IPathEditorInput, IPersistableElement {

    static final String FACTORY_ID = "com.pexper.ui.editor.workflowFile";
    private static final String PATH = "path";

    private final Path file;

    WorkflowFileInput(Path file) {
        this.file = file.toAbsolutePath().normalize();
    }

    Path file() {
        return file;
    }

    @Override
    public IPath getPath() {
        return IPath.fromPath(file);
    }

    @Override
    public boolean exists() {
        return Files.exists(file);
    }

    @Override
    public ImageDescriptor getImageDescriptor() {
        return ImageDescriptor.getMissingImageDescriptor();
    }

    @Override
    public String getName() {
        return file.getFileName().toString();
    }

    @Override
    public IPersistableElement getPersistable() {
        return this;
    }

    @Override
    public String getToolTipText() {
        return file.toString();
    }

    @Override
    public <T> T getAdapter(Class<T> adapter) {
        return null;
    }

    @Override
    public String getFactoryId() {
        return FACTORY_ID;
    }

    @Override
    public void saveState(IMemento memento) {
        memento.putString(PATH, file.toString());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WorkflowFileInput other && other.file.equals(file);
    }

    @Override
    public int hashCode() {
        return file.hashCode();
    }

    /** Makes the input again from the layout saved when Pexper closed; a file gone since is not reopened. */
    public static final class Factory implements IElementFactory {
        @Override
        public WorkflowFileInput createElement(IMemento memento) {
            String path = memento.getString(PATH);
            if (path == null || !Files.isRegularFile(Path.of(path))) {
                return null;
            }
            return new WorkflowFileInput(Path.of(path));
        }
    }
}
