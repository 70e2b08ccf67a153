package com.pexper.imaging.internal.registry;

import java.util.Collection;
import java.util.List;

import com.pexper.core.contribution.Contributions;
import com.pexper.core.node.NodeType;
import com.pexper.core.node.NodeTypeSource;
import com.pexper.imaging.filter.FilterNodeTypes;
import com.pexper.imaging.filter.ImageFilters;

/** Contributed to {@code com.pexper.core.nodeTypes}: every registered image filter as a node type. */
public final class FilterNodeTypeSource implements NodeTypeSource {

    private List<String> problems = List.of();

    @Override
    public Collection<NodeType> nodeTypes(Contributions contributions) {
        ImageFilters filters = ImageFilters.from(contributions);
        problems = List.copyOf(filters.problems());
        return FilterNodeTypes.of(filters);
    }

    @Override
    public List<String> extensionPoints() {
        return List.of(ImageFilters.EXTENSION_POINT);
    }

    @Override
    public Collection<String> problems() {
        return problems;
    }
}
