package com.pexper.nodes.basic.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.pexper.core.contribution.Contributions;
import com.pexper.core.node.ContributedNodeTypes;
import com.pexper.core.node.NodeType;
import com.pexper.core.node.PluginXmlNodeTypes;
import com.pexper.nodes.basic.internal.TextNode;

/** Under OSGi the extension registry sees the same node types as the plain-JVM plugin.xml reader. */
@Tag("osgi")
class ExtensionContributionTest {

    @Test
    void theExtensionRegistryListsEveryBuiltInNodeAsDeclared() throws IOException {
        var fromRegistry = ContributedNodeTypes.of(Contributions.ofPlatform()).all().stream()
                .filter(t -> t.id().startsWith("com.pexper.nodes.basic."))
                .map(t -> t.id() + "@" + t.version() + ":" + t.label() + ":" + t.isAvailable()).sorted().toList();
        var declared = PluginXmlNodeTypes.ofBundleContaining(TextNode.class).stream()
                .map(t -> t.id() + "@" + t.version() + ":" + t.label() + ":" + t.isAvailable()).sorted().toList();
        assertEquals(declared, fromRegistry);
        assertEquals(10, fromRegistry.size());
        NodeType text = ContributedNodeTypes.of(Contributions.ofPlatform()).find("com.pexper.nodes.basic.text")
                .orElseThrow();
        assertEquals("com.pexper.nodes.basic", text.contributor());
    }
}
