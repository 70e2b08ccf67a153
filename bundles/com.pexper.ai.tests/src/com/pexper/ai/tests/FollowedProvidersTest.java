package com.pexper.ai.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.pexper.ai.ProviderRegistry;
import com.pexper.core.contribution.Contributions;
import com.pexper.core.contribution.Declaration;

/**
 * A registry that follows the plug-ins has a provider while its plug-in is installed, and not
 * after: the AI clients of a running workbench see provider plug-ins come and go. The plug-in here
 * is this fragment's own declarations, "installed" and "uninstalled" by hand.
 */
class FollowedProvidersTest {

    /** Contributions that change when told to, as the extension registry does when a bundle comes or goes. */
    private static final class Plugins implements Contributions {
        private final List<Declaration> plugin;
        private List<Declaration> installed = List.of();
        private Listener listener;

        Plugins() throws java.io.IOException {
            plugin = Contributions.ofBundlesContaining(EchoProvider.class).of(ProviderRegistry.EXTENSION_POINT);
        }

        @Override
        public AutoCloseable watch(String extensionPoint, Listener watcher) {
            listener = watcher;
            watcher.added(installed);
            return () -> listener = null;
        }

        @Override
        public List<Declaration> of(String extensionPoint) {
            return installed;
        }

        void install() {
            installed = plugin;
            if (listener != null) {
                listener.added(plugin);
            }
        }

        void uninstall() {
            installed = List.of();
            if (listener != null) {
                listener.removed(plugin);
            }
        }
    }

    @Test
    void aProviderIsThereWhileItsPluginIsInstalled() throws Exception {
        Plugins plugins = new Plugins();
        try (ProviderRegistry registry = ProviderRegistry.following(plugins)) {
            assertTrue(registry.find("test-echo").isEmpty());
            plugins.install();
            assertEquals("Echo", registry.find("test-echo").orElseThrow().label());
            assertEquals(2, registry.problems().size(), "its broken declarations are reported as before");
            plugins.uninstall();
            assertTrue(registry.find("test-echo").isEmpty(), "gone with its plug-in");
            assertEquals(List.of(), registry.problems());
        }
        plugins.install();
        assertTrue(ProviderRegistry.from(plugins).find("test-echo").isPresent(), "a fixed reading sees it");
    }
}
