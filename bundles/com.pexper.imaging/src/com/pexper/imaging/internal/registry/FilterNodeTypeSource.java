package com.pexper.imaging.internal.registry;

import java.util.Collection;
import java.util.List;

import org.eclipse.core.runtime.RegistryFactory;

import com.pexper.core.node.NodeType;
import com.pexper.core.node.NodeTypeSource;
import com.pexper.imaging.filter.FilterNodeTypes;
import com.pexper.imaging.filter.ImageFilters;

/** Contributed to {@code com.pexper.core.nodeTypes}: every registered image filter as a node type. */
public final class FilterNodeTypeSource implements NodeTypeSource {

    private final ImageFilters filters = ImageFilters.fromExtensionRegistry(RegistryFactory.getRegistry());

    @Override
    public Collection<NodeType> nodeTypes() {
        return FilterNodeTypes.of(filters);
    }

    @Override
    public Collection<String> problems() {
        return List.copyOf(filters.problems());
    }
}
