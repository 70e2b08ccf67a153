package com.pexper.diagnostics.internal;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.TreeMap;

import io.sentry.protocol.App;
import io.sentry.protocol.Contexts;
import io.sentry.protocol.Device;
import io.sentry.protocol.OperatingSystem;

/**
 * The device as a crash report describes it: operating system and version, architecture, Java
 * (Sentry's runtime context), cores, memory, screen scale (when the workbench says it), Pexper's
 * version and the versions of its bundles. Nothing that names the machine or the user.
 */
final class DeviceContexts {

    private final String version;
    private final Map<String, String> bundles;

    /** @param bundles Pexper's bundles and their versions */
    DeviceContexts(String version, Map<String, String> bundles) {
        this.version = version;
        this.bundles = new TreeMap<>(bundles);
    }

    void addTo(Contexts contexts, Map<String, String> facts) {
        OperatingSystem os = new OperatingSystem();
        os.setName(System.getProperty("os.name"));
        os.setVersion(System.getProperty("os.version"));
        contexts.setOperatingSystem(os);
        Device device = new Device();
        device.setArchs(new String[] { System.getProperty("os.arch") });
        device.setProcessorCount(Runtime.getRuntime().availableProcessors());
        Long memory = physicalMemory();
        if (memory != null) {
            device.setMemorySize(memory);
        }
        String scale = facts.get("screen.scale");
        if (scale != null) {
            try {
                device.setScreenDensity(Float.parseFloat(scale));
            } catch (NumberFormatException e) {
                // not a number: left out
            }
        }
        contexts.setDevice(device);
        App app = new App();
        app.setAppName("Pexper");
        app.setAppVersion(version);
        contexts.setApp(app);
        contexts.put("bundles", bundles);
    }

    /** The machine's memory, where the JDK says it (its management extension may be missing). */
    private static Long physicalMemory() {
        try {
            if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
                return os.getTotalMemorySize();
            }
        } catch (LinkageError | RuntimeException e) {
            // no com.sun.management here
        }
        return null;
    }
}
