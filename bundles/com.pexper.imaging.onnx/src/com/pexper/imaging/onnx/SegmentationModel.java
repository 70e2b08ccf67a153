package com.pexper.imaging.onnx;

import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

import com.pexper.imaging.onnx.internal.PrivateOnnxRuntime;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;

/**
 * An ONNX segmentation model loaded into an ONNX Runtime session: takes a normalised
 * {@code [1, 3, S, S]} tensor and returns the {@code [1, 1, S, S]} mask, fetching only that output.
 *
 * <p>Loading checks the model's input and output against its descriptor, so a wrong file is a clear
 * error rather than a crash mid-batch. The session is safe to share between threads; runs are
 * serialised, because one run already keeps the configured intra-op threads busy and two at once
 * would only fight over the cores (while the callers' decoding and encoding go on in parallel).
 */
public final class SegmentationModel implements AutoCloseable {

    /** Intra-op threads when none are configured: the two-core machines we size for. */
    public static final int DEFAULT_THREADS = 2;

    private static final ScheduledExecutorService CANCEL_WATCH = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "pexper-onnx-cancel-watch");
        thread.setDaemon(true);
        return thread;
    });

    private final ModelDescriptor descriptor;
    private final OrtEnvironment environment;
    private final OrtSession session;
    private final ReentrantLock runLock = new ReentrantLock(true);

    private SegmentationModel(ModelDescriptor descriptor, OrtEnvironment environment, OrtSession session) {
        this.descriptor = descriptor;
        this.environment = environment;
        this.session = session;
    }

    /**
     * @param threads intra-op threads (graph optimisation is always ALL)
     */
    public static SegmentationModel load(ModelDescriptor descriptor, Path file, int threads) throws ModelException {
        OrtEnvironment environment = PrivateOnnxRuntime.environment();
        OrtSession session;
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            session = environment.createSession(file.toString(), options);
        } catch (OrtException e) {
            throw new ModelException(file + " is not a loadable ONNX model (" + e.getMessage() + "). Reinstall "
                    + descriptor.id() + ": " + ModelStore.howToGet(descriptor), e);
        }
        try {
            checkContract(descriptor, file, session);
        } catch (ModelException | RuntimeException e) {
            closeQuietly(session);
            throw e;
        }
        return new SegmentationModel(descriptor, environment, session);
    }

    private static void checkContract(ModelDescriptor d, Path file, OrtSession session) throws ModelException {
        try {
            NodeInfo input = session.getInputInfo().get(d.inputName());
            long[] expectedIn = { 1, 3, d.inputSize(), d.inputSize() };
            if (input == null || !(input.getInfo() instanceof TensorInfo in) || !matches(in.getShape(), expectedIn)) {
                throw new ModelException(file + " does not fit " + d.id() + ": it should take an input '" + d.inputName()
                        + "' of shape " + Arrays.toString(expectedIn) + " but takes "
                        + describe(session.getInputInfo()) + ". This file is a different model; " + ModelStore.howToGet(d));
            }
            NodeInfo output = session.getOutputInfo().get(d.outputName());
            long[] expectedOut = { 1, 1, d.inputSize(), d.inputSize() };
            if (output == null || !(output.getInfo() instanceof TensorInfo out) || !matches(out.getShape(), expectedOut)) {
                throw new ModelException(file + " does not fit " + d.id() + ": it should have an output '" + d.outputName()
                        + "' of shape " + Arrays.toString(expectedOut) + " but has " + describe(session.getOutputInfo())
                        + ". This file is a different model; " + ModelStore.howToGet(d));
            }
        } catch (OrtException e) {
            throw new ModelException("cannot inspect " + file + ": " + e.getMessage(), e);
        }
    }

    /** A dimension of -1 (dynamic) in the model accepts any size. */
    private static boolean matches(long[] actual, long[] expected) {
        if (actual.length != expected.length) {
            return false;
        }
        for (int i = 0; i < actual.length; i++) {
            if (actual[i] >= 0 && actual[i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static String describe(Map<String, NodeInfo> infos) {
        StringBuilder text = new StringBuilder();
        int shown = 0;
        for (NodeInfo info : infos.values()) {
            if (shown++ == 3) {
                text.append(", ...");
                break;
            }
            if (text.length() > 0) {
                text.append(", ");
            }
            text.append('\'').append(info.getName()).append('\'');
            if (info.getInfo() instanceof TensorInfo tensor) {
                text.append(' ').append(Arrays.toString(tensor.getShape()));
            }
        }
        return text.toString();
    }

    public ModelDescriptor descriptor() {
        return descriptor;
    }

    /**
     * Runs the model on a normalised input tensor.
     *
     * @param input {@code 3 * S * S} floats, planar RGB
     * @param cancelled polled while the model runs; when it turns true the run is terminated
     * @return the raw mask, {@code S * S} floats
     * @throws InterruptedException when cancelled
     */
    public float[] run(FloatBuffer input, BooleanSupplier cancelled) throws ModelException, InterruptedException {
        int size = descriptor.inputSize();
        runLock.lockInterruptibly();
        try (OnnxTensor tensor = OnnxTensor.createTensor(environment, input, new long[] { 1, 3, size, size });
                OrtSession.RunOptions options = new OrtSession.RunOptions()) {
            if (cancelled.getAsBoolean()) {
                throw new InterruptedException("cancelled");
            }
            ScheduledFuture<?> watch = CANCEL_WATCH.scheduleWithFixedDelay(() -> {
                if (cancelled.getAsBoolean()) {
                    try {
                        options.setTerminate(true);
                    } catch (OrtException e) {
                        // the run ends on its own
                    }
                }
            }, 20, 20, TimeUnit.MILLISECONDS);
            try (OrtSession.Result result = session.run(Map.of(descriptor.inputName(), tensor),
                    Set.of(descriptor.outputName()), options)) {
                OnnxTensor mask = (OnnxTensor) result.get(0);
                FloatBuffer buffer = mask.getFloatBuffer();
                float[] out = new float[size * size];
                buffer.get(out);
                return out;
            } catch (OrtException e) {
                if (cancelled.getAsBoolean()) {
                    throw new InterruptedException("cancelled");
                }
                throw new ModelException(descriptor.id() + " failed to run: " + e.getMessage(), e);
            } finally {
                watch.cancel(false);
            }
        } catch (OrtException e) {
            throw new ModelException(descriptor.id() + " could not take the input: " + e.getMessage(), e);
        } finally {
            runLock.unlock();
        }
    }

    @Override
    public void close() {
        closeQuietly(session);
    }

    private static void closeQuietly(OrtSession session) {
        try {
            session.close();
        } catch (OrtException e) {
            // nothing more to release
        }
    }
}
