package com.pexper.core.internal.contribution;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import com.pexper.core.contribution.Contributions;
import com.pexper.core.node.ContributedNodeTypes;
import com.pexper.core.node.NodeType;
import com.pexper.core.node.NodeTypeRegistry;

/**
 * The application's node-type registry, as a Declarative Services component: the node types the
 * installed plug-ins contribute, following them as they come and go until deactivated.
 */
@Component(service = NodeTypeRegistry.class)
public final class InstalledNodeTypes implements NodeTypeRegistry {

    private final ContributedNodeTypes types;

    @Activate
    public InstalledNodeTypes(@Reference Contributions contributions) {
        this.types = ContributedNodeTypes.of(contributions);
    }

    @Deactivate
    void deactivate() {
        types.close();
    }

    @Override
    public Optional<NodeType> find(String id) {
        return types.find(id);
    }

    @Override
    public Collection<NodeType> all() {
        return types.all();
    }

    @Override
    public List<String> problems() {
        return types.problems();
    }

    @Override
    public AutoCloseable onChange(Runnable listener) {
        return types.onChange(listener);
    }
}
