package com.pexper.core.internal.contribution;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Manifest;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import com.pexper.core.contribution.Contributions;
import com.pexper.core.contribution.Declaration;

/**
 * The contributions in the plugin.xml (or fragment.xml) files of bundles on a plain class path,
 * each named as the registry names it: by the bundle's symbolic name, a fragment by its host's.
 */
public final class PluginXmlContributions implements Contributions {

    /** Per bundle: its extensions' elements, by extension point. */
    private final Map<String, List<Declaration>> byPoint = new LinkedHashMap<>();

    private PluginXmlContributions() {
    }

    public static Contributions none() {
        return new PluginXmlContributions();
    }

    public static Contributions ofBundlesContaining(Class<?>... types) throws IOException {
        PluginXmlContributions contributions = new PluginXmlContributions();
        for (Class<?> type : types) {
            contributions.read(type);
        }
        return contributions;
    }

    @Override
    public List<Declaration> of(String extensionPoint) {
        return List.copyOf(byPoint.getOrDefault(extensionPoint, List.of()));
    }

    @Override
    public AutoCloseable watch(String extensionPoint, Listener listener) {
        listener.added(of(extensionPoint));
        return () -> {
        };
    }

    /** Where a bundle's class keeps its plugin.xml and manifest: a jar, or a bundle's folder. */
    private static final String BUILD_OUTPUT = "target/classes/";

    private void read(Class<?> type) throws IOException {
        String base = type.getProtectionDomain().getCodeSource().getLocation().toString();
        if (base.endsWith("/" + BUILD_OUTPUT)) {
            // compiled but not packaged yet (the bundle's own tests): its plugin.xml is in the bundle's folder
            base = base.substring(0, base.length() - BUILD_OUTPUT.length());
        }
        String contributor = contributor(base, type);
        for (String file : List.of("plugin.xml", "fragment.xml")) {
            URL xml = entry(base, file);
            List<Element> extensions;
            try {
                extensions = PluginXml.extensions(xml);
            } catch (FileNotFoundException | NoSuchFileException e) {
                continue;
            }
            for (Element extension : extensions) {
                List<Declaration> declarations = byPoint.computeIfAbsent(extension.getAttribute("point"),
                        point -> new ArrayList<>());
                for (Element element : children(extension, null)) {
                    declarations.add(new XmlDeclaration(element, type.getClassLoader(), contributor));
                }
            }
        }
    }

    private static URL entry(String base, String file) throws IOException {
        return URI.create(base.endsWith("/") ? base + file : "jar:" + base + "!/" + file).toURL();
    }

    /** The bundle's symbolic name from its manifest (a fragment's host), else the class's package. */
    private static String contributor(String base, Class<?> type) throws IOException {
        try (InputStream in = entry(base, "META-INF/MANIFEST.MF").openStream()) {
            Manifest manifest = new Manifest(in);
            String host = manifest.getMainAttributes().getValue("Fragment-Host");
            String name = host != null ? host : manifest.getMainAttributes().getValue("Bundle-SymbolicName");
            if (name != null) {
                return name.split(";")[0].strip();
            }
        } catch (FileNotFoundException | NoSuchFileException e) {
            // not a bundle: a class folder of a test, say
        }
        return type.getPackageName();
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> children = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element child && (name == null || child.getTagName().equals(name))) {
                children.add(child);
            }
        }
        return children;
    }

    private record XmlDeclaration(Element element, ClassLoader loader, String contributor) implements Declaration {

        @Override
        public String name() {
            return element.getTagName();
        }

        @Override
        public String attribute(String name) {
            String value = element.getAttribute(name);
            return value.isEmpty() ? null : value;
        }

        @Override
        public List<Declaration> children(String name) {
            List<Declaration> children = new ArrayList<>();
            for (Element child : PluginXmlContributions.children(element, name)) {
                children.add(new XmlDeclaration(child, loader, contributor));
            }
            return children;
        }

        @Override
        public Object create(String attribute) throws Exception {
            String className = attribute(attribute);
            if (className == null) {
                throw new IllegalArgumentException("no '" + attribute + "' attribute");
            }
            return loader.loadClass(className).getConstructor().newInstance();
        }
    }
}
