package com.pexper.ui.editor.internal;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.Command;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.commands.State;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.ui.handlers.RegistryToggleState;

/**
 * View > Snap to Grid: whether nodes dragged land on the grid's lines. The choice is the command's
 * toggle state, which the workbench keeps in its preferences; every open editor follows it.
 */
public final class SnapToGridHandler extends AbstractHandler {

    static final String COMMAND = "com.pexper.ui.editor.snapToGrid";

    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        HandlerUtil.toggleCommandState(event.getCommand());
        return null;
    }

    /** The state editors follow: its value is whether to snap. */
    static State state(ICommandService commands) {
        Command command = commands.getCommand(COMMAND);
        return command.getState(RegistryToggleState.STATE_ID);
    }
}
