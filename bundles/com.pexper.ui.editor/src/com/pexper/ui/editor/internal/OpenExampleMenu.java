package com.pexper.ui.editor.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.action.IContributionItem;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.actions.CompoundContributionItem;
import org.eclipse.ui.menus.CommandContributionItem;
import org.eclipse.ui.menus.CommandContributionItemParameter;

/** File > Open Example: the examples that come with Pexper, each with what it does as its tooltip. */
public final class OpenExampleMenu extends CompoundContributionItem {

    @Override
    protected IContributionItem[] getContributionItems() {
        List<IContributionItem> items = new ArrayList<>();
        for (String name : Examples.names()) {
            CommandContributionItemParameter item = new CommandContributionItemParameter(PlatformUI.getWorkbench(),
                    "com.pexper.ui.editor.example." + name, "com.pexper.ui.editor.openExample",
                    CommandContributionItem.STYLE_PUSH);
            item.label = name.substring(0, name.length() - ".pexper".length());
            item.parameters = Map.of(OpenExampleHandler.NAME_PARAMETER, name);
            item.tooltip = Examples.description(name);
            items.add(new CommandContributionItem(item));
        }
        return items.toArray(IContributionItem[]::new);
    }
}
