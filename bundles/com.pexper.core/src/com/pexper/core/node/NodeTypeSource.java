package com.pexper.core.node;

import java.util.Collection;

/**
 * Contributes node types generated from other declarations, through the {@code nodeTypeSource}
 * element of the {@code com.pexper.core.nodeTypes} extension point. The imaging plug-in uses it to
 * make a node type of every image filter.
 */
public interface NodeTypeSource {

    /**
     * The node types, described cheaply: factories should be created only when a type is first
     * used, as for declared node types.
     */
    Collection<NodeType> nodeTypes();

    /** Contributions the source skipped, each with the reason; empty when all were fine. */
    default Collection<String> problems() {
        return java.util.List.of();
    }
}
