package com.pexper.imaging.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

import com.pexper.core.contribution.Contributions;
import com.pexper.core.node.ContributedNodeTypes;
import com.pexper.core.node.NodeType;
import com.pexper.imaging.filter.FilterNodeTypes;

/**
 * Plug-ins installed into the running framework add their node types and image filters without a
 * restart, and take them away when uninstalled: as the workbench will see plug-ins from an update
 * site. Each plug-in here is a jar made on the spot, declaring Pexper's own classes under new ids.
 */
@Tag("osgi")
class LivePluginsTest {

    private static final String NODE_TYPE = "com.example.live.save";
    private static final String FILTER = "com.example.live.shrink";

    @Test
    void aPluginInstalledWhileRunningAddsItsNodeTypesAndRemovingItTakesThemAway() throws Exception {
        try (ContributedNodeTypes types = ContributedNodeTypes.of(Contributions.ofPlatform())) {
            AtomicInteger changes = new AtomicInteger();
            types.onChange(changes::incrementAndGet);
            Bundle plugin = install("com.example.live.nodes", "com.pexper.imaging.internal.nodes",
                    "<extension point=\"com.pexper.core.nodeTypes\"><nodeType id=\"" + NODE_TYPE + "\" version=\"1.0.0\""
                            + " label=\"Save elsewhere\" category=\"Live\""
                            + " factory=\"com.pexper.imaging.internal.nodes.SaveImageNode\"/></extension>");
            try {
                assertTrue(eventually(() -> types.find(NODE_TYPE).isPresent()), "the new node type appears");
                NodeType save = types.find(NODE_TYPE).orElseThrow();
                assertEquals("com.example.live.nodes", save.contributor());
                assertEquals("image", save.signature().inputs().get(0).name(), "its factory loads from the plug-in");
                assertTrue(changes.get() >= 1, "listeners were told");
            } finally {
                plugin.uninstall();
            }
            assertTrue(eventually(() -> types.find(NODE_TYPE).isEmpty()), "gone with its plug-in");
            assertTrue(types.find("com.pexper.imaging.read").isPresent(), "the others stay");
        }
    }

    @Test
    void aPluginWithOnlyAFilterMakesItANodeTypeAtOnceAndTakesItAway() throws Exception {
        try (ContributedNodeTypes types = ContributedNodeTypes.of(Contributions.ofPlatform())) {
            assertTrue(types.find("com.pexper.imaging.resize").isPresent(), "the built-in filters are node types");
            Bundle plugin = install("com.example.live.filters", "com.pexper.imaging.internal.filters",
                    "<extension point=\"com.pexper.imaging.filters\"><filter id=\"" + FILTER + "\" version=\"1.0.0\""
                            + " label=\"Shrink\" class=\"com.pexper.imaging.internal.filters.ResizeFilter\">"
                            + "<parameter name=\"width\" type=\"integer\" min=\"1\" default=\"64\" label=\"Width\"/>"
                            + "</filter></extension>");
            try {
                assertTrue(eventually(() -> types.find(FILTER).isPresent()), "its filter appears as a node type");
                NodeType shrink = types.find(FILTER).orElseThrow();
                assertEquals(FilterNodeTypes.CATEGORY, shrink.category());
                assertEquals("Shrink", shrink.label());
            } finally {
                plugin.uninstall();
            }
            assertTrue(eventually(() -> types.find(FILTER).isEmpty()), "gone with its plug-in");
            assertTrue(types.find("com.pexper.imaging.resize").isPresent(), "the others stay");
        }
    }

    private static Bundle install(String name, String importedPackage, String extension) throws Exception {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", name + ";singleton:=true");
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Import-Package", importedPackage);
        ByteArrayOutputStream jar = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(jar, manifest)) {
            out.putNextEntry(new JarEntry("plugin.xml"));
            out.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<?eclipse version=\"3.4\"?>\n<plugin>" + extension
                    + "</plugin>\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("writing a jar in memory does not fail", e);
        }
        Bundle plugin = FrameworkUtil.getBundle(FilterNodeTypes.class).getBundleContext()
                .installBundle("pexper-test:" + name, new ByteArrayInputStream(jar.toByteArray()));
        plugin.start();
        return plugin;
    }

    private static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }
}
