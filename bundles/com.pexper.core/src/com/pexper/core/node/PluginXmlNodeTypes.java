package com.pexper.core.node;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Reads the node types a bundle's plugin.xml contributes, without OSGi: for running Pexper's core
 * in a plain JVM (tests, benchmarks, embedding) from the same declarations the extension registry
 * reads. Factories are created with the given class loader when first used.
 */
public final class PluginXmlNodeTypes {

    private PluginXmlNodeTypes() {
    }

    /**
     * @param pluginXml the plugin.xml (or fragment.xml) to read
     * @param loader loads the factory classes
     * @param contributor the contributing bundle's name, for messages
     */
    public static List<NodeType> read(URL pluginXml, ClassLoader loader, String contributor) throws IOException {
        List<NodeType> types = new ArrayList<>();
        for (Element extension : PluginXml.extensions(pluginXml, ExtensionNodeTypeRegistry.EXTENSION_POINT)) {
            NodeList nodeTypes = extension.getElementsByTagName("nodeType");
            for (int t = 0; t < nodeTypes.getLength(); t++) {
                Element element = (Element) nodeTypes.item(t);
                String id = element.getAttribute("id");
                String factoryClass = element.getAttribute("factory");
                if (id.isEmpty() || factoryClass.isEmpty()) {
                    continue;
                }
                types.add(new NodeType(id, attribute(element, "version"), attribute(element, "label"),
                        attribute(element, "category"), attribute(element, "description"),
                        attribute(element, "icon"), contributor, () -> create(factoryClass, loader)));
            }
        }
        return types;
    }

    /**
     * The node types declared in the plugin.xml of the jar or folder a class was loaded from: in a
     * plain JVM, the way to register a bundle's node types from its own declarations.
     */
    public static List<NodeType> ofBundleContaining(Class<?> type) throws IOException {
        return read(PluginXml.ofBundleContaining(type), type.getClassLoader(), type.getPackageName());
    }

    private static String attribute(Element element, String name) {
        return element.hasAttribute(name) ? element.getAttribute(name) : null;
    }

    private static NodeFactory create(String className, ClassLoader loader) {
        try {
            return (NodeFactory) loader.loadClass(className).getConstructor().newInstance();
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("cannot create " + className + ": " + e, e);
        }
    }
}
