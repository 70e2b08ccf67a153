package com.pexper.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.runtime.Platform;
import org.eclipse.jface.action.IContributionItem;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.branding.IProductConstants;
import org.junit.jupiter.api.Test;

import com.pexper.ui.internal.NodeTypesView;
import com.pexper.ui.internal.PexperPerspective;

/** Runs inside the Pexper workbench (the UI harness starts the product's application). */
class WorkbenchTest {

    private static IWorkbenchWindow window() {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        assertNotNull(window, "a workbench window is open");
        return window;
    }

    @Test
    void theWindowIsTitledPexperAndOpensInThePexperPerspective() {
        Shell shell = window().getShell();
        assertTrue(shell.getText().startsWith("Pexper"), shell.getText());
        assertEquals(PexperPerspective.ID, window().getActivePage().getPerspective().getId());
        assertEquals("Pexper", Platform.getProduct().getName());
    }

    @Test
    void theNodeTypesViewShowsEveryInstalledNodeByCategory() {
        IViewPart view = window().getActivePage().findView(NodeTypesView.ID);
        assertNotNull(view, "the perspective opens the Node Types view");
        assertTrue(view instanceof NodeTypesView);
        Tree tree = findTree(window().getShell());
        List<String> categories = Arrays.stream(tree.getItems()).map(TreeItem::getText).toList();
        assertTrue(categories.containsAll(List.of("Files", "Input", "Output", "Text")), categories.toString());
        List<String> texts = new ArrayList<>();
        for (TreeItem category : tree.getItems()) {
            for (TreeItem type : category.getItems()) {
                texts.add(type.getText());
            }
        }
        assertTrue(texts.contains("Text template"), texts.toString());
        assertTrue(texts.contains("List folder"), texts.toString());
    }

    @Test
    void helpHasAnAboutDialogWithThePexperStory() {
        Menu bar = window().getShell().getMenuBar();
        MenuItem help = Arrays.stream(bar.getItems()).filter(i -> i.getText().replace("&", "").equals("Help"))
                .findFirst().orElseThrow();
        MenuManager manager = (MenuManager) help.getData();
        List<String> ids = new ArrayList<>();
        for (IContributionItem item : manager.getItems()) {
            ids.add(item.getId());
        }
        assertTrue(ids.contains("about"), ids.toString());
        String about = Platform.getProduct().getProperty(IProductConstants.ABOUT_TEXT);
        assertTrue(about.startsWith("Pexper 0.1"), about);
        assertTrue(about.contains("stay on this computer"), about);
    }

    private static Tree findTree(org.eclipse.swt.widgets.Composite parent) {
        for (org.eclipse.swt.widgets.Control child : parent.getChildren()) {
            if (child instanceof Tree tree) {
                return tree;
            }
            if (child instanceof org.eclipse.swt.widgets.Composite composite) {
                Tree found = findTree(composite);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
