package com.pexper.ui.preferences.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.preference.PreferencePage;
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
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import com.pexper.ai.AiClients;
import com.pexper.ai.AiException;
import com.pexper.ai.CallControl;
import com.pexper.ai.Capability;
import com.pexper.ai.ProviderDescriptor;
import com.pexper.ai.ProviderKind;
import com.pexper.ai.ProviderSettings;

/**
 * Window > Preferences > Pexper > Providers: each installed provider (plug-ins' included) with its
 * address, default models, timeouts and how many calls may run at once; checked as they are typed
 * (https:// for any host but this computer), saved to {@code settings/providers.json} as the
 * command line reads it, and in effect at once. Test Connection asks the provider for its models
 * with the values on the page, saved or not; Reset to Defaults puts a provider back to its own.
 */
public final class ProvidersPreferencePage extends PreferencePage implements IWorkbenchPreferencePage {

    /** The settings the page shows, by their key in providers.json, with their labels. */
    static final Map<String, String> FIELDS = new LinkedHashMap<>();
    static {
        FIELDS.put("baseUrl", "&Address:");
        FIELDS.put("defaultModel", "Default &model:");
        FIELDS.put("embeddingModel", "&Embedding model:");
        FIELDS.put("imageModel", "&Image model:");
        FIELDS.put("connectTimeoutSeconds", "&Connect timeout (s):");
        FIELDS.put("readTimeoutSeconds", "&Read timeout (s):");
        FIELDS.put("maxConcurrentRequests", "Calls at &once:");
        FIELDS.put("maxRetries", "Re&tries:");
    }

    private final ServiceTracker<AiClients, AiClients> tracker = new ServiceTracker<>(
            FrameworkUtil.getBundle(ProvidersPreferencePage.class).getBundleContext(), AiClients.class, null);
    private AiClients ai;
    private final List<ProviderDescriptor> providers = new ArrayList<>();
    /** The values on the page by provider id, for every provider shown or edited. */
    private final Map<String, Map<String, String>> values = new HashMap<>();
    private final Map<String, Text> fields = new LinkedHashMap<>();
    private Table table;
    private Label result;
    private Button test;
    private ProviderDescriptor selected;
    private boolean filling;

    @Override
    public void init(IWorkbench workbench) {
        tracker.open();
        ai = tracker.getService();
        setDescription("Where each AI provider is reached and how. Saved in PEXPER_HOME/settings/providers.json, which"
                + " the command line reads too.");
    }

