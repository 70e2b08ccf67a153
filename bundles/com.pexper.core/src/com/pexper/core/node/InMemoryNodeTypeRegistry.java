package com.pexper.core.node;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Node types registered in code: for tests, embedding Pexper, and running without OSGi. */
public final class InMemoryNodeTypeRegistry implements NodeTypeRegistry {

    private static final Comparator<NodeType> ORDER = Comparator.comparing(NodeType::category)
            .thenComparing(NodeType::label).thenComparing(NodeType::id);

    private final Map<String, NodeType> types = new ConcurrentHashMap<>();

    public InMemoryNodeTypeRegistry register(NodeType type) {
        if (types.putIfAbsent(type.id(), type) != null) {
            throw new IllegalArgumentException("node type '" + type.id() + "' is already registered");
        }
        return this;
    }

    public InMemoryNodeTypeRegistry registerAll(Collection<NodeType> all) {
        all.forEach(this::register);
        return this;
    }

    @Override
    public Optional<NodeType> find(String id) {
        return Optional.ofNullable(types.get(id));
    }

    @Override
    public Collection<NodeType> all() {
        List<NodeType> sorted = new ArrayList<>(types.values());
        sorted.sort(ORDER);
        return sorted;
    }
}
