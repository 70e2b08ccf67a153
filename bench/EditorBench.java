import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;

import com.pexper.core.data.DataType;
import com.pexper.core.data.TextValue;
import com.pexper.core.node.InMemoryNodeTypeRegistry;
import com.pexper.core.node.NodeExecutor;
import com.pexper.core.node.NodeFactory;
import com.pexper.core.node.NodeSignature;
import com.pexper.core.node.NodeType;
import com.pexper.core.node.Outputs;
import com.pexper.core.node.ParameterSpec;
import com.pexper.core.node.ParameterType;
import com.pexper.core.node.Parameters;
import com.pexper.core.node.PortSpec;
import com.pexper.edit.WorkflowEditing;
import com.pexper.model.Node;
import com.pexper.model.Workflow;
import com.pexper.model.WorkflowFactory;
import com.pexper.model.build.WorkflowBuilder;
import com.pexper.model.io.WorkflowFiles;
import com.pexper.ui.editor.internal.GraphCanvas;

/**
 * The editor benchmark of issue 13, section 5, on the product's jars: a generated workflow of 1,000
 * nodes (40 layers of 25, each node taking two inputs from the layer before, laid out in columns)
 * is opened from its file and painted for the first time in a 1280x800 window; then frames are
 * timed while the view pans (wheel and Shift+wheel) and zooms (Ctrl+wheel), at 100 % and zoomed
 * out so that all of it is on screen. A frame is the time from the wheel event to the end of the
 * paint it causes, through the event loop as the workbench runs it; the figures are medians and
 * 99th percentiles. Run by bench/editor.sh under Xvfb.
 */
public final class EditorBench {

    static final int LAYERS = 40;
    static final int WIDTH = 25;
    static final int OPENS = 11;
    static final int FRAMES = 400;

    /** A node with two text inputs, one output and one setting: the shape most nodes have. */
    static final class Step implements NodeFactory {
        @Override
        public NodeSignature signature() {
            return NodeSignature.builder()
                    .input(PortSpec.optional("first", DataType.TEXT, ""))
                    .input(PortSpec.optional("second", DataType.TEXT, ""))
                    .output(PortSpec.output("text", DataType.TEXT, ""))
                    .parameter(ParameterSpec.of("salt", ParameterType.INTEGER).defaultValue(0L))
                    .build();
        }

        @Override
        public NodeExecutor configure(Parameters parameters) {
            return (inputs, context) -> Outputs.of("text", TextValue.of("x"));
        }
    }

    public static void main(String[] args) throws Exception {
        InMemoryNodeTypeRegistry registry = new InMemoryNodeTypeRegistry()
                .register(NodeType.of("bench.step", "1.0.0", "Step", "Bench", "", new Step()));
        Path folder = Files.createTempDirectory("pexper-editor-bench");
        Path file = folder.resolve("thousand.pexper");
        WorkflowFiles.save(layered(), file);
        Display display = new Display();
        Shell shell = window(display);
        System.out.printf(Locale.ROOT, "Editor benchmark: %d nodes (%d layers x %d), %d connections, window %dx%d,"
                + " %d cores, %s%n", LAYERS * WIDTH, LAYERS, WIDTH, (LAYERS - 1) * WIDTH * 2,
                shell.getClientArea().width, shell.getClientArea().height, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));

        List<Double> opens = new ArrayList<>();
        GraphCanvas canvas = null;
        for (int i = 0; i < OPENS; i++) {
            if (canvas != null) {
                canvas.dispose();
                settle(display);
            }
            long start = System.nanoTime();
            Workflow workflow = WorkflowFiles.load(file);
            WorkflowEditing editing = new WorkflowEditing(workflow, registry, folder);
            canvas = new GraphCanvas(shell, editing, message -> {
            });
            long[] painted = paints(canvas);
            shell.layout(true, true);
            canvas.fitToWindow();
            // the first paint: every node measured, validated and drawn
            opens.add((untilPainted(display, painted) - start) / 1e6);
        }
        System.out.printf(Locale.ROOT, "%-62s %9s %10s %7s%n", "measurement", "value", "target", "ratio");
        row("open + first paint, first time in this JVM", opens.get(0), 1000);
        row("open + first paint (median of the next " + (OPENS - 1) + ")", median(opens.subList(1, OPENS)), 1000);

