package com.pexper.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import com.pexper.core.contribution.Contributions;
import com.pexper.core.internal.contribution.InstalledNodeTypes;
import com.pexper.core.node.ContributedNodeTypes;
import com.pexper.core.node.NodeType;
import com.pexper.core.node.NodeTypeRegistry;
import com.pexper.core.node.NodeTypeUnavailableException;

/**
 * Reads the contributions in this fragment's fragment.xml: through the real extension registry in
 * OSGi, from the file itself in a plain JVM, with the same results.
 */
class ExtensionRegistryTest {

    private final ContributedNodeTypes registry = ContributedNodeTypes.of(contributions());

    private static Contributions contributions() {
        Contributions platform = Contributions.ofPlatform();
        if (!platform.of(ContributedNodeTypes.EXTENSION_POINT).isEmpty()) {
            return platform;
        }
        try {
            return Contributions.ofBundlesContaining(ExtensionRegistryTest.class);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aContributedNodeTypeIsListedWithItsAttributesAndWorks() throws Exception {
        NodeType shout = registry.find("com.pexper.core.tests.shout").orElseThrow();
        assertEquals("2.1.0", shout.version());
        assertEquals("Shout", shout.label());
        assertEquals("Test", shout.category());
        assertEquals("com.pexper.core", shout.contributor(), "a fragment contributes on behalf of its host");
        assertEquals("in", shout.signature().inputs().get(0).name());
    }

    @Test
    void brokenContributionsAreIsolatedAndExplained() {
        NodeType missing = registry.find("com.pexper.core.tests.missingClass").orElseThrow();
        assertFalse(missing.isAvailable());
        assertTrue(missing.problem().contains("could not be loaded"), missing.problem());
        assertThrows(NodeTypeUnavailableException.class, missing::factory);
        NodeType throwing = registry.find("com.pexper.core.tests.throwingSignature").orElseThrow();
        assertTrue(throwing.problem().contains("broken on purpose"), throwing.problem());
        List<String> problems = registry.problems();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("without an id"));
        assertTrue(registry.find("com.pexper.core.tests.shout").orElseThrow().isAvailable(), "the rest works");
    }

    @Test
    @Tag("osgi")
    void theApplicationsNodeTypeRegistryIsADeclarativeServicesComponentOfTheExtensionRegistry() throws Exception {
        ServiceTracker<NodeTypeRegistry, NodeTypeRegistry> tracker = new ServiceTracker<>(
                FrameworkUtil.getBundle(NodeTypeRegistry.class).getBundleContext(), NodeTypeRegistry.class, null);
        tracker.open();
        try {
            NodeTypeRegistry service = tracker.waitForService(10_000);
            assertInstanceOf(InstalledNodeTypes.class, service, "SCR made it from the component XML the build wrote");
            assertEquals(registry.all().stream().map(NodeType::id).toList(), service.all().stream().map(NodeType::id).toList());
        } finally {
            tracker.close();
        }
    }
}
