import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

import com.pexper.core.engine.NodeOutcome;
import com.pexper.core.engine.NodeStatus;
import com.pexper.core.engine.Redactor;
import com.pexper.core.engine.RunResult;
import com.pexper.core.engine.RunStatus;
import com.pexper.core.runs.RunRecords;
import com.pexper.gallery.Gallery;
import com.pexper.gallery.GalleryEntry;
import com.pexper.imaging.ImageEncoder;
import com.pexper.model.Workflow;
import com.pexper.model.build.WorkflowBuilder;
import com.pexper.ui.editor.internal.GalleryGrid;
import com.pexper.ui.editor.internal.GalleryThumbnails;

/**
 * The gallery benchmark of issue 14, section 5, on the product's jars: a gallery of 10,000 entries
 * (500 run records of 20 images each, indexed as the Gallery view does, every thumbnail cached on
 * disk), opened as the view opens it (off the UI thread, the index brought up to date with the
 * records and the newest entries read, then all of them; the grid shown, the thumbnails in view read
 * by their Jobs) until every thumbnail of the first screen is drawn; then
 * scrolled down, a step of a third of a row per frame, timing each frame from the scroll until it
 * is painted through the event loop (which waits for GTK's frame clock, as the workbench does).
 * Figures are medians.
 */
public final class GalleryBench {

    static final int RECORDS = 500;
    static final int PER_RECORD = 20;
    static final int PHOTOS = 200;
    static final int OPENS = 11;
    static final int FRAMES = 300;

