package com.pexper.imaging.onnx.internal;

import java.nio.file.Path;

import com.pexper.core.home.PexperHome;
import com.pexper.imaging.onnx.ModelException;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;

/**
 * The only way into ONNX Runtime: its environment, made private before the native library starts.
 *
 * <p>Official ONNX Runtime builds collect telemetry (the 1DS SDK on Linux and macOS): on its first
 * start it writes a persistent device id and an event queue under {@code ~/.cache/Microsoft}, a log
 * in {@code /tmp}, and uploads the events to Microsoft. Its API switch ({@link OrtEnvironment#setTelemetry})
 * comes too late: by then the device id exists and the first events are queued. Only
 * {@value #TELEMETRY_VARIABLE}{@code =1} in the process environment, read as the library
 * initialises, stops all of it. So, before any ONNX Runtime class is touched:
 * <ol>
 * <li>the variable is set in this process's native environment, unless the launcher already did;</li>
 * <li>where that is impossible (Java 21 without the launcher), ONNX Runtime is not started at all
 * and the error says how to start Pexper instead;</li>
 * <li>the native libraries load from {@code PEXPER_HOME/native}, extracted once
 * ({@link NativeLibraryFolder}), instead of a copy in the temporary folder at every start;</li>
 * <li>once the environment exists, the API switch turns off whatever the build still allows.</li>
 * </ol>
 */
public final class PrivateOnnxRuntime {

    public static final String TELEMETRY_VARIABLE = "ORT_DISABLE_TELEMETRY";
    /** ONNX Runtime's own property for a folder holding its native libraries. */
    static final String NATIVE_PATH_PROPERTY = "onnxruntime.native.path";

    private static OrtEnvironment environment;

    private PrivateOnnxRuntime() {
    }

    /** The process's ONNX Runtime environment, with telemetry off; started on first use. */
    public static synchronized OrtEnvironment environment() throws ModelException {
        if (environment == null) {
            switchTelemetryOff();
            if (System.getProperty(NATIVE_PATH_PROPERTY) == null) {
                Path home = PexperHome.fromEnvironment().nativeLibraries();
                NativeLibraryFolder.extract(OrtEnvironment.class, home).ifPresent(
                        folder -> System.setProperty(NATIVE_PATH_PROPERTY, folder.toString()));
            }
            OrtEnvironment started = OrtEnvironment.getEnvironment();
            try {
                started.setTelemetry(false);
            } catch (OrtException e) {
                // builds without telemetry refuse the switch; the variable above is what counts
            }
            environment = started;
        }
        return environment;
    }

    /** Whether this process's native environment has telemetry switched off (what ONNX Runtime reads). */
    public static boolean telemetryOff() {
        return "1".equals(System.getenv(TELEMETRY_VARIABLE))
                || NativeEnvironment.get(TELEMETRY_VARIABLE).filter("1"::equals).isPresent();
    }

    private static void switchTelemetryOff() throws ModelException {
        if (telemetryOff() || NativeEnvironment.set(TELEMETRY_VARIABLE, "1") && telemetryOff()) {
            return;
        }
        throw new ModelException("ONNX Runtime is not started, because its telemetry could not be switched off in"
                + " this process (that needs Java 22 or newer with native access allowed; Java "
                + Runtime.version().feature() + " is running). Start Pexper with ./pexper, which switches it off,"
                + " or set " + TELEMETRY_VARIABLE + "=1 in the environment.");
    }
}
