package com.pexper.core.node;

import java.util.ArrayList;
import java.util.List;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One element of an extension contribution (a node type, image filter, AI provider), read either from the extension registry (in OSGi) or from
 * a plugin.xml parsed directly (in a plain JVM), so both paths share one reader of the declarations.
 */
@ProviderType
public interface Declaration {

    /** The attribute's value, or null when absent or empty. */
    String attribute(String name);

    List<Declaration> children(String name);

    /** Creates the object named by a class attribute, with the contributor's class loader. */
    Object create(String attribute) throws Exception;

    static Declaration of(org.eclipse.core.runtime.IConfigurationElement element) {
        return new Declaration() {
            @Override
            public String attribute(String name) {
                String value = element.getAttribute(name);
                return value == null || value.isEmpty() ? null : value;
            }

            @Override
            public List<Declaration> children(String name) {
                List<Declaration> children = new ArrayList<>();
                for (org.eclipse.core.runtime.IConfigurationElement child : element.getChildren(name)) {
                    children.add(of(child));
                }
                return children;
            }

            @Override
            public Object create(String attribute) throws Exception {
                return element.createExecutableExtension(attribute);
            }
        };
    }

    static Declaration of(Element element, ClassLoader loader) {
        return new Declaration() {
            @Override
            public String attribute(String name) {
                String value = element.getAttribute(name);
                return value.isEmpty() ? null : value;
            }

            @Override
            public List<Declaration> children(String name) {
                List<Declaration> children = new ArrayList<>();
                NodeList nodes = element.getChildNodes();
                for (int i = 0; i < nodes.getLength(); i++) {
                    Node node = nodes.item(i);
                    if (node instanceof Element child && child.getTagName().equals(name)) {
                        children.add(of(child, loader));
                    }
                }
                return children;
            }

            @Override
            public Object create(String attribute) throws Exception {
                return loader.loadClass(attribute(attribute)).getConstructor().newInstance();
            }
        };
    }
}
