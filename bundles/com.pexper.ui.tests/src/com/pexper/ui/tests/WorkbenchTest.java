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
                assertNotNull(type.getImage(), type.getText() + " shows its ports' colours");
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

    /** The items of the Window menu as a user reads them (after checking the menu bar's menus). */
    private static List<String> windowMenuItems() {
        Menu bar = window().getShell().getMenuBar();
        List<MenuItem> shown = Arrays.stream(bar.getItems()).filter(i -> (i.getStyle() & org.eclipse.swt.SWT.SEPARATOR) == 0)
                .toList();
        List<String> menus = shown.stream().map(i -> i.getText().replace("&", "")).toList();
        assertEquals(List.of("File", "Edit", "Window", "Help"), menus);
        MenuManager windowMenu = (MenuManager) shown.get(menus.indexOf("Window")).getData();
        List<String> items = new ArrayList<>();
        for (IContributionItem item : windowMenu.getItems()) {
            items.add(item instanceof MenuManager sub ? sub.getMenuText().replace("&", "")
                    : item instanceof org.eclipse.jface.action.ActionContributionItem action
                            ? action.getAction().getText().replace("&", "") : item.getId());
        }
        return items;
    }

    @Test
    void thePreferencesAreInTheWindowMenu() {
        List<String> items = windowMenuItems();
        assertTrue(items.stream().anyMatch(i -> i != null && i.startsWith("Preferences")), items.toString());
    }

    @Test
    void aClosedViewComesBackFromTheWindowMenu() {
        List<String> items = windowMenuItems();
        assertTrue(items.contains("Show View"), items.toString());
        assertTrue(items.stream().anyMatch(i -> i != null && i.startsWith("Reset Perspective")), items.toString());
        window().getActivePage().hideView(window().getActivePage().findView(NodeTypesView.ID));
        assertEquals(null, window().getActivePage().findView(NodeTypesView.ID));
        window().getActivePage().resetPerspective();
        assertNotNull(window().getActivePage().findView(NodeTypesView.ID), "Reset Perspective brings it back");
    }

    @Test
    void theRepositorysSearchNarrowsTheTypesToThoseWhoseLabelIdOrDescriptionMatch() {
        Tree tree = findTree(window().getShell());
        org.eclipse.swt.widgets.Text search = findSearch(tree.getParent());
        search.setText("template");
        assertEquals(List.of("Text"), Arrays.stream(tree.getItems()).map(TreeItem::getText).toList());
        assertEquals(List.of("Text template"), Arrays.stream(tree.getItems()[0].getItems()).map(TreeItem::getText)
                .toList());
        search.setText("JSONPATH");
        assertEquals(List.of("JSON path"), Arrays.stream(tree.getItems()).flatMap(c -> Arrays.stream(c.getItems()))
                .map(TreeItem::getText).toList(), "the id matches too, in any case");
        search.setText("");
        assertTrue(tree.getItems().length >= 4, "all again");
    }

    private static org.eclipse.swt.widgets.Text findSearch(org.eclipse.swt.widgets.Composite parent) {
        for (org.eclipse.swt.widgets.Control child : parent.getChildren()) {
            if (child instanceof org.eclipse.swt.widgets.Text text) {
                return text;
            }
        }
        throw new AssertionError("no search field above the tree");
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
