package com.pexper.ui.internal;

import org.eclipse.jface.action.GroupMarker;
import org.eclipse.jface.action.ICoolBarManager;
import org.eclipse.jface.action.IContributionItem;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.action.ToolBarContributionItem;
import org.eclipse.jface.action.ToolBarManager;
import org.eclipse.swt.SWT;
import org.eclipse.ui.IWorkbenchActionConstants;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.actions.ActionFactory;
import org.eclipse.ui.actions.ActionFactory.IWorkbenchAction;
import org.eclipse.ui.actions.ContributionItemFactory;
import org.eclipse.ui.application.ActionBarAdvisor;
import org.eclipse.ui.application.IActionBarConfigurer;

/**
 * File, Edit, Window and Help menus and the toolbar. Their actions are the workbench's retargetable ones: the active
 * editor (the workflow editor) handles Undo, Delete and the like; New and Open come from the
 * editor's bundle.
 */
final class PexperActionBarAdvisor extends ActionBarAdvisor {

    private IWorkbenchAction save;
    private IWorkbenchAction saveAs;
    private IWorkbenchAction close;
    private IWorkbenchAction preferences;
    private IWorkbenchAction quit;
    private IWorkbenchAction undo;
    private IWorkbenchAction redo;
    private IWorkbenchAction cut;
    private IWorkbenchAction copy;
    private IWorkbenchAction paste;
    private IWorkbenchAction delete;
    private IWorkbenchAction selectAll;
    private IWorkbenchAction resetPerspective;
    private IWorkbenchAction about;
    private IContributionItem views;

    PexperActionBarAdvisor(IActionBarConfigurer configurer) {
        super(configurer);
    }

    @Override
    protected void makeActions(IWorkbenchWindow window) {
        save = register(ActionFactory.SAVE.create(window));
        saveAs = register(ActionFactory.SAVE_AS.create(window));
        close = register(ActionFactory.CLOSE.create(window));
        preferences = register(ActionFactory.PREFERENCES.create(window));
        quit = register(ActionFactory.QUIT.create(window));
        undo = register(ActionFactory.UNDO.create(window));
        redo = register(ActionFactory.REDO.create(window));
        cut = register(ActionFactory.CUT.create(window));
        copy = register(ActionFactory.COPY.create(window));
        paste = register(ActionFactory.PASTE.create(window));
        delete = register(ActionFactory.DELETE.create(window));
        selectAll = register(ActionFactory.SELECT_ALL.create(window));
        resetPerspective = register(ActionFactory.RESET_PERSPECTIVE.create(window));
        about = register(ActionFactory.ABOUT.create(window));
        views = ContributionItemFactory.VIEWS_SHORTLIST.create(window);
        // on the toolbar before any editor lends them its own ("Undo Move Node")
        undo.setToolTipText("Undo");
        redo.setToolTipText("Redo");
    }

    private IWorkbenchAction register(IWorkbenchAction action) {
        super.register(action);
        return action;
    }

    /** The id of the main toolbar, for other bundles' commands (locationURI toolbar:com.pexper.ui.toolbar). */
    static final String TOOLBAR = "com.pexper.ui.toolbar";

    /** New and Open (from the editor's bundle), Save, Undo, Redo, then what the editor adds (Arrange). */
    @Override
    protected void fillCoolBar(ICoolBarManager coolBar) {
        IToolBarManager toolbar = new ToolBarManager(SWT.FLAT | SWT.RIGHT);
        toolbar.add(new GroupMarker("file"));
        toolbar.add(save);
        toolbar.add(new Separator("edit"));
        toolbar.add(undo);
        toolbar.add(redo);
        toolbar.add(new Separator(IWorkbenchActionConstants.MB_ADDITIONS));
        coolBar.add(new ToolBarContributionItem(toolbar, TOOLBAR));
    }

    @Override
    protected void fillMenuBar(IMenuManager menuBar) {
        MenuManager file = new MenuManager("&File", IWorkbenchActionConstants.M_FILE);
        file.add(new Separator(IWorkbenchActionConstants.MB_ADDITIONS));
        file.add(new Separator());
        file.add(save);
        file.add(saveAs);
        file.add(close);
        file.add(new Separator());
        file.add(quit);
        MenuManager edit = new MenuManager("&Edit", IWorkbenchActionConstants.M_EDIT);
        edit.add(undo);
        edit.add(redo);
        edit.add(new Separator());
        edit.add(cut);
        edit.add(copy);
        edit.add(paste);
        edit.add(delete);
        edit.add(new Separator());
        edit.add(selectAll);
        edit.add(new Separator(IWorkbenchActionConstants.MB_ADDITIONS));
        // a view closed by mistake comes back here, as does the whole layout
        MenuManager window = new MenuManager("&Window", IWorkbenchActionConstants.M_WINDOW);
        MenuManager showView = new MenuManager("Show &View");
        showView.add(views);
        window.add(showView);
        window.add(resetPerspective);
        window.add(new Separator());
        window.add(preferences); // where Eclipse keeps it on Linux and Windows, and where the docs send people
        MenuManager help = new MenuManager("&Help", IWorkbenchActionConstants.M_HELP);
        help.add(new Separator(IWorkbenchActionConstants.MB_ADDITIONS));
        help.add(new Separator());
        help.add(about);
        menuBar.add(file);
        menuBar.add(edit);
        menuBar.add(new Separator(IWorkbenchActionConstants.MB_ADDITIONS));
        menuBar.add(window);
        menuBar.add(help);
    }
}
