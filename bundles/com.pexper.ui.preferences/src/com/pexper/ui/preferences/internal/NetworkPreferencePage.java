package com.pexper.ui.preferences.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import com.pexper.core.home.PexperHome;
import com.pexper.net.LedgerEntry;
import com.pexper.net.NetworkChoices;
import com.pexper.net.NetworkChoices.ProxyMode;
import com.pexper.net.NetworkGate;

/**
 * Window > Preferences > Pexper > Network (network and privacy): local-only mode, the proxy (the system's,
 * none, or one given here), both written to {@code settings/network.json} and followed by the gate
 * at the next request; and the privacy ledger as a table, newest first, with a filter and an
 * export to CSV. The ledger is read in a job: it can hold tens of thousands of requests.
 */
public final class NetworkPreferencePage extends PreferencePage implements IWorkbenchPreferencePage {

    static final String[] COLUMNS = { "Time", "Provider", "Host", "Method", "Path", "Sent", "Received", "Status" };

    private final ServiceTracker<NetworkGate, NetworkGate> tracker = new ServiceTracker<>(
            FrameworkUtil.getBundle(NetworkPreferencePage.class).getBundleContext(), NetworkGate.class, null);
    private final Path file = PexperHome.fromEnvironment().settings().resolve("network.json");
    private final boolean localOnlyByEnvironment = NetworkChoices.localOnlyByEnvironment(System.getenv());
    private NetworkChoices choices = NetworkChoices.DEFAULT;
    private Button localOnly;
    private final Map<ProxyMode, Button> proxies = new EnumMap<>(ProxyMode.class);
    private Text host;
    private Text port;
    private Text filter;
    private Table ledger;
    private Label count;
    private List<LedgerEntry> entries = List.of();

    @Override
    public void init(IWorkbench workbench) {
        tracker.open();
        setDescription("Pexper's only traffic is the call to the provider you chose, through one gate that writes"
                + " every request, sent or refused, to the privacy ledger below (never its content).");
        try {
            choices = NetworkChoices.read(file);
        } catch (IOException e) {
            setErrorMessage(e.getMessage() + ". Local-only mode is on until this is saved.");
            choices = new NetworkChoices(true, ProxyMode.SYSTEM, null, 0);
        }
    }

    @Override
    protected Control createContents(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        page.setLayout(new GridLayout(1, false));
        localOnly = new Button(page, SWT.CHECK);
        localOnly.setText("&Local-only mode: refuse every request that would leave this computer");
        localOnly.setSelection(choices.localOnly() || localOnlyByEnvironment);
        localOnly.setEnabled(!localOnlyByEnvironment);
        note(page, localOnlyByEnvironment ? "On because PEXPER_LOCAL_ONLY is set in the environment."
                : "Ollama, LM Studio and other servers on this computer still work; cloud providers and model downloads"
                        + " are refused, and each refusal is in the ledger.");

        Group proxy = new Group(page, SWT.NONE);
        proxy.setText("Proxy");
        proxy.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        proxy.setLayout(new GridLayout(5, false));
        radio(proxy, ProxyMode.SYSTEM, "&System's (https_proxy, no_proxy)");
        radio(proxy, ProxyMode.NONE, "&None");
        radio(proxy, ProxyMode.MANUAL, "&Manual:");
        host = new Text(proxy, SWT.BORDER);
        host.setMessage("proxy.example.org");
        GridData hostSize = new GridData(SWT.FILL, SWT.CENTER, true, false);
        hostSize.widthHint = 160;
        host.setLayoutData(hostSize);
        port = new Text(proxy, SWT.BORDER);
        port.setMessage("3128");
        GridData portSize = new GridData();
        portSize.widthHint = 60;
        port.setLayoutData(portSize);
        if (choices.proxy() == ProxyMode.MANUAL) {
            host.setText(choices.proxyHost());
            port.setText(Integer.toString(choices.proxyPort()));
        }
        host.addListener(SWT.Modify, e -> validate());
        port.addListener(SWT.Modify, e -> validate());

        Label title = new Label(page, SWT.NONE);
        title.setText("Privacy ledger");
        GridData spaced = new GridData();
        spaced.verticalIndent = 8;
        title.setLayoutData(spaced);
        Composite bar = new Composite(page, SWT.NONE);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        GridLayout barLayout = new GridLayout(4, false);
        barLayout.marginWidth = 0;
        bar.setLayout(barLayout);
        filter = new Text(bar, SWT.BORDER | SWT.SEARCH | SWT.ICON_SEARCH);
        filter.setMessage("Filter: provider, host, path or status");
        filter.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        filter.addListener(SWT.Modify, e -> show());
        count = new Label(bar, SWT.NONE);
        count.setLayoutData(new GridData(SWT.END, SWT.CENTER, false, false));
        button(bar, "&Refresh", this::load);
        button(bar, "&Export...", this::export);
        ledger = new Table(page, SWT.BORDER | SWT.FULL_SELECTION | SWT.VIRTUAL);
        ledger.setHeaderVisible(true);
        ledger.setLinesVisible(true);
        GridData tableSize = new GridData(SWT.FILL, SWT.FILL, true, true);
        tableSize.heightHint = 200;
        tableSize.widthHint = 600;
        ledger.setLayoutData(tableSize);
        // wide enough for what each column usually holds, in this font at this scale
        String[] typical = { "2026-12-04 20:10:22", "anthropic", "api.openai.com", "POST", "/v1/models", "99.9 KB",
                "99.9 KB", "refused: local-only mode is on" };
        GC gc = new GC(ledger);
        try {
            for (int i = 0; i < COLUMNS.length; i++) {
                TableColumn column = new TableColumn(ledger, i >= 5 && i <= 6 ? SWT.RIGHT : SWT.LEFT);
                column.setText(COLUMNS[i]);
                column.setWidth(Math.max(gc.textExtent(typical[i]).x, gc.textExtent(COLUMNS[i]).x) + 18);
            }
        } finally {
            gc.dispose();
        }
        ledger.addListener(SWT.SetData, e -> {
            TableItem item = (TableItem) e.item;
            item.setText(row(shown.get(ledger.indexOf(item))));
        });
        updateProxyFields();
        load();
        return page;
    }

