package com.pexper.core.contribution;

import java.io.IOException;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import com.pexper.core.internal.contribution.PluginXmlContributions;
import com.pexper.core.internal.contribution.RegistryContributions;

/**
 * What plug-ins contribute to Pexper's extension points, as they come and go: one reader for node
 * types, image filters and AI providers, like EMF's {@code RegistryReader}, that runs with OSGi (the
 * extension registry, live) and without it (the plugin.xml files of bundles on the class path).
 */
@ProviderType
public interface Contributions {

    /** Told what is contributed to an extension point and what is taken away. */
    interface Listener {

        /** Top-level elements contributed, first all there are, then each plug-in's as it is installed. */
        void added(List<Declaration> declarations);

        /** The elements of plug-ins uninstalled (or updated: their new elements follow as added). */
        void removed(List<Declaration> declarations);
    }

    /**
     * Calls {@code listener} with the elements contributed to {@code extensionPoint} now, at once
     * and on this thread, then from the registry's thread as plug-ins are installed and removed.
     *
     * @return closing it stops the notifications
     */
    AutoCloseable watch(String extensionPoint, Listener listener);

    /** The elements contributed to {@code extensionPoint} now. */
    List<Declaration> of(String extensionPoint);

    /** In OSGi with the extension registry, its contributions, live; otherwise none. */
    static Contributions ofPlatform() {
        Contributions platform;
        try {
            platform = RegistryContributions.ofPlatform();
        } catch (LinkageError e) {
            platform = null; // the registry's bundles are optional: without them, a plain JVM
        }
        return platform != null ? platform : PluginXmlContributions.none();
    }

    /**
     * Without OSGi: the plugin.xml (or fragment.xml) of the jar or folder each class was loaded
     * from, read with the rules the extension registry applies. Fixed: nothing comes or goes.
     */
    static Contributions ofBundlesContaining(Class<?>... types) throws IOException {
        return PluginXmlContributions.ofBundlesContaining(types);
    }
}
