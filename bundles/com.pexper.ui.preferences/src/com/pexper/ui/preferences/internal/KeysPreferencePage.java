package com.pexper.ui.preferences.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import com.pexper.ai.AiClients;
import com.pexper.ai.AiException;
import com.pexper.ai.CallControl;
import com.pexper.ai.Capability;
import com.pexper.ai.ProviderDescriptor;
import com.pexper.ai.keys.CredentialStore;
import com.pexper.ui.preferences.keys.AddKeyDialog;

/**
 * Window > Preferences > Pexper > Keys: the stored keys by name, with their provider, where each may
 * be sent and whether an environment variable overrides it; Add, Replace and Remove, and Test, one
 * cheap authenticated request (the provider's model list) through the gate, its result in words. A
 * key is typed once, into a hidden field, and never shown, copied or logged again.
 */
public final class KeysPreferencePage extends PreferencePage implements IWorkbenchPreferencePage {

    private final ServiceTracker<AiClients, AiClients> tracker = new ServiceTracker<>(
            FrameworkUtil.getBundle(KeysPreferencePage.class).getBundleContext(), AiClients.class, null);
    private AiClients ai;
    private Table table;
    /** The stored key of each row, or null for a key from the environment. */
    private final List<CredentialStore.StoredKey> rows = new ArrayList<>();
    private Button replace;
    private Button remove;
    private Button test;
    private Label result;

    @Override
    public void init(IWorkbench workbench) {
        noDefaultAndApplyButton();
        tracker.open();
        ai = tracker.getService();
        setDescription("API keys for the AI providers, kept in Pexper's secure storage. Each is sent only to the"
                + " address of its provider, and is never shown again.");
    }

