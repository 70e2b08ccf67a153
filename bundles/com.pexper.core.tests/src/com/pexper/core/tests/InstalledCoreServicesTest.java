package com.pexper.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Optional;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.ServiceTracker;

import com.pexper.core.cache.ResultCaches;
import com.pexper.core.engine.ServiceDirectory;
import com.pexper.core.home.PexperHome;
import com.pexper.core.runs.RunRecords;

/**
 * The core's services are Declarative Services components that SCR makes from the XML the build
 * writes: the node types, the run records and caches of PEXPER_HOME, and the directory through
 * which nodes find the services of other bundles.
 */
@Tag("osgi")
class InstalledCoreServicesTest {

    private final BundleContext context = FrameworkUtil.getBundle(InstalledCoreServicesTest.class).getBundleContext();

    private <T> T service(Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        // not closed: SCR would deactivate the component as soon as nobody holds it
        T service = tracker.waitForService(10_000);
        assertNotNull(service, "no " + type.getName() + " service: is Felix SCR running, and the component XML in the bundle?");
        return service;
    }

    @Test
    void theRunRecordsAndCachesAreThoseOfPexperHome() throws Exception {
        PexperHome home = PexperHome.fromEnvironment();
        assertEquals(home.runs(), service(RunRecords.class).folder());
        java.nio.file.Path workflow = java.nio.file.Path.of("some", "flow.pexper");
        assertEquals(home.cacheFor(workflow), service(ResultCaches.class).forWorkflow(workflow).file());
    }

    @Test
    void nodesFindTheServicesOfOtherBundlesAsTheyComeAndGo() throws Exception {
        ServiceDirectory directory = service(ServiceDirectory.class);
        assertEquals(Optional.empty(), directory.find(CharSequence.class));
        ServiceRegistration<CharSequence> registered = context.registerService(CharSequence.class, "a service", null);
        try {
            assertEquals(Optional.of("a service"), directory.get(CharSequence.class));
        } finally {
            registered.unregister();
        }
        assertEquals(Optional.empty(), directory.find(CharSequence.class), "gone with its bundle's registration");
    }
}
