package com.pexper.ui.editor.internal;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IPersistableElement;

/** A new workflow not saved yet: Save asks where it goes. */
final class UntitledWorkflowInput implements IEditorInput {

    private final int number;

    UntitledWorkflowInput(int number) {
        this.number = number;
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
        return number == 1 ? "Untitled workflow" : "Untitled workflow " + number;
    }

    @Override
    public IPersistableElement getPersistable() {
        return null;
    }

    @Override
    public String getToolTipText() {
        return getName() + " (not saved yet)";
    }

    @Override
    public <T> T getAdapter(Class<T> adapter) {
        return null;
    }
}
