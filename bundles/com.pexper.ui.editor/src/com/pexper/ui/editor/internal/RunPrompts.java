package com.pexper.ui.editor.internal;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Supplier;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.dialogs.MessageDialogWithToggle;
import org.eclipse.swt.widgets.Shell;

import com.pexper.ai.AiClients;
import com.pexper.core.files.FileAccess;

/**
 * What the workbench asks before a run uses more than a workflow may by itself: folders outside
 * its own, a key whose provider's address changed. Each question defaults to no, since a workflow
 * may come from anyone, and says what yes would do.
 */
public final class RunPrompts {

    /** The user's answer to the folder question. */
    record FolderAnswer(boolean allowed, boolean remember) {
    }

    static final String ALLOW_FOLDERS_TITLE = "Allow Access to Folders?";
    static final String SEND_KEY_TITLE = "Send the Key to a New Address?";

    private final Supplier<Shell> shell;

    /** @param shell the window the questions belong to */
    public RunPrompts(Supplier<Shell> shell) {
        this.shell = shell;
    }

    /**
     * @param folder the workflow's own folder
     * @param nodes the nodes that were refused, by id
     * @param afterRun whether the run has happened (paths that came along connections) or is yet to
     */
    FolderAnswer allowFolders(String workflow, Path folder, List<FolderGrants.Grant> grants, List<String> nodes,
            boolean afterRun, boolean canRemember) {
        StringBuilder message = new StringBuilder();
        message.append(quoted(workflow)).append(" (in ").append(folder).append(")").append(afterRun
                ? " was refused files outside its own folder while it ran:\n\n"
                : " wants to use files outside its own folder:\n\n");
        for (FolderGrants.Grant grant : grants) {
            message.append(grant.mode() == FileAccess.Mode.WRITE ? "    read and write in " : "    read in ")
                    .append(grant.folder()).append('\n');
        }
        if (!nodes.isEmpty()) {
            message.append("\nNeeded by ").append(nodes.size() == 1 ? "node " : "nodes ")
                    .append(String.join(", ", nodes.stream().map(RunPrompts::quoted).toList())).append(".\n");
        }
        message.append("\n").append("A workflow may come from anyone: allow only folders you expect it to use. Pexper's own data"
                        + " folder (keys, settings) stays closed to it, whatever you allow.");
        String allow = afterRun ? "&Allow and Run Again" : "&Allow and Run";
        if (!canRemember) {
            // an untitled workflow has no file to remember the answer by
            message.append("\n\nAllowed, it stays allowed until this editor closes; saved, Pexper can remember it.");
            MessageDialog dialog = new MessageDialog(shell.get(), ALLOW_FOLDERS_TITLE, null, message.toString(),
                    MessageDialog.QUESTION, 1, allow, "&Don't Allow");
            return new FolderAnswer(dialog.open() == 0, false);
        }
        LinkedHashMap<String, Integer> buttons = new LinkedHashMap<>();
        buttons.put(allow, IDialogConstants.OK_ID);
        buttons.put("&Don't Allow", IDialogConstants.CANCEL_ID);
        MessageDialogWithToggle dialog = new MessageDialogWithToggle(shell.get(), ALLOW_FOLDERS_TITLE, null,
                message.toString(), MessageDialog.QUESTION, buttons, 1, "&Remember for this workflow", true);
        boolean allowed = dialog.open() == IDialogConstants.OK_ID;
        return new FolderAnswer(allowed, allowed && dialog.getToggleState());
    }

    /** As the engine's messages quote nodes: 'read'. */
    private static String quoted(String name) {
        return "'" + name + "'";
    }

    /** Whether the key may go to the provider's new address from now on. */
    boolean allowKey(AiClients.OriginChange change) {
        String message = "The provider " + quoted(change.providerId()) + " now sends to " + change.origin()
                + ", but the key " + quoted(change.keyName()) + " was stored for " + String.join(" and ", change.allowed())
                + ".\n\nThe address comes from Pexper's settings (settings/providers.json). If you did not change it,"
                + " someone or something else did, and the key would go to them.\n\nSend the key "
                + quoted(change.keyName()) + " to " + change.origin() + " from now on? Until you do, the nodes that use"
                + " it fail without sending anything (the same as pexper keys allow " + change.keyName() + " "
                + change.origin() + ").";
        MessageDialog dialog = new MessageDialog(shell.get(), SEND_KEY_TITLE, null, message, MessageDialog.WARNING, 1,
                "&Send It There", "&Don't Send");
        return dialog.open() == 0;
    }
}
