package com.pexper.core.internal.contribution;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExtension;
import org.eclipse.core.runtime.IExtensionPoint;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.IRegistryEventListener;
import org.eclipse.core.runtime.RegistryFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.pexper.core.contribution.Contributions;
import com.pexper.core.contribution.Declaration;

/**
 * The extension registry's contributions, with its add and remove events. As a Declarative
 * Services component it is the application's {@link Contributions}, made from the registry service.
 */
@Component(service = Contributions.class)
public final class RegistryContributions implements Contributions {

    private final IExtensionRegistry registry;

    @Activate
    public RegistryContributions(@Reference IExtensionRegistry registry) {
        this.registry = registry;
    }

    /** The running platform's registry, or null outside OSGi. */
    public static Contributions ofPlatform() {
        IExtensionRegistry registry = RegistryFactory.getRegistry();
        return registry == null ? null : new RegistryContributions(registry);
    }

    @Override
    public List<Declaration> of(String extensionPoint) {
        return declarations(registry.getConfigurationElementsFor(extensionPoint));
    }

    @Override
    public AutoCloseable watch(String extensionPoint, Listener listener) {
        IRegistryEventListener events = new IRegistryEventListener() {
            @Override
            public void added(IExtension[] extensions) {
                listener.added(declarations(extensions));
            }

            @Override
            public void removed(IExtension[] extensions) {
                // the registry keeps removed extensions readable while it tells its listeners
                listener.removed(declarations(extensions));
            }

            @Override
            public void added(IExtensionPoint[] points) {
                // extension points come with Pexper's own bundles; their contributions are what changes
            }

            @Override
            public void removed(IExtensionPoint[] points) {
                // as above
            }
        };
        // listen first, then read: a plug-in arriving in between is seen twice rather than never
        registry.addListener(events, extensionPoint);
        listener.added(of(extensionPoint));
        return () -> registry.removeListener(events);
    }

    private static List<Declaration> declarations(IExtension[] extensions) {
        List<Declaration> declarations = new ArrayList<>();
        for (IExtension extension : extensions) {
            declarations.addAll(declarations(extension.getConfigurationElements()));
        }
        return declarations;
    }

    private static List<Declaration> declarations(IConfigurationElement[] elements) {
        List<Declaration> declarations = new ArrayList<>(elements.length);
        for (IConfigurationElement element : elements) {
            declarations.add(new RegistryDeclaration(element, element.getContributor().getName()));
        }
        return declarations;
    }

    private record RegistryDeclaration(IConfigurationElement element, String contributor) implements Declaration {

        @Override
        public String name() {
            return element.getName();
        }

        @Override
        public String attribute(String name) {
            String value = element.getAttribute(name);
            return value == null || value.isEmpty() ? null : value;
        }

        @Override
        public List<Declaration> children(String name) {
            List<Declaration> children = new ArrayList<>();
            for (IConfigurationElement child : element.getChildren(name)) {
                children.add(new RegistryDeclaration(child, contributor));
            }
            return children;
        }

        @Override
        public Object create(String attribute) throws Exception {
            return element.createExecutableExtension(attribute);
        }
    }
}
