package com.pexper.core.internal.contribution;

import java.io.IOException;
import java.io.InputStream;
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
 * A bundle's plugin.xml read without OSGi: the same declarations the extension registry reads. The
 * parser refuses DTDs, so a plugin.xml cannot pull in external entities.
 */
final class PluginXml {

    private PluginXml() {
    }

    /** The {@code extension} elements of a plugin.xml or fragment.xml. */
    static List<Element> extensions(URL pluginXml) throws IOException {
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
            result.add((Element) extensions.item(e));
        }
        return result;
    }
}
