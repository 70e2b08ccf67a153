package com.pexper.core.node;

import java.io.IOException;
import java.util.List;

import com.pexper.core.contribution.Contributions;

/**
 * The node types a bundle's plugin.xml contributes, without OSGi: for running Pexper's core in a
 * plain JVM (tests, benchmarks, embedding) from the same declarations, read by the same rules, as
 * the extension registry gives in OSGi. Factories are created when first used.
 */
public final class PluginXmlNodeTypes {

    private PluginXmlNodeTypes() {
    }

    /** The node types declared in the plugin.xml of the jar or folder a class was loaded from. */
    public static List<NodeType> ofBundleContaining(Class<?> type) throws IOException {
        try (ContributedNodeTypes types = ContributedNodeTypes.of(Contributions.ofBundlesContaining(type))) {
            return List.copyOf(types.all());
        }
    }
}
