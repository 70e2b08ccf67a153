package com.pexper.ui.internal;

import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/** The Pexper perspective: node types on the left, the editor area for workflows in the middle. */
public final class PexperPerspective implements IPerspectiveFactory {

    public static final String ID = "com.pexper.ui.perspective";

    @Override
    public void createInitialLayout(IPageLayout layout) {
        layout.setEditorAreaVisible(true);
        layout.addView(NodeTypesView.ID, IPageLayout.LEFT, 0.22f, layout.getEditorArea());
        layout.addShowViewShortcut(NodeTypesView.ID);
    }
}
