package com.pexper.ui.editor.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.action.IContributionItem;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.actions.CompoundContributionItem;
import org.eclipse.ui.menus.CommandContributionItem;
import org.eclipse.ui.menus.CommandContributionItemParameter;

/** File > Open Recent: the workflows opened last, newest first, each opened with Open Workflow. */
public final class OpenRecentMenu extends CompoundContributionItem {

    @Override
    protected IContributionItem[] getContributionItems() {
        List<IContributionItem> items = new ArrayList<>();
        int number = 1;
        for (Path file : RecentWorkflows.list()) {
            CommandContributionItemParameter item = new CommandContributionItemParameter(
                    PlatformUI.getWorkbench(), "com.pexper.ui.editor.recent." + number,
                    "com.pexper.ui.editor.openWorkflow", CommandContributionItem.STYLE_PUSH);
            item.label = "&" + number + " " + file.getFileName() + "  (" + file.getParent() + ")";
            item.parameters = Map.of(OpenWorkflowHandler.PATH_PARAMETER, file.toString());
            item.tooltip = file.toString();
            items.add(new CommandContributionItem(item));
            number++;
        }
        return items.toArray(IContributionItem[]::new);
    }
}
