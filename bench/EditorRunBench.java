import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

import com.pexper.core.cache.MemoryResultCache;
import com.pexper.core.cache.ResultCaches;
import com.pexper.core.engine.Engine;
import com.pexper.core.engine.Redactor;
import com.pexper.core.engine.RunRequest;
import com.pexper.core.engine.RunResult;
import com.pexper.core.engine.RunStatus;
import com.pexper.core.engine.ServiceDirectory;
import com.pexper.core.home.PexperHome;
import com.pexper.core.node.InMemoryNodeTypeRegistry;
import com.pexper.core.node.NodeType;
import com.pexper.core.runs.RunRecords;
import com.pexper.edit.WorkflowEditing;
import com.pexper.model.Workflow;
import com.pexper.ui.editor.internal.EditorRuns;
import com.pexper.ui.editor.internal.GraphCanvas;
import com.pexper.ui.editor.internal.NodeStates;
import com.pexper.ui.editor.internal.RepaintThrottle;
import com.pexper.ui.editor.internal.RunPrompts;
import com.pexper.ui.editor.internal.WorkbenchRuns;

/**
 * The run-from-the-editor benchmark of issue 14, section 5, on the product's jars: the engine
 * benchmark's 10,000-node workflow (EngineBench.layered) is run as the editor runs it (a Job, the
 * node states fed by the run's events, the canvas repainted as they come, fitted so that every
 * node is on screen) and, side by side, headless as `pexper run` does, each with an empty cache.
 * While the editor's run goes on, a thread posts an asyncExec every 10 ms; a stall is how late one
 * runs on the UI thread. Figures are medians of the measured repetitions after warm-up ones.
 */
public final class EditorRunBench {

    static final int WARMUP = 3;
    static final int MEASURED = 15;

    public static void main(String[] args) throws Exception {
        InMemoryNodeTypeRegistry registry = new InMemoryNodeTypeRegistry()
                .register(NodeType.of("bench.step", "1.0.0", "Step", "Bench", "", new EngineBench.Step()));
        Path folder = Files.createTempDirectory("pexper-run-bench");
        Workflow workflow = EngineBench.layered();
        PexperHome home = PexperHome.fromEnvironment();
        RunRecords records = RunRecords.open(folder.resolve("runs"));
        WorkbenchRuns workbench = new WorkbenchRuns(registry, ServiceDirectory.NONE, records, ResultCaches.in(home));
        Display display = new Display();
        Shell shell = new Shell(display);
        shell.setLayout(new FillLayout());
        shell.setSize(1280, 800);
        shell.open();
        System.out.printf(Locale.ROOT, "Run-from-editor benchmark: %d nodes, %d connections, window %dx%d, %d cores, %s%n",
                workflow.getNodes().size(), workflow.getConnections().size(), shell.getClientArea().width,
                shell.getClientArea().height, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));