    @Override
    protected Control createContents(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        page.setLayout(new GridLayout(2, false));
        table = new Table(page, SWT.BORDER | SWT.SINGLE | SWT.FULL_SELECTION);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        GridData tableSize = new GridData(SWT.FILL, SWT.FILL, true, true);
        tableSize.heightHint = 220;
        tableSize.widthHint = 520;
        table.setLayoutData(tableSize);
        for (String[] column : new String[][] { { "Name", "115" }, { "Provider", "190" }, { "Sent only to", "170" },
                { "Note", "140" } }) {
            TableColumn c = new TableColumn(table, SWT.LEFT);
            c.setText(column[0]);
            c.setWidth(Integer.parseInt(column[1]));
        }
        Composite buttons = new Composite(page, SWT.NONE);
        buttons.setLayoutData(new GridData(SWT.FILL, SWT.TOP, false, false));
        GridLayout column = new GridLayout(1, true);
        column.marginWidth = 0;
        column.marginHeight = 0;
        buttons.setLayout(column);
        button(buttons, "&Add...", this::add);
        replace = button(buttons, "&Replace...", this::replace);
        remove = button(buttons, "Re&move", this::remove);
        test = button(buttons, "&Test", this::test);
        result = new Label(page, SWT.WRAP);
        GridData wide = new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1);
        wide.widthHint = 520;
        result.setLayoutData(wide);
        table.addListener(SWT.Selection, e -> updateButtons());
        table.addListener(SWT.DefaultSelection, e -> test());
        if (ai == null) {
            setErrorMessage("The AI providers are not installed in this Pexper: there are no keys to keep.");
        }
        refresh(null);
        return page;
    }

    private static Button button(Composite parent, String text, Runnable action) {
        Button button = new Button(parent, SWT.PUSH);
        button.setText(text);
        button.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        button.addListener(SWT.Selection, e -> action.run());
        return button;
    }

    /** Fills the table again, selecting the key named {@code select} (or nothing). */
    private void refresh(String select) {
        table.removeAll();
        rows.clear();
        if (ai == null) {
            updateButtons();
            return;
        }
        try {
            for (CredentialStore.StoredKey key : ai.credentials().list()) {
                TableItem item = new TableItem(table, SWT.NONE);
                Optional<ProviderDescriptor> provider = ai.registry().find(key.provider());
                item.setText(new String[] { key.name(), provider.map(ProviderDescriptor::label).orElse(
                        key.provider().isEmpty() ? "-" : key.provider()), sentTo(key, provider), note(key, provider) });
                rows.add(key);
                if (key.name().equals(select)) {
                    table.setSelection(item);
                }
            }
            for (ProviderDescriptor descriptor : ai.registry().all()) {
                if (ai.keySource(descriptor, null) == AiClients.KeySource.ENVIRONMENT) {
                    TableItem item = new TableItem(table, SWT.NONE);
                    item.setText(new String[] { descriptor.credential().environmentVariable(), descriptor.label(),
                            AiClients.builtInOrigin(descriptor), "from the environment" });
                    item.setForeground(table.getDisplay().getSystemColor(SWT.COLOR_WIDGET_DARK_SHADOW));
                    rows.add(null);
                }
            }
        } catch (IOException e) {
            setErrorMessage("The stored keys cannot be read: " + e.getMessage());
        }
        if (rows.isEmpty()) {
            result.setText("No keys yet. Add one for each provider you use; `pexper keys set NAME` does the same.");
        }
        updateButtons();
    }

    private static String sentTo(CredentialStore.StoredKey key, Optional<ProviderDescriptor> provider) {
        if (key.problem() != null) {
            return "nowhere (see the note)";
        }
        if (!key.origins().isEmpty()) {
            return String.join(", ", key.origins());
        }
        return provider.map(AiClients::builtInOrigin).orElse("a provider's built-in address");
    }

    private String note(CredentialStore.StoredKey key, Optional<ProviderDescriptor> provider) {
        if (key.problem() != null) {
            return key.problem();
        }
        if (provider.isEmpty()) {
            return key.provider().isEmpty() ? "" : "provider not installed";
        }
        try {
            ProviderDescriptor descriptor = provider.get();
            if (key.name().equals(descriptor.credential().defaultName())
                    && ai.keySource(descriptor, key.name()) == AiClients.KeySource.ENVIRONMENT) {
                return descriptor.credential().environmentVariable() + " overrides it";
            }
        } catch (IOException e) {
            return "";
        }
        return "";
    }

    private CredentialStore.StoredKey selected() {
        int index = table.getSelectionIndex();
        return index < 0 || index >= rows.size() ? null : rows.get(index);
    }

    private void updateButtons() {
        CredentialStore.StoredKey key = selected();
        replace.setEnabled(key != null);
        remove.setEnabled(key != null);
        test.setEnabled(key != null && !key.provider().isEmpty() && ai.registry().find(key.provider()).isPresent());
    }

    private void add() {
        try {
            AddKeyDialog dialog = new AddKeyDialog(getShell(), ai, null, AddKeyDialog.names(ai.credentials()));
            if (dialog.open() == Window.OK) {
                result.setText("Stored the key '" + dialog.stored() + "'. Test sends one request to see that it works.");
                refresh(dialog.stored());
            }
        } catch (IOException e) {
            setErrorMessage("The stored keys cannot be read: " + e.getMessage());
        }
    }

    private void replace() {
        CredentialStore.StoredKey key = selected();
        try {
            AddKeyDialog dialog = new AddKeyDialog(getShell(), ai, key.provider(), AddKeyDialog.names(ai.credentials()),
                    key.name());
            if (dialog.open() == Window.OK) {
                result.setText("Replaced the key '" + key.name() + "'.");
                refresh(key.name());
            }
        } catch (IOException e) {
            setErrorMessage("The stored keys cannot be read: " + e.getMessage());
        }
    }

    private void remove() {
        CredentialStore.StoredKey key = selected();
        if (!MessageDialog.openQuestion(getShell(), "Remove Key", "Remove the key '" + key.name() + "' from secure"
                + " storage? Workflows that name it will ask for a key again.")) {
            return;
        }
        try {
            ai.credentials().remove(key.name());
            result.setText("Removed the key '" + key.name() + "'.");
        } catch (IOException e) {
            setErrorMessage("The key could not be removed: " + e.getMessage());
        }
        refresh(null);
    }

    /** One request in a job, so that the window stays responsive; the answer comes back in words. */
    private void test() {
        CredentialStore.StoredKey key = selected();
        if (key == null || !test.isEnabled()) {
            return;
        }
        ProviderDescriptor descriptor = ai.registry().find(key.provider()).orElseThrow();
        result.setText("Testing the key '" + key.name() + "' with " + descriptor.label() + "...");
        test.setEnabled(false);
        AiClients clients = ai;
        Job job = Job.create("Testing the key '" + key.name() + "'", monitor -> {
            String answer = testOnce(clients, descriptor, key.name());
            table.getDisplay().asyncExec(() -> {
                if (!result.isDisposed()) {
                    result.setText(answer);
                    result.getParent().layout(true, true);
                    updateButtons();
                }
            });
            return Status.OK_STATUS;
        });
        job.setSystem(true);
        job.schedule();
    }

    /** What a user is told; the provider's error messages never carry the key. */
    static String testOnce(AiClients ai, ProviderDescriptor descriptor, String keyName) {
        if (!descriptor.can(Capability.MODEL_LISTING)) {
            return descriptor.label() + " has no request cheap enough to test a key with; run a small prompt instead.";
        }
        long start = System.nanoTime();
        try {
            List<String> models = ai.provider(descriptor.id(), keyName).listModels(CallControl.NONE);
            long millis = (System.nanoTime() - start) / 1_000_000;
            return "The key '" + keyName + "' works: " + descriptor.label() + " answered in " + millis + " ms and offers "
                    + (models.size() == 1 ? "1 model" : models.size() + " models") + ".";
        } catch (AiException e) {
            return "The key '" + keyName + "' did not work: " + e.getMessage();
        } catch (RuntimeException e) {
            return "The test failed: " + e.getMessage();
        }
    }

    @Override
    public void dispose() {
        tracker.close();
        super.dispose();
    }
}
