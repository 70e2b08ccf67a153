package com.pexper.core.node;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Node types contributed to the {@code com.pexper.core.nodeTypes} extension point. The attributes
 * are read when the registry is created; a factory class is loaded only when its type is first
 * used, so that listing node types does not start every plug-in. A malformed contribution is
 * skipped and reported in {@link #problems()}; the others stay usable.
 *
 * <p>As a Declarative Services component it is the application's node-type registry, made from the
 * extension registry service. (It stays in this API package for now: plug-ins and their tests make
 * one from a registry of their own.)
 */
@Component(service = NodeTypeRegistry.class)
public final class ExtensionNodeTypeRegistry implements NodeTypeRegistry {

    public static final String EXTENSION_POINT = "com.pexper.core.nodeTypes";

    private final InMemoryNodeTypeRegistry types = new InMemoryNodeTypeRegistry();
    private final List<String> problems = new ArrayList<>();

    @Activate
    public ExtensionNodeTypeRegistry(@Reference IExtensionRegistry registry) {
        for (IConfigurationElement element : registry.getConfigurationElementsFor(EXTENSION_POINT)) {
            String contributor = element.getContributor().getName();
            if ("nodeTypeSource".equals(element.getName())) {
                addFromSource(element, contributor);
                continue;
            }
            if (!"nodeType".equals(element.getName())) {
                continue;
            }
            String id = element.getAttribute("id");
            if (id == null || id.isBlank()) {
                problems.add(contributor + ": a nodeType without an id was ignored");
                continue;
            }
            if (element.getAttribute("factory") == null) {
                problems.add(contributor + ": node type '" + id + "' has no factory and was ignored");
                continue;
            }
            NodeType type = new NodeType(id, element.getAttribute("version"), element.getAttribute("label"),
                    element.getAttribute("category"), element.getAttribute("description"),
                    element.getAttribute("icon"), contributor, () -> create(element));
            register(type, contributor);
        }
    }

    private void register(NodeType type, String contributor) {
        NodeType previous = types.find(type.id()).orElse(null);
        if (previous != null) {
            problems.add(contributor + ": node type '" + type.id() + "' is also contributed by "
                    + previous.contributor() + "; the first one is used");
        } else {
            types.register(type);
        }
    }

    private void addFromSource(IConfigurationElement element, String contributor) {
        try {
            Object created = element.createExecutableExtension("class");
            if (!(created instanceof NodeTypeSource source)) {
                problems.add(contributor + ": " + created.getClass().getName() + " does not implement "
                        + NodeTypeSource.class.getName() + " and was ignored");
                return;
            }
            for (NodeType type : source.nodeTypes()) {
                register(type, contributor);
            }
            problems.addAll(source.problems());
        } catch (CoreException | RuntimeException | LinkageError e) {
            problems.add(contributor + ": its node type source could not be loaded and was ignored: " + e.getMessage()
                    + ". Update or reinstall that plug-in.");
        }
    }

    private static NodeFactory create(IConfigurationElement element) {
        try {
            Object created = element.createExecutableExtension("factory");
            if (!(created instanceof NodeFactory factory)) {
                throw new IllegalStateException(created.getClass().getName() + " does not implement "
                        + NodeFactory.class.getName());
            }
            return factory;
        } catch (CoreException e) {
            throw new IllegalStateException(e.getStatus().getMessage(), e);
        }
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
        return Collections.unmodifiableList(problems);
    }
}
