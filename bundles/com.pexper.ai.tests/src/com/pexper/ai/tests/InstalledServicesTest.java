package com.pexper.ai.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import com.pexper.ai.AiClients;
import com.pexper.ai.internal.SecureStorageCredentialStore;
import com.pexper.ai.keys.CredentialStore;
import com.pexper.core.home.PexperHome;
import com.pexper.net.NetworkGate;

/**
 * The services the application gets are Declarative Services components, wired by SCR from the
 * XML that the build writes from their annotations: the AI clients use the one gate and the one
 * credential store, made from PEXPER_HOME.
 */
@Tag("osgi")
class InstalledServicesTest {

    private static <T> T service(BundleContext context, Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        // not closed: SCR would deactivate the component as soon as nobody holds it
        T service = tracker.waitForService(10_000);
        assertNotNull(service, "no " + type.getName() + " service: is Felix SCR running, and the component XML in the bundle?");
        return service;
    }

    @Test
    void theAiClientsComponentUsesTheOneGateAndCredentialStoreOfPexperHome() throws Exception {
        BundleContext context = FrameworkUtil.getBundle(AiClients.class).getBundleContext();
        AiClients ai = service(context, AiClients.class);
        NetworkGate gate = service(context, NetworkGate.class);
        assertSame(gate, ai.gate());
        assertSame(service(context, CredentialStore.class), ai.credentials());
        assertInstanceOf(SecureStorageCredentialStore.class, ai.credentials());
        assertEquals(PexperHome.fromEnvironment().ledger(), gate.ledger().folder());
        assertSame(ai, service(context, AiClients.class), "one AiClients for the whole application");
    }
}