        canvas.zoomTo(1.0);
        frames(display, canvas, "pan at 100 % (wheel, Shift+wheel)", SWT.NONE);
        frames(display, canvas, "zoom at 100 % and around it (Ctrl+wheel)", SWT.MOD1);
        canvas.zoomTo(0.5);
        frames(display, canvas, "pan at 50 % (titles only, ~170 nodes on screen)", SWT.NONE);
        canvas.fitToWindow();
        System.out.printf(Locale.ROOT, "(fitted: zoom %.2f, all %d nodes on screen)%n", canvas.zoom(), LAYERS * WIDTH);
        frames(display, canvas, "pan with all of it on screen", SWT.NONE);
        frames(display, canvas, "zoom with all of it on screen", SWT.MOD1);
        display.dispose();
    }

    /**
     * Times FRAMES wheel steps (alternating direction, so that the view stays put): how long the
     * canvas takes to draw the frame (into an image, the whole canvas, as its double buffer
     * would), and how long from the wheel event until that frame is painted on the window through
     * the event loop, which waits for GTK's frame clock (60 per second) as the workbench does.
     */
    static void frames(Display display, GraphCanvas canvas, String what, int modifiers) {
        List<Double> times = new ArrayList<>();
        List<Double> draws = new ArrayList<>();
        long[] painted = paints(canvas);
        Rectangle area = canvas.getClientArea();
        Image frame = new Image(display, area.width, area.height);
        GC gc = new GC(frame);
        for (int i = 0; i < FRAMES + 20; i++) {
            Event wheel = new Event();
            boolean horizontal = modifiers == SWT.NONE && i % 2 == 1;
            wheel.count = (i / 10) % 2 == 0 ? 3 : -3;
            wheel.stateMask = horizontal ? SWT.SHIFT : modifiers;
            wheel.x = canvas.getClientArea().width / 2;
            wheel.y = canvas.getClientArea().height / 2;
            long start = System.nanoTime();
            canvas.notifyListeners(SWT.MouseVerticalWheel, wheel);
            long end = untilPainted(display, painted);
            double drawn = drawing(canvas, gc, area);
            if (i >= 20) { // the first ones warm up the code that paints
                times.add((end - start) / 1e6);
                draws.add(drawn);
            }
        }
        gc.dispose();
        frame.dispose();
        row(what + ": drawing a frame, median", median(draws), 16);
        row(what + ": drawing a frame, 99th percentile", percentile(draws, 0.99), 33);
        row(what + ": wheel to frame on screen, median", median(times), 16);
        row(what + ": wheel to frame on screen, 99th percentile", percentile(times, 0.99), 33);
    }

    /** How long a control takes to draw the whole of it into {@code gc}, as its double buffer would, in ms. */
    static double drawing(org.eclipse.swt.widgets.Control control, GC gc, Rectangle area) {
        Event paint = new Event();
        paint.gc = gc;
        paint.width = area.width;
        paint.height = area.height;
        long start = System.nanoTime();
        control.notifyListeners(SWT.Paint, paint);
        return (System.nanoTime() - start) / 1e6;
    }

    /**
     * When the canvas last finished a paint: a listener added after the canvas's own runs when the
     * canvas has drawn everything (the frame is then on its way to the screen).
     */
    static long[] paints(GraphCanvas canvas) {
        long[] painted = { 0 };
        canvas.addListener(SWT.Paint, e -> painted[0] = System.nanoTime());
        return painted;
    }

    /** Runs the event loop until the next paint is done; returns when it was. */
    static long untilPainted(Display display, long[] painted) {
        painted[0] = 0;
        while (painted[0] == 0) {
            if (!display.readAndDispatch()) {
                display.timerExec(1, () -> {
                });
                display.sleep();
            }
        }
        return painted[0];
    }

    /** The benchmarks' window, 1280x800, open and settled. */
    static Shell window(Display display) {
        Shell shell = new Shell(display);
        shell.setLayout(new FillLayout());
        shell.setSize(1280, 800);
        shell.open();
        settle(display);
        return shell;
    }

    static void row(String what, double ms, double target) {
        System.out.printf(Locale.ROOT, "%-62s %6.1f ms %7s ms %7.2f%n", what, ms, "<= " + (int) target, ms / target);
    }

    static void settle(Display display) {
        long until = System.currentTimeMillis() + 300;
        while (System.currentTimeMillis() < until) {
            if (!display.readAndDispatch()) {
                display.timerExec(10, () -> {
                });
                display.sleep();
            }
        }
    }

    static double median(List<Double> values) {
        return percentile(values, 0.5);
    }

    static double percentile(List<Double> values, double p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    /** LAYERS columns of WIDTH nodes, each taking its inputs from two nodes of the column before. */
    static Workflow layered() {
        Workflow workflow = WorkflowFactory.eINSTANCE.createWorkflow();
        workflow.setName("thousand");
        for (int layer = 0; layer < LAYERS; layer++) {
            for (int i = 0; i < WIDTH; i++) {
                Node node = WorkflowBuilder.newNode("n" + layer + "_" + i, "bench.step");
                node.setX(layer * 220.0);
                node.setY(i * 110.0);
                workflow.getNodes().add(node);
                if (layer > 0) {
                    String before = "n" + (layer - 1) + "_";
                    workflow.getConnections().add(WorkflowBuilder.newConnection(before + i + ".text", node.getId()
                            + ".first"));
                    workflow.getConnections().add(WorkflowBuilder.newConnection(before + (i + 7) % WIDTH + ".text",
                            node.getId() + ".second"));
                }
            }
        }
        return workflow;
    }
}
