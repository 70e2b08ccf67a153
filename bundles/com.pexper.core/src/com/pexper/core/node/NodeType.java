package com.pexper.core.node;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A kind of node that workflows can use: the descriptive attributes of its extension and, loaded
 * lazily on first use, its {@link NodeFactory}. A factory that cannot be created or throws while
 * declaring its signature leaves the type unavailable with the reason, without affecting others.
 */
public final class NodeType {

    private final String id;
    private final String version;
    private final String label;
    private final String category;
    private final String description;
    private final String icon;
    private final String contributor;
    private final Supplier<NodeFactory> factorySupplier;

    private volatile Loaded loaded;

    private record Loaded(NodeFactory factory, NodeSignature signature, String problem) {
    }

    public NodeType(String id, String version, String label, String category, String description, String icon,
            String contributor, Supplier<NodeFactory> factorySupplier) {
        this.id = Objects.requireNonNull(id, "id");
        this.version = version == null ? "1.0.0" : version;
        this.label = label == null ? id : label;
        this.category = category == null ? "Other" : category;
        this.description = description == null ? "" : description;
        this.icon = icon;
        this.contributor = contributor;
        this.factorySupplier = Objects.requireNonNull(factorySupplier, "factory");
    }

    /** A node type registered in code (tests, embedding). */
    public static NodeType of(String id, String version, String label, String category, String description,
            NodeFactory factory) {
        return new NodeType(id, version, label, category, description, null, null, () -> factory);
    }

    public String id() {
        return id;
    }

    public String version() {
        return version;
    }

    public String label() {
        return label;
    }

    public String category() {
        return category;
    }

    public String description() {
        return description;
    }

    /**
     * Whether someone looking for {@code query} means this type: it is in the label, the id or the
     * description, whatever the case; a blank query matches every type. What node lists search by.
     */
    public boolean matches(String query) {
        String words = query.strip().toLowerCase(Locale.ROOT);
        return words.isEmpty() || (label() + " " + id() + " " + description()).toLowerCase(Locale.ROOT).contains(words);
    }

    /** Bundle-relative path of the icon, or null. */
    public String icon() {
        return icon;
    }

    /** The bundle that contributes the type, or null when registered in code. */
    public String contributor() {
        return contributor;
    }

    public NodeFactory factory() throws NodeTypeUnavailableException {
        return load().factory;
    }

    public NodeSignature signature() throws NodeTypeUnavailableException {
        return load().signature;
    }

    /** Whether the type's code loaded; false when it failed (see {@link #problem()}). */
    public boolean isAvailable() {
        return loadQuietly().problem == null;
    }

    /** Why the type cannot be used, or null. */
    public String problem() {
        return loadQuietly().problem;
    }

    private Loaded load() throws NodeTypeUnavailableException {
        Loaded result = loadQuietly();
        if (result.problem != null) {
            throw new NodeTypeUnavailableException(result.problem);
        }
        return result;
    }

    private Loaded loadQuietly() {
        Loaded result = loaded;
        if (result == null) {
            synchronized (this) {
                result = loaded;
                if (result == null) {
                    result = tryLoad();
                    loaded = result;
                }
            }
        }
        return result;
    }

    private Loaded tryLoad() {
        String from = contributor == null ? "" : " (from " + contributor + ")";
        try {
            NodeFactory factory = factorySupplier.get();
            NodeSignature signature = Objects.requireNonNull(factory.signature(), "signature() returned null");
            return new Loaded(factory, signature, null);
        } catch (RuntimeException | LinkageError e) {
            return new Loaded(null, null, "node type '" + id + "'" + from + " could not be loaded: " + describe(e)
                    + ". Update or reinstall the plug-in that provides it.");
        }
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName()
                : root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    @Override
    public String toString() {
        return id + " " + version;
    }
}