    private static void note(Composite parent, String text) {
        Label note = new Label(parent, SWT.WRAP);
        note.setText(text);
        GridData indented = new GridData(SWT.FILL, SWT.TOP, true, false);
        indented.horizontalIndent = 22;
        indented.widthHint = 560;
        note.setLayoutData(indented);
        note.setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_WIDGET_DARK_SHADOW));
    }

    private void radio(Composite parent, ProxyMode mode, String text) {
        Button radio = new Button(parent, SWT.RADIO);
        radio.setText(text);
        radio.setSelection(choices.proxy() == mode);
        radio.addListener(SWT.Selection, e -> updateProxyFields());
        proxies.put(mode, radio);
    }

    private static void button(Composite parent, String text, Runnable action) {
        Button button = new Button(parent, SWT.PUSH);
        button.setText(text);
        button.addListener(SWT.Selection, e -> action.run());
    }

    private ProxyMode proxyMode() {
        return proxies.entrySet().stream().filter(e -> e.getValue().getSelection()).map(Map.Entry::getKey).findFirst()
                .orElse(ProxyMode.SYSTEM);
    }

    private void updateProxyFields() {
        boolean manual = proxyMode() == ProxyMode.MANUAL;
        host.setEnabled(manual);
        port.setEnabled(manual);
        validate();
    }

    /** The choices on the page, or null with the error shown when they cannot be saved. */
    private NetworkChoices chosen() {
        try {
            int p = 0;
            if (proxyMode() == ProxyMode.MANUAL) {
                try {
                    p = Integer.parseInt(port.getText().strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("a manual proxy needs a port from 1 to 65535, such as 3128");
                }
            }
            // with the environment's variable the box is on and disabled: the file keeps what it said
            boolean local = localOnlyByEnvironment ? choices.localOnly() : localOnly.getSelection();
            NetworkChoices c = new NetworkChoices(local, proxyMode(), host.getText(), p);
            setErrorMessage(null);
            setValid(true);
            return c;
        } catch (IllegalArgumentException e) {
            setErrorMessage("Proxy: " + e.getMessage() + ".");
            setValid(false);
            return null;
        }
    }

    private void validate() {
        chosen();
    }

    @Override
    protected void performDefaults() {
        localOnly.setSelection(localOnlyByEnvironment);
        proxies.forEach((mode, radio) -> radio.setSelection(mode == ProxyMode.SYSTEM));
        updateProxyFields();
        super.performDefaults();
    }

    @Override
    protected void performApply() {
        performOk();
    }

    @Override
    public boolean performOk() {
        NetworkChoices c = chosen();
        if (c == null) {
            return false;
        }
        try {
            c.write(file);
            choices = c;
        } catch (IOException e) {
            setErrorMessage("Not saved: " + e.getMessage());
            return false;
        }
        return true;
    }

    // --------------------------------------------------------------------------------- the ledger

    private List<LedgerEntry> shown = List.of();

    /** Reads the ledger in a job and shows it, newest first. */
    private void load() {
        NetworkGate gate = tracker.getService();
        if (gate == null) {
            count.setText("The network gate is not installed.");
            return;
        }
        count.setText("Reading...");
        Job job = Job.create("Reading the privacy ledger", monitor -> {
            List<LedgerEntry> read;
            try {
                read = new ArrayList<>(gate.ledger().read(Instant.EPOCH));
            } catch (IOException e) {
                ledger.getDisplay().asyncExec(() -> {
                    if (!ledger.isDisposed()) {
                        count.setText("The ledger cannot be read: " + e.getMessage());
                    }
                });
                return Status.OK_STATUS;
            }
            java.util.Collections.reverse(read);
            ledger.getDisplay().asyncExec(() -> {
                if (!ledger.isDisposed()) {
                    entries = read;
                    show();
                }
            });
            return Status.OK_STATUS;
        });
        job.setSystem(true);
        job.schedule();
    }

    private void show() {
        String[] words = filter.getText().toLowerCase(Locale.ROOT).split("\\s+");
        shown = entries.stream().filter(e -> {
            String text = String.join(" ", row(e)).toLowerCase(Locale.ROOT) + " " + e.outcome().toLowerCase(Locale.ROOT);
            for (String word : words) {
                if (!word.isEmpty() && !text.contains(word)) {
                    return false;
                }
            }
            return true;
        }).toList();
        ledger.clearAll();
        ledger.setItemCount(shown.size());
        count.setText(shown.size() == entries.size() ? requests(entries.size())
                : shown.size() + " of " + requests(entries.size()));
        count.getParent().layout(true);
    }

    private static String requests(int n) {
        return n == 1 ? "1 request" : n + " requests";
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    static String[] row(LedgerEntry e) {
        boolean usual = e.port() == 443 || e.port() == 80 || e.port() == 0;
        // a refusal's first clause ("refused: local-only mode is on"); the filter and the export have all of it
        String status = e.status() > 0 ? Integer.toString(e.status()) : e.outcome().split("[,.;(]", 2)[0].strip();
        return new String[] { TIME.format(e.time()), e.provider(), e.host() + (usual ? "" : ":" + e.port()), e.method(),
                e.path(), bytes(e.bytesOut()), bytes(e.bytesIn()), status };
    }

    private static String bytes(long n) {
        return n < 1024 ? n + " B" : n < 1 << 20 ? String.format(Locale.ROOT, "%.1f KB", n / 1024.0)
                : String.format(Locale.ROOT, "%.1f MB", n / 1048576.0);
    }

    private void export() {
        FileDialog dialog = new FileDialog(getShell(), SWT.SAVE);
        dialog.setFileName("privacy-ledger.csv");
        dialog.setFilterExtensions(new String[] { "*.csv" });
        dialog.setOverwrite(true);
        String chosen = dialog.open();
        if (chosen != null) {
            try {
                exportTo(Path.of(chosen));
            } catch (IOException e) {
                setErrorMessage("Not exported: " + e.getMessage());
            }
        }
    }

    /** The requests shown now (the filter applies), one CSV line each, with a header line. */
    public void exportTo(Path target) throws IOException {
        StringBuilder csv = new StringBuilder("time,provider,host,port,method,path,status,outcome,bytes_sent,bytes_received,"
                + "duration_ms\n");
        for (LedgerEntry e : shown) {
            csv.append(String.join(",", List.of(e.time().toString(), cell(e.provider()), cell(e.host()),
                    Integer.toString(e.port()), cell(e.method()), cell(e.path()), Integer.toString(e.status()),
                    cell(e.outcome()), Long.toString(e.bytesOut()), Long.toString(e.bytesIn()),
                    Long.toString(e.durationMillis())))).append('\n');
        }
        Files.writeString(target, csv, StandardCharsets.UTF_8);
    }

    private static String cell(String text) {
        String t = text == null ? "" : text;
        return t.matches("[^,\"\\n\\r]*") ? t : "\"" + t.replace("\"", "\"\"") + "\"";
    }

    @Override
    public void dispose() {
        tracker.close();
        super.dispose();
    }
}