    public static void main(String[] args) throws Exception {
        Path folder = Files.createTempDirectory("pexper-gallery-bench");
        Path out = Files.createDirectories(folder.resolve("out"));
        IntStream.range(0, PHOTOS).parallel().forEach(i -> writePhoto(out.resolve("photo-" + i + ".png"), i));
        RunRecords records = RunRecords.open(folder.resolve("runs"), RECORDS);
        Workflow workflow = WorkflowBuilder.named("bench photos").node("read", "com.pexper.imaging.read", "path",
                out.resolve("photo-0.png")).node("gray", "com.pexper.imaging.grayscale")
                .node("save", "com.pexper.imaging.save", "folder", "out").connect("read.image", "gray.image")
                .connect("gray.image", "save.image").build();
        Instant start = Instant.now().minusSeconds(RECORDS * 60L);
        for (int r = 0; r < RECORDS; r++) {
            List<RunResult.WrittenFile> written = new ArrayList<>();
            for (int i = 0; i < PER_RECORD; i++) {
                Path file = out.resolve("photo-" + (r * PER_RECORD + i) % PHOTOS + ".png");
                written.add(new RunResult.WrittenFile(file, "save", i, file));
            }
            Instant at = start.plusSeconds(r * 60L);
            records.write(new RunResult("run" + r, "bench photos", folder.resolve("bench.pexper"), RunStatus.SUCCEEDED,
                    at, at.plusSeconds(5), List.of(new NodeOutcome("save", "com.pexper.imaging.save", null,
                            NodeStatus.SUCCEEDED, 1, false, PER_RECORD, 0, List.of(), null, Map.of())), Map.of(),
                    written.stream().map(RunResult.WrittenFile::file).toList(), written), workflow);
        }
        Gallery gallery = Gallery.open(folder.resolve("gallery"), records, Redactor.NONE);
        long indexing = System.nanoTime();
        int added = gallery.update();
        double indexed = (System.nanoTime() - indexing) / 1e6;
        List<GalleryEntry> all = gallery.entries();
        long thumbnailing = System.nanoTime();
        all.parallelStream().forEach(entry -> {
            try {
                gallery.thumbnail(entry, GalleryGrid.THUMB);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        double thumbnailed = (System.nanoTime() - thumbnailing) / 1e6;

        Display display = new Display();
        Shell shell = EditorBench.window(display);
        System.out.printf(Locale.ROOT, "Gallery benchmark: %,d entries (%d records of %d images of %d photos),"
                + " window %dx%d, %d cores, %s%n", added, RECORDS, PER_RECORD, PHOTOS, shell.getClientArea().width,
                shell.getClientArea().height, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        System.out.printf(Locale.ROOT, "(set-up, not measured: indexing the records %.0f ms, making %,d thumbnails %.0f ms)%n",
                indexed, all.size(), thumbnailed);

        List<Double> opens = new ArrayList<>();
        GalleryGrid grid = null;
        GalleryThumbnails thumbnails = null;
        for (int i = 0; i < OPENS; i++) {
            if (grid != null) {
                grid.dispose();
                thumbnails.dispose();
                settle(display);
            }
            long opened = System.nanoTime();
            List<List<GalleryEntry>> read = new ArrayList<>();
            Thread reader = new Thread(() -> {
                try {
                    // as the view's Job: up to date with the records, the newest first, then the rest
                    gallery.update();
                    List<GalleryEntry> newest = gallery.entries(200);
                    display.asyncExec(() -> read.add(newest));
                    List<GalleryEntry> entries = gallery.entries();
                    display.asyncExec(() -> read.add(entries));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            reader.start();
            thumbnails = new GalleryThumbnails(display, () -> gallery);
            grid = new GalleryGrid(shell, thumbnails);
            shell.layout(true, true);
            while (read.isEmpty()) {
                dispatch(display);
            }
            double entriesRead = (System.nanoTime() - opened) / 1e6; // the newest
            grid.setEntries(read.get(0));
            GalleryGrid shown = grid;
            while (shown.inView().isEmpty() || !shown.inView().stream().allMatch(shown::thumbnailDrawn)) {
                dispatch(display);
            }
            long[] painted = paints(grid);
            grid.redraw();
            opens.add((untilPainted(display, painted) - opened) / 1e6);
            while (read.size() < 2) {
                dispatch(display);
            }
            double allRead = (System.nanoTime() - opened) / 1e6;
            grid.setEntries(read.get(1)); // all of them, to search and scroll through
            if (i == 0) {
                System.out.printf(Locale.ROOT, "(first open: the newest 200 entries read after %.0f ms, all %,d after"
                        + " %.0f ms)%n", entriesRead, read.get(1).size(), allRead);
            }
        }
        System.out.printf(Locale.ROOT, "%-66s %9s %10s %7s%n", "measurement", "value", "target", "ratio");
        row("open: read the entries, first screen of thumbnails drawn, 1st in JVM", opens.get(0), 500);
        row("open: the same, median of the next " + (OPENS - 1), median(opens.subList(1, OPENS)), 500);
        System.out.printf(Locale.ROOT, "(first screen: %d thumbnails, %d columns)%n", grid.inView().size(), grid.columns());

        List<Double> frames = new ArrayList<>();
        List<Double> draws = new ArrayList<>();
        long[] painted = paints(grid);
        Rectangle area = grid.getClientArea();
        Image frame = new Image(display, area.width, area.height);
        GC gc = new GC(frame);
        int step = grid.cellHeight() / 3;
        int placeholders = 0;
        for (int i = 0; i < FRAMES + 20; i++) {
            long scrolled = System.nanoTime();
            grid.scrollTo(grid.scrolledTo() + step);
            long end = untilPainted(display, painted);
            GalleryGrid shown = grid;
            boolean complete = grid.inView().stream().allMatch(shown::thumbnailDrawn);
            double drawn = EditorBench.drawing(grid, gc, area);
            if (i >= 20) { // the first ones warm up the code that paints
                frames.add((end - scrolled) / 1e6);
                draws.add(drawn);
                placeholders += complete ? 0 : 1;
            }
        }
        gc.dispose();
        frame.dispose();
        double median = median(frames);
        row("scroll: drawing a frame, median", median(draws), 20);
        row("scroll: drawing a frame, 99th percentile", percentile(draws, 0.99), 20);
        row("scroll: scroll to frame on screen, median", median, 20);
        row("scroll: scroll to frame on screen, 99th percentile", percentile(frames, 0.99), 33);
        System.out.printf(Locale.ROOT, "%-66s %6.1f /s %7s /s %7.2f%n", "scroll: frames per second (1000 / median)",
                1000 / median, ">= 50", 50 / (1000 / median));
        System.out.printf(Locale.ROOT, "(%d of %d frames drew a placeholder for a thumbnail still being read;"
                + " %,d px scrolled, %d rows)%n", placeholders, FRAMES, FRAMES * step, FRAMES * step / grid.cellHeight());
        thumbnails.dispose();
        display.dispose();
    }

    /** A photo of its own: a gradient whose colours depend on i. */
    static void writePhoto(Path file, int i) {
        int width = 480;
        int height = 320;
        byte[] samples = new byte[width * height * 3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int at = (y * width + x) * 3;
                samples[at] = (byte) (x * 255 / width + i * 37);
                samples[at + 1] = (byte) (y * 255 / height + i * 11);
                samples[at + 2] = (byte) ((x + y) / 4 + i * 53);
            }
        }
        try (OutputStream stream = Files.newOutputStream(file)) {
            ImageEncoder.png().write(com.pexper.imaging.Image.wrap8(width, height, 3, samples), stream);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void dispatch(Display display) {
        if (!display.readAndDispatch()) {
            display.timerExec(1, () -> {
            });
            display.sleep();
        }
    }

    static long[] paints(GalleryGrid grid) {
        long[] painted = { 0 };
        grid.addListener(SWT.Paint, e -> painted[0] = System.nanoTime());
        return painted;
    }

    // the editor benchmark's: a multi-file source program, run from bench/ as EditorRunBench is
    static long untilPainted(Display display, long[] painted) {
        return EditorBench.untilPainted(display, painted);
    }

    static void row(String what, double ms, double target) {
        System.out.printf(Locale.ROOT, "%-66s %6.1f ms %7s ms %7.2f%n", what, ms, "<= " + (int) target, ms / target);
    }

    static void settle(Display display) {
        EditorBench.settle(display);
    }

    static double median(List<Double> values) {
        return EditorBench.median(values);
    }

    static double percentile(List<Double> values, double p) {
        return EditorBench.percentile(values, p);
    }
}
