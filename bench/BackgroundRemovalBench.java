import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import com.pexper.core.cache.MemoryResultCache;
import com.pexper.core.engine.Engine;
import com.pexper.core.engine.RunRequest;
import com.pexper.core.engine.RunResult;
import com.pexper.core.engine.RunStatus;
import com.pexper.core.engine.ServiceDirectory;
import com.pexper.core.home.PexperHome;
import com.pexper.core.node.InMemoryNodeTypeRegistry;
import com.pexper.core.node.PluginXmlNodeTypes;
import com.pexper.imaging.Image;
import com.pexper.imaging.ImageDecoder;
import com.pexper.imaging.ImageEncoder;
import com.pexper.imaging.Resampler;
import com.pexper.imaging.onnx.BackgroundRemover;
import com.pexper.imaging.onnx.ModelCatalog;
import com.pexper.imaging.onnx.ModelSessions;
import com.pexper.imaging.onnx.ModelStore;
import com.pexper.imaging.onnx.SegmentationModel;
import com.pexper.model.Workflow;
import com.pexper.model.build.WorkflowBuilder;

/**
 * The background-removal benchmark of issue 3, section 6. Ours and the peer
 * (@imgly/background-removal-node 1.4.5, bench/peer/peer.mjs) on the same model and the same photos,
 * in one run; every figure is a median. Run by bench/background-removal.sh against the built product.
 *
 * <ul>
 * <li>raw: {@link SegmentationModel#run} on an already prepared input tensor, nothing else; the
 * floor for anything that uses the model.
 * <li>ours: the workflow {@code ./pexper remove-bg} runs (list, read, remove background, save the
 * cutout PNG), in process with the session loaded, from the engine's start to the file on disk.
 * <li>peer: one whole {@code removeBackground} call to a PNG buffer, session loaded.
 * <li>batch: a folder of photos through the same workflow, the engine running as many items at
 * once as there are cores (decoding and saving overlap with inference).
 * <li>memory: the peak RSS of the real {@code ./pexper remove-bg} process over a long batch, read
 * from /proc when the 20th and the last cutout appear.
 * </ul>
 */
public final class BackgroundRemovalBench {

    record Photo(Path file, int width, int height) {
        String name() {
            return file.getFileName().toString();
        }

        long pixels() {
            return (long) width * height;
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        List<Path> files = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--")) {
                String[] kv = arg.substring(2).split("=", 2);
                options.put(kv[0], kv.length > 1 ? kv[1] : "true");
            } else {
                files.add(Path.of(arg).toAbsolutePath());
            }
        }
        String modelId = options.getOrDefault("model", "isnet-medium");
        int runs = Integer.parseInt(options.getOrDefault("runs", "5"));
        int batch = Integer.parseInt(options.getOrDefault("batch", "20"));
        int rssImages = Integer.parseInt(options.getOrDefault("rss-images", "200"));
        Path root = Path.of(options.getOrDefault("root", "."));
        Path work = Files.createTempDirectory("pexper-bg-bench");
        int cores = Runtime.getRuntime().availableProcessors();

        List<Photo> photos = new ArrayList<>();
        ImageDecoder decoder = new ImageDecoder();
        for (Path file : files) {
            Image image = decoder.read(file);
            photos.add(new Photo(file, image.width(), image.height()));
        }
        Photo big = largeCopy(photos.get(photos.size() - 1), Integer.parseInt(options.getOrDefault("large", "4000")), work);
        photos.add(big);

        InMemoryNodeTypeRegistry registry = new InMemoryNodeTypeRegistry();
        for (Class<?> bundle : List.of(com.pexper.nodes.basic.internal.ListFolderNode.class,
                com.pexper.imaging.internal.nodes.ReadImageNode.class,
                com.pexper.imaging.onnx.internal.RemoveBackgroundNode.class)) {
            registry.registerAll(PluginXmlNodeTypes.ofBundleContaining(bundle));
        }
        ModelStore store = new ModelStore(PexperHome.fromEnvironment().models(), ModelCatalog.builtIn());
        int threads = ModelSessions.configuredThreads();
        System.out.printf(Locale.ROOT, "Background removal: model %s, %d cores, %d ONNX Runtime threads, Java %s;"
                + " medians of %d runs after a warm-up%n%n", modelId, cores, threads, Runtime.version(), runs);

