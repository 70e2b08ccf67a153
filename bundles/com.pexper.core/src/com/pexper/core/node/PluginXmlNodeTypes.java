package com.pexper.core.node;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

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
        Document document;
        try (InputStream in = pluginXml.openStream()) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            document = factory.newDocumentBuilder().parse(in);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException(pluginXml + ": not a readable plugin.xml: " + e.getMessage(), e);
        }
        List<NodeType> types = new ArrayList<>();
        NodeList extensions = document.getElementsByTagName("extension");
        for (int e = 0; e < extensions.getLength(); e++) {
            Element extension = (Element) extensions.item(e);
            if (!ExtensionNodeTypeRegistry.EXTENSION_POINT.equals(extension.getAttribute("point"))) {
                continue;
            }
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
        String base = type.getProtectionDomain().getCodeSource().getLocation().toString();
        URL pluginXml = URI.create(base.endsWith("/") ? base + "plugin.xml" : "jar:" + base + "!/plugin.xml").toURL();
        String contributor = type.getPackageName();
        return read(pluginXml, type.getClassLoader(), contributor);
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
