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
 * A bundle's plugin.xml read without OSGi, for the plain-JVM readers of extension points (node
 * types, image filters): the same declarations the extension registry reads. The parser refuses
 * DTDs, so a plugin.xml cannot pull in external entities.
 */
public final class PluginXml {

    private PluginXml() {
    }

    /** The plugin.xml of the jar or folder a class was loaded from. */
    public static URL ofBundleContaining(Class<?> type) throws IOException {
        String base = type.getProtectionDomain().getCodeSource().getLocation().toString();
        return URI.create(base.endsWith("/") ? base + "plugin.xml" : "jar:" + base + "!/plugin.xml").toURL();
    }

    /** The {@code extension} elements of a plugin.xml that contribute to the given extension point. */
    public static List<Element> extensions(URL pluginXml, String extensionPoint) throws IOException {
        Document document;
        try (InputStream in = pluginXml.openStream()) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            document = factory.newDocumentBuilder().parse(in);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException(pluginXml + ": not a readable plugin.xml: " + e.getMessage(), e);
        }
        List<Element> result = new ArrayList<>();
        NodeList extensions = document.getElementsByTagName("extension");
        for (int e = 0; e < extensions.getLength(); e++) {
            Element extension = (Element) extensions.item(e);
            if (extensionPoint.equals(extension.getAttribute("point"))) {
                result.add(extension);
            }
        }
        return result;
    }
}