        // 1. Per photo: raw run, ours end to end, the peer.
        Map<Path, Long> raw = new HashMap<>();
        Map<Path, Long> ours = new HashMap<>();
        try (ModelSessions.Owned sessions = ModelSessions.open(store, threads);
                Engine engine = Engine.builder(registry).parallelism(cores).scratchDirectory(work.resolve("scratch"))
                        .cache(new MemoryResultCache(1)).services(ServiceDirectory.of(Map.of(ModelSessions.class, sessions))).build()) {
            SegmentationModel model = sessions.get(modelId);
            for (Photo photo : photos) {
                Image image = decoder.read(photo.file());
                FloatBuffer input = BackgroundRemover.preprocess(image.to8Bit(), model.descriptor());
                Workflow single = removeBg(WorkflowBuilder.named("one").node("files", "com.pexper.nodes.basic.fileList",
                        "paths", photo.file().toString()), "files", modelId);
                Path out = work.resolve("out-" + photo.name());
                List<Long> rawTimes = new ArrayList<>();
                List<Long> ourTimes = new ArrayList<>();
                for (int r = -1; r < runs; r++) { // run -1 warms both up
                    long start = System.nanoTime();
                    model.run(input.duplicate(), () -> false);
                    long rawTime = System.nanoTime() - start;
                    start = System.nanoTime();
                    expectSuccess(engine.run(single, RunRequest.builder().outputDirectory(out).build()));
                    long ourTime = System.nanoTime() - start;
                    if (r >= 0) {
                        rawTimes.add(rawTime);
                        ourTimes.add(ourTime);
                    }
                }
                raw.put(photo.file(), median(rawTimes));
                ours.put(photo.file(), median(ourTimes));
            }
        }
        Map<String, Long> peer = peer(root, modelId, runs, photos);

        System.out.printf(Locale.ROOT, "%-22s %10s %9s %9s %8s %8s %9s %10s %8s%n", "photo", "size", "raw run",
                "ours", "ours/raw", "target", "peer", "ours/peer", "target");
        boolean allMet = true;
        for (Photo photo : photos) {
            long r = raw.get(photo.file());
            long o = ours.get(photo.file());
            Long p = peer.get(photo.file().toString());
            double limit = photo.pixels() <= 1_000_000 ? 1.10 : 1.35;
            double overRaw = (double) o / r;
            double overPeer = p == null ? Double.NaN : (double) o / p;
            allMet &= overRaw <= limit && overPeer <= 0.45;
            System.out.printf(Locale.ROOT, "%-22s %10s %6d ms %6d ms %8.2f %8s %6s ms %10.2f %8s%n", photo.name(),
                    photo.width() + "x" + photo.height(), ms(r), ms(o), overRaw, "<= " + limit,
                    p == null ? "-" : Long.toString(ms(p)), overPeer, "<= 0.45");
        }

        // 2. A batch of photos up to 1 MP through the engine, all cores.
        List<Photo> small = photos.stream().filter(p -> p.pixels() <= 1_000_000).toList();
        Path batchFolder = copies(small, batch, work.resolve("batch"));
        long rawSmall = median(small.stream().map(p -> raw.get(p.file())).toList());
        long batchTime;
        try (ModelSessions.Owned sessions = ModelSessions.open(store, threads);
                Engine engine = Engine.builder(registry).parallelism(cores).scratchDirectory(work.resolve("scratch"))
                        .cache(new MemoryResultCache(1)).services(ServiceDirectory.of(Map.of(ModelSessions.class, sessions))).build()) {
            Workflow folder = removeBg(WorkflowBuilder.named("batch").node("folder", "com.pexper.nodes.basic.listFolder",
                    "folder", batchFolder.toString(), "pattern", "*.{png,jpg}"), "folder", modelId);
            // The session is already loaded (as in the workbench, or after the first photo of a CLI run).
            expectSuccess(engine.run(removeBg(WorkflowBuilder.named("warm").node("files", "com.pexper.nodes.basic.fileList",
                    "paths", small.get(0).file().toString()), "files", modelId),
                    RunRequest.builder().outputDirectory(work.resolve("warm")).build()));
            long start = System.nanoTime();
            RunResult result = engine.run(folder, RunRequest.builder().outputDirectory(work.resolve("batch-out")).build());
            batchTime = System.nanoTime() - start;
            expectSuccess(result);
        }
        double throughput = batch / (batchTime / 1e9);
        double ideal = 1e9 / rawSmall;
        allMet &= throughput >= 0.9 * ideal;
        System.out.printf(Locale.ROOT, "%nBatch of %d photos (up to 1 MP), in process, %d items at once: %.1f s,"
                + " %.3f photos/s; 1/raw run = %.3f photos/s; ratio %.2f (target >= 0.90)%n", batch, cores,
                batchTime / 1e9, throughput, ideal, throughput / ideal);