    @Override
    protected Control createContents(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        page.setLayout(new GridLayout(2, false));
        table = new Table(page, SWT.BORDER | SWT.SINGLE | SWT.FULL_SELECTION);
        table.setHeaderVisible(true);
        GridData tableSize = new GridData(SWT.FILL, SWT.FILL, false, true);
        tableSize.widthHint = 240;
        tableSize.heightHint = 260;
        table.setLayoutData(tableSize);
        new TableColumn(table, SWT.LEFT).setText("Provider");
        new TableColumn(table, SWT.LEFT).setText("Runs");
        table.getColumn(0).setWidth(178);
        table.getColumn(1).setWidth(55);
        Composite form = new Composite(page, SWT.NONE);
        form.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        // texts across the form; numbers two to a row
        form.setLayout(new GridLayout(4, false));
        for (Map.Entry<String, String> field : FIELDS.entrySet()) {
            new Label(form, SWT.NONE).setText(field.getValue());
            Text text = new Text(form, SWT.BORDER);
            boolean number = field.getKey().endsWith("Seconds") || field.getKey().startsWith("max");
            GridData size = number ? new GridData(SWT.BEGINNING, SWT.CENTER, false, false)
                    : new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1);
            size.widthHint = number ? 50 : 240;
            text.setLayoutData(size);
            text.addListener(SWT.Modify, e -> edited(field.getKey(), text.getText()));
            fields.put(field.getKey(), text);
        }
        Composite buttons = new Composite(form, SWT.NONE);
        buttons.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 4, 1));
        GridLayout row = new GridLayout(2, false);
        row.marginWidth = 0;
        buttons.setLayout(row);
        test = new Button(buttons, SWT.PUSH);
        test.setText("Test Co&nnection");
        test.addListener(SWT.Selection, e -> testConnection());
        Button reset = new Button(buttons, SWT.PUSH);
        reset.setText("Reset to De&faults");
        reset.addListener(SWT.Selection, e -> resetSelected());
        result = new Label(form, SWT.WRAP);
        GridData resultSize = new GridData(SWT.FILL, SWT.TOP, true, false, 4, 1);
        resultSize.widthHint = 360;
        result.setLayoutData(resultSize);
        if (ai == null) {
            setErrorMessage("The AI providers are not installed in this Pexper.");
            return page;
        }
        providers.addAll(ai.registry().all());
        providers.sort((a, b) -> a.label().compareToIgnoreCase(b.label()));
        for (ProviderDescriptor descriptor : providers) {
            TableItem item = new TableItem(table, SWT.NONE);
            item.setText(new String[] { descriptor.label(), descriptor.kind() == ProviderKind.LOCAL ? "here" : "cloud" });
        }
        table.addListener(SWT.Selection, e -> select(providers.get(table.getSelectionIndex())));
        if (!providers.isEmpty()) {
            table.select(0);
            select(providers.get(0));
        }
        return page;
    }

    private Map<String, String> valuesOf(ProviderDescriptor descriptor) {
        return values.computeIfAbsent(descriptor.id(), id -> {
            try {
                return fromSettings(ai.settings(descriptor));
            } catch (AiException e) {
                return fromSettings(descriptor.settings());
            }
        });
    }

    private static Map<String, String> fromSettings(ProviderSettings settings) {
        Map<String, String> shown = new LinkedHashMap<>();
        shown.put("baseUrl", settings.baseUrl());
        shown.put("defaultModel", Objects.toString(settings.defaultModel(), ""));
        shown.put("embeddingModel", Objects.toString(settings.embeddingModel(), ""));
        shown.put("imageModel", Objects.toString(settings.imageModel(), ""));
        shown.put("connectTimeoutSeconds", seconds(settings.connectTimeout()));
        shown.put("readTimeoutSeconds", seconds(settings.readTimeout()));
        shown.put("maxConcurrentRequests", Integer.toString(settings.maxConcurrentRequests()));
        shown.put("maxRetries", Integer.toString(settings.maxRetries()));
        return shown;
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? Long.toString(millis / 1000) : Double.toString(millis / 1000.0);
    }

    /** What differs from the provider's own defaults: what providers.json keeps. */
    private static Map<String, String> changes(ProviderDescriptor descriptor, Map<String, String> shown) {
        Map<String, String> defaults = fromSettings(descriptor.settings());
        Map<String, String> changes = new LinkedHashMap<>();
        shown.forEach((key, value) -> {
            if (!value.strip().equals(defaults.get(key)) && !(value.isBlank() && defaults.get(key).isEmpty())) {
                changes.put(key, value.strip());
            }
        });
        return changes;
    }

    private void select(ProviderDescriptor descriptor) {
        selected = descriptor;
        filling = true;
        valuesOf(descriptor).forEach((key, value) -> fields.get(key).setText(value));
        filling = false;
        fields.get("imageModel").setEnabled(descriptor.can(Capability.IMAGE_GENERATION));
        fields.get("embeddingModel").setEnabled(descriptor.can(Capability.EMBEDDINGS));
        test.setEnabled(descriptor.can(Capability.MODEL_LISTING));
        result.setText(descriptor.description() == null ? "" : descriptor.description());
        check();
    }

    private void edited(String key, String value) {
        if (filling || selected == null) {
            return;
        }
        valuesOf(selected).put(key, value);
        check();
    }

    /** Every provider's values checked; the first problem is shown, naming its provider. */
    private boolean check() {
        for (ProviderDescriptor descriptor : providers) {
            Map<String, String> shown = values.get(descriptor.id());
            if (shown == null) {
                continue;
            }
            try {
                AiClients.checkedSettings(descriptor, changes(descriptor, shown));
            } catch (IllegalArgumentException e) {
                setErrorMessage(descriptor.label() + ": " + e.getMessage() + ".");
                setValid(false);
                return false;
            }
        }
        setErrorMessage(null);
        setValid(true);
        return true;
    }

    private void resetSelected() {
        values.put(selected.id(), fromSettings(selected.settings()));
        select(selected);
        result.setText(selected.label() + " is back to its own settings; Apply saves that.");
    }

    /** Asks for the models with the values on the page (not saved), in a job; the answer in words. */
    private void testConnection() {
        if (selected == null || !check()) {
            return;
        }
        ProviderDescriptor descriptor = selected;
        AiClients trial = AiClients.builder().registry(ai.registry()).credentials(ai.credentials()).gate(ai.gate())
                .settings(Map.of(descriptor.id(), changes(descriptor, valuesOf(descriptor)))).environment(System.getenv())
                .build();
        String where = valuesOf(descriptor).get("baseUrl");
        result.setText("Asking " + descriptor.label() + " at " + where + "...");
        test.setEnabled(false);
        Job job = Job.create("Testing " + descriptor.label(), monitor -> {
            String answer;
            long start = System.nanoTime();
            try {
                List<String> models = trial.provider(descriptor.id(), null).listModels(CallControl.NONE);
                answer = descriptor.label() + " answered at " + where + " in " + (System.nanoTime() - start) / 1_000_000
                        + " ms and offers " + (models.size() == 1 ? "1 model" : models.size() + " models")
                        + (models.isEmpty() ? "." : ": " + String.join(", ", models.subList(0, Math.min(5, models.size())))
                                + (models.size() > 5 ? ", ..." : "."));
            } catch (AiException e) {
                answer = e.getMessage();
            }
            String said = answer;
            table.getDisplay().asyncExec(() -> {
                if (!result.isDisposed()) {
                    result.setText(said);
                    result.getParent().layout(true, true);
                    test.setEnabled(selected != null && selected.can(Capability.MODEL_LISTING));
                }
            });
            return Status.OK_STATUS;
        });
        job.setSystem(true);
        job.schedule();
    }

    @Override
    protected void performDefaults() {
        resetSelected();
        super.performDefaults();
    }

    @Override
    public boolean performOk() {
        if (ai == null) {
            return true;
        }
        if (!check()) {
            return false;
        }
        for (ProviderDescriptor descriptor : providers) {
            Map<String, String> shown = values.get(descriptor.id());
            if (shown == null) {
                continue;
            }
            try {
                Map<String, String> changes = changes(descriptor, shown);
                ProviderSettings saved = ai.settings(descriptor);
                if (!AiClients.checkedSettings(descriptor, changes).equals(saved)) {
                    ai.changeSettings(descriptor.id(), changes);
                }
            } catch (IOException | IllegalArgumentException | AiException e) {
                setErrorMessage(descriptor.label() + ": not saved: " + e.getMessage());
                return false;
            }
        }
        return true;
    }

    @Override
    public void dispose() {
        tracker.close();
        super.dispose();
    }
}
