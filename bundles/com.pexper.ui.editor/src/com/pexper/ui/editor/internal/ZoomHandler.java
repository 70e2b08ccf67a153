package com.pexper.ui.editor.internal;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.ui.handlers.HandlerUtil;

/** View > Zoom In, Zoom Out, Fit to Window and Actual Size, on the active workflow editor's graph. */
public final class ZoomHandler extends AbstractHandler {

    private static final double STEP = 1.25;

    @Override
    public Object execute(ExecutionEvent event) {
        if (HandlerUtil.getActiveEditor(event) instanceof WorkflowEditor editor && editor.canvas() != null) {
            GraphCanvas canvas = editor.canvas();
            switch (event.getCommand().getId()) {
                case "com.pexper.ui.editor.zoomIn" -> canvas.zoomTo(canvas.zoom() * STEP);
                case "com.pexper.ui.editor.zoomOut" -> canvas.zoomTo(canvas.zoom() / STEP);
                case "com.pexper.ui.editor.zoomFit" -> canvas.fitToWindow();
                default -> canvas.zoomTo(1);
            }
        }
        return null;
    }
}