        // 3. The real command over a long batch: its whole time and its peak RSS.
        Path rssFolder = copies(small, rssImages, work.resolve("rss"));
        CommandRun command = command(root, rssFolder, work.resolve("rss-out"), rssImages, modelId);
        long growth = command.peakAtEnd() - command.peakAt20();
        allMet &= growth < 50L << 20;
        System.out.printf(Locale.ROOT, "%n./pexper remove-bg on a folder of %d photos (whole command, start-up and"
                + " model loading included): %.1f s, %.3f photos/s (ratio to 1/raw run %.2f)%n", rssImages,
                command.seconds(), rssImages / command.seconds(), rssImages / command.seconds() / ideal);
        System.out.printf(Locale.ROOT, "  peak RSS after photo 20: %d MB, after photo %d: %d MB; growth %d MB"
                + " (target < 50 MB)%n", command.peakAt20() >> 20, rssImages, command.peakAtEnd() >> 20, growth >> 20);
        System.out.println();
        System.out.println(allMet ? "All targets met." : "Some targets NOT met (see above).");
        deleteTree(work);
    }

    static Workflow removeBg(WorkflowBuilder source, String sourceId, String modelId) {
        return source.node("read", "com.pexper.imaging.read")
                .node("remove", "com.pexper.imaging.onnx.removeBackground", "model", modelId)
                .node("save", "com.pexper.imaging.save", "name", "{name}.png", "format", "png", "overwrite", true)
                .connect(sourceId + ".files", "read.file")
                .connect("read.image", "remove.image")
                .connect("remove.image", "save.image")
                .connect("read.file", "save.source")
                .build();
    }

    /** A photo of the given width made from the last one (Lanczos upscaling, JPEG quality 92). */
    static Photo largeCopy(Photo photo, int width, Path folder) throws Exception {
        Image image = new ImageDecoder().read(photo.file());
        int height = (int) Math.round((double) image.height() * width / image.width());
        Image large = Resampler.resize(image, width, height, Resampler.Kernel.LANCZOS3);
        String stem = photo.name().replaceFirst("\\.[^.]+$", "");
        Path file = folder.resolve(stem + "-" + width + ".jpg");
        try (OutputStream out = Files.newOutputStream(file)) {
            ImageEncoder.jpeg(92).write(large, out);
        }
        return new Photo(file, width, height);
    }

    static Path copies(List<Photo> photos, int count, Path folder) throws IOException {
        Files.createDirectories(folder);
        for (int i = 0; i < count; i++) {
            Photo photo = photos.get(i % photos.size());
            String ext = photo.name().substring(photo.name().lastIndexOf('.'));
            Files.copy(photo.file(), folder.resolve(String.format(Locale.ROOT, "photo-%04d%s", i + 1, ext)));
        }
        return folder;
    }

    static Map<String, Long> peer(Path root, String modelId, int runs, List<Photo> photos) throws Exception {
        List<String> command = new ArrayList<>(List.of("node", root.resolve("bench/peer/peer.mjs").toString(), "time",
                modelId.replace("isnet-", ""), Integer.toString(runs)));
        photos.forEach(p -> command.add(p.file().toString()));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Map<String, Long> medians = new HashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null;) {
                int space = line.lastIndexOf(' ');
                medians.put(line.substring(0, space), Long.parseLong(line.substring(space + 1)) * 1_000_000L);
            }
        }
        if (process.waitFor() != 0) {
            throw new IllegalStateException("the peer failed (exit " + process.exitValue() + "); see its messages above");
        }
        return medians;
    }

    record CommandRun(double seconds, long peakAt20, long peakAtEnd) {
    }

    /** Runs ./pexper remove-bg on a folder and reads the process's peak RSS as the cutouts appear. */
    static CommandRun command(Path root, Path folder, Path out, int count, String modelId) throws Exception {
        Files.createDirectories(out);
        Process process = new ProcessBuilder(root.resolve("pexper").toString(), "remove-bg", folder.toString(), "--out",
                out.toString(), "--model", modelId).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long start = System.nanoTime();
        long peakAt20 = -1;
        long peak = 0;
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        while (process.isAlive()) {
            long hwm = peakRss(status);
            if (hwm > 0) {
                peak = hwm;
            }
            if (peakAt20 < 0 && done(out) >= 20) {
                peakAt20 = peak;
            }
            Thread.sleep(50);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (process.exitValue() != 0 || done(out) != count) {
            throw new IllegalStateException("./pexper remove-bg exited with " + process.exitValue() + " after "
                    + done(out) + " of " + count + " cutouts");
        }
        return new CommandRun(seconds, peakAt20, peak);
    }

    static long done(Path out) throws IOException {
        try (Stream<Path> files = Files.list(out)) {
            return files.filter(f -> !f.getFileName().toString().startsWith(".")).count();
        }
    }

    /** VmHWM of /proc/PID/status in bytes, or -1 once the process is gone. */
    static long peakRss(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) << 10;
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    static void expectSuccess(RunResult result) {
        if (result.status() != RunStatus.SUCCEEDED || result.failedItems() > 0) {
            throw new IllegalStateException("the run did not succeed: " + result);
        }
    }

    static long median(List<Long> values) {
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        return sorted[sorted.length / 2];
    }

    static long ms(long nanos) {
        return Math.round(nanos / 1e6);
    }

    static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
        }
    }
}
