package com.pexper.core.node;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** The node types installed: from plug-ins, or registered in code. */
@ProviderType
public interface NodeTypeRegistry {

    Optional<NodeType> find(String id);

    /** All types, sorted by category then label. */
    Collection<NodeType> all();

    /** Contributions that could not be read (a missing id, a duplicate), for diagnostics. */
    default List<String> problems() {
        return List.of();
    }

    /**
     * Calls {@code listener}, from any thread, after node types came or went (a plug-in installed or
     * removed while Pexper runs); a registry that never changes never calls it.
     *
     * @return closing it stops the calls
     */
    default AutoCloseable onChange(Runnable listener) {
        return () -> {
        };
    }
}
