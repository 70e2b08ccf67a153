package com.pexper.core.node;

import java.util.Collection;

import com.pexper.core.contribution.Contributions;

/**
 * Contributes node types generated from other declarations, through the {@code nodeTypeSource}
 * element of the {@code com.pexper.core.nodeTypes} extension point. The imaging plug-in uses it to
 * make a node type of every image filter.
 */
public interface NodeTypeSource {

    /**
     * The node types, described cheaply: factories should be created only when a type is first
     * used, as for declared node types.
     *
     * @param contributions where the node types were read from: read other declarations there too,
     *        so that the source works the same with OSGi and without
     */
    Collection<NodeType> nodeTypes(Contributions contributions);

    /**
     * The extension points the node types come from (the image filters'): when a plug-in adds to or
     * takes from one while Pexper runs, the source is asked again.
     */
    default java.util.List<String> extensionPoints() {
        return java.util.List.of();
    }

    /** Contributions the source skipped, each with the reason; empty when all were fine. */
    default Collection<String> problems() {
        return java.util.List.of();
    }
}