        List<Double> headless = new ArrayList<>();
        List<Double> headlessEngine = new ArrayList<>();
        List<Double> listenedEngine = new ArrayList<>();
        List<Double> editorWall = new ArrayList<>();
        List<Double> editorEngine = new ArrayList<>();
        List<Double> stalls = new ArrayList<>();
        List<Double> startBlocks = new ArrayList<>();
        List<Double> toStart = new ArrayList<>();
        List<Double> fromFinish = new ArrayList<>();
        long[] paintsSeen = { 0 };
        try (Engine engine = Engine.builder(registry).scratchDirectory(folder.resolve("tmp")).runRecords(records)
                .build()) {
            for (int i = 0; i < WARMUP + MEASURED; i++) {
                // headless, as `pexper run` does: a copy of the workflow, an empty cache
                Workflow copy = EcoreUtil.copy(workflow);
                long start = System.nanoTime();
                RunResult result = engine.run(copy, RunRequest.builder().cache(new MemoryResultCache()).build());
                long headlessNanos = System.nanoTime() - start;
                check(result);
                double headlessOwn = result.finished().toEpochMilli() - result.started().toEpochMilli();
                // the same with the editor's listener and no window: what following the run costs the engine
                RunResult heard = engine.run(EcoreUtil.copy(workflow), RunRequest.builder().cache(new MemoryResultCache())
                        .listener(new NodeStates(Redactor.NONE, () -> {
                        })).build());
                check(heard);
                double heardOwn = heard.finished().toEpochMilli() - heard.started().toEpochMilli();

                // from the editor: a new editor each time, so that its cache is empty too
                WorkflowEditing editing = new WorkflowEditing(EcoreUtil.copy(workflow), registry, folder);
                GraphCanvas canvas = new GraphCanvas(shell, editing, message -> {
                });
                shell.layout(true, true);
                canvas.fitToWindow();
                NodeStates states = new NodeStates(Redactor.NONE, new RepaintThrottle(canvas, canvas::redrawRunStates, canvas::lastPaintNanos));
                canvas.showRunStates(states);
                canvas.addListener(org.eclipse.swt.SWT.Paint, e -> paintsSeen[0]++);
                // the editor as it is once open: every paint opening it causes is done
                settle(display, paintsSeen);
                EditorRuns runs = new EditorRuns(editing, () -> null, workbench, states, display, message -> {
                }, () -> {
                }, new RunPrompts(() -> shell));
                AtomicLong worst = new AtomicLong();
                AtomicBoolean probing = new AtomicBoolean(true);
                Thread probe = Thread.ofPlatform().daemon().start(() -> {
                    while (probing.get()) {
                        long posted = System.nanoTime();
                        display.asyncExec(() -> worst.accumulateAndGet(System.nanoTime() - posted, Math::max));
                        try {
                            Thread.sleep(10);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                });
                long pressed = System.nanoTime();
                long pressedAt = System.currentTimeMillis();
                runs.start(List.of());
                long returned = System.nanoTime();
                while (runs.isRunning()) {
                    if (!display.readAndDispatch()) {
                        display.sleep();
                    }
                }
                long ended = System.nanoTime();
                long endedAt = System.currentTimeMillis();
                probing.set(false);
                probe.join();
                check(runs.last());
                canvas.dispose();
                if (i >= WARMUP) {
                    headless.add(headlessNanos / 1e6);
                    headlessEngine.add(headlessOwn);
                    listenedEngine.add(heardOwn);
                    editorWall.add((ended - pressed) / 1e6);
                    editorEngine.add((runs.last().finished().toEpochMilli() - runs.last().started().toEpochMilli())
                            * 1.0);
                    stalls.add(worst.get() / 1e6);
                    System.out.printf(Locale.ROOT, "  run %d: headless %.0f ms, editor %.0f ms, stall %.1f ms%n",
                            i - WARMUP + 1, headlessNanos / 1e6, (ended - pressed) / 1e6, worst.get() / 1e6);
                    startBlocks.add((returned - pressed) / 1e6);
                    toStart.add((double) (runs.last().started().toEpochMilli() - pressedAt));
                    fromFinish.add((double) (endedAt - runs.last().finished().toEpochMilli()));
                }
            }
        }
        double h = median(headless);
        System.out.printf(Locale.ROOT, "%-66s %9s %12s %7s%n", "measurement (median of " + MEASURED + ")", "value",
                "target", "ratio");
        double own = median(headlessEngine);
        row("headless run (as pexper run), empty cache: the engine's own time", own, "", Double.NaN);
        row("  the same with the editor's listener, no window", median(listenedEngine), "", Double.NaN);
        row("run from the editor: the engine's own time", median(editorEngine), "<= 1.2x headless",
                median(editorEngine) / own / 1.2);
        row("headless run, from the call to its result (planning included)", h, "", Double.NaN);
        row("run from the editor, from Run pressed to the end shown", median(editorWall), "", Double.NaN);
        row("  what Run takes on the UI thread before it returns", median(startBlocks), "", Double.NaN);
        row("  from Run pressed to the engine's start (copy, Job, planning)", median(toStart), "", Double.NaN);
        row("  from the engine's end to the end shown in the editor", median(fromFinish), "", Double.NaN);
        row("longest UI-thread stall during the run (asyncExec every 10 ms)", median(stalls), "<= 50 ms",
                median(stalls) / 50);
        row("  worst of the " + MEASURED + " runs", Collections.max(stalls), "<= 50 ms", Collections.max(stalls) / 50);
        System.out.printf(Locale.ROOT, "(the editor's run to the headless one: engine %.2f, from press to end %.2f;"
                + " %d repaints in all the runs)%n", median(editorEngine) / own, median(editorWall) / h, paintsSeen[0]);
        display.dispose();
        System.exit(0);
    }

    static void check(RunResult result) {
        if (result == null || result.status() != RunStatus.SUCCEEDED) {
            throw new IllegalStateException("the benchmark run failed: " + (result == null ? "none" : result.status()));
        }
    }

    static void row(String what, double ms, String target, double ratio) {
        System.out.printf(Locale.ROOT, "%-66s %6.1f ms %12s %7s%n", what, ms, target,
                Double.isNaN(ratio) ? "" : String.format(Locale.ROOT, "%.2f", ratio));
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    /**
     * Runs the event loop until 1.5 s have passed without a paint: the editor as the user has it
     * before pressing Run, its scene kept as an image once it was still for a second.
     */
    static void settle(Display display, long[] paints) {
        long seen = -1;
        long quietSince = System.currentTimeMillis();
        while (System.currentTimeMillis() - quietSince < 1500) {
            if (paints[0] != seen) {
                seen = paints[0];
                quietSince = System.currentTimeMillis();
            }
            if (!display.readAndDispatch()) {
                display.timerExec(10, () -> {
                });
                display.sleep();
            }
        }
    }
}
