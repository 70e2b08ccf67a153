package com.pexper.core.node;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

import com.pexper.core.contribution.Contributions;
import com.pexper.core.contribution.Declaration;

/**
 * The node types contributed to the {@code com.pexper.core.nodeTypes} extension point, kept up to
 * date as plug-ins are installed and removed. Attributes are read at once; a factory class is loaded
 * only when its type is first used, so that listing node types does not start every plug-in. A
 * malformed contribution is skipped and reported in {@link #problems()}; the others stay usable.
 * The same rules hold with and without OSGi, since both come through {@link Contributions}.
 * Safe to read from any thread: changes replace a snapshot.
 */
public final class ContributedNodeTypes implements NodeTypeRegistry, AutoCloseable {

    public static final String EXTENSION_POINT = "com.pexper.core.nodeTypes";
    private static final Comparator<NodeType> ORDER = Comparator.comparing(NodeType::category)
            .thenComparing(NodeType::label).thenComparing(NodeType::id);

    /** What each plug-in contributes: its types in order, and what was wrong. */
    private record Contributed(List<NodeType> types, List<String> problems) {
    }

    private final Contributions contributions;
    /** Each plug-in's own elements, to ask its node type sources again. */
    private final Map<String, List<Declaration>> declared = new LinkedHashMap<>();
    private final Map<String, Contributed> byContributor = new LinkedHashMap<>();
    /** The extension points node type sources read, watched so that their node types follow them. */
    private final Map<String, AutoCloseable> derivedFrom = new LinkedHashMap<>();
    private final Set<Runnable> listeners = new CopyOnWriteArraySet<>();
    private volatile Snapshot snapshot = new Snapshot(Map.of(), List.of(), List.of());
    private final AutoCloseable watch;

    private record Snapshot(Map<String, NodeType> byId, List<NodeType> sorted, List<String> problems) {
    }

    private ContributedNodeTypes(Contributions contributions) {
        this.contributions = contributions;
        this.watch = contributions.watch(EXTENSION_POINT, new Contributions.Listener() {
            @Override
            public void added(List<Declaration> declarations) {
                change(declarations, true);
            }

            @Override
            public void removed(List<Declaration> declarations) {
                change(declarations, false);
            }
        });
    }

    /** The node types contributed now, and from then on as plug-ins come and go, until closed. */
    public static ContributedNodeTypes of(Contributions contributions) {
        return new ContributedNodeTypes(contributions);
    }

    private synchronized void change(List<Declaration> declarations, boolean added) {
        Map<String, List<Declaration>> byPlugin = new LinkedHashMap<>();
        for (Declaration declaration : declarations) {
            byPlugin.computeIfAbsent(declaration.contributor(), c -> new ArrayList<>()).add(declaration);
        }
        // A plug-in's elements may come in parts (a fragment after its host) and twice (see
        // Contributions.watch); they go when their plug-in goes.
        byPlugin.forEach((contributor, own) -> {
            List<Declaration> elements = new ArrayList<>(declared.getOrDefault(contributor, List.of()));
            if (added) {
                own.stream().filter(d -> !elements.contains(d)).forEach(elements::add);
            } else {
                elements.removeAll(own);
            }
            if (elements.isEmpty()) {
                declared.remove(contributor);
                byContributor.remove(contributor);
            } else {
                declared.put(contributor, elements);
                byContributor.put(contributor, read(contributor, elements));
            }
        });
        changed();
    }

    private void changed() {
        snapshot = snapshot();
        listeners.forEach(Runnable::run);
    }

    /** What a node type source reads from changed (a filter plug-in came or went): ask the sources again. */
    private synchronized void sourcesChanged() {
        declared.forEach((contributor, own) -> {
            if (own.stream().anyMatch(d -> "nodeTypeSource".equals(d.name()))) {
                byContributor.put(contributor, read(contributor, own));
            }
        });
        changed();
    }

    private void follow(String extensionPoint) {
        if (derivedFrom.containsKey(extensionPoint)) {
            return;
        }
        derivedFrom.put(extensionPoint, () -> {
        });
        boolean[] current = { false };
        AutoCloseable watch = contributions.watch(extensionPoint, new Contributions.Listener() {
            @Override
            public void added(List<Declaration> declarations) {
                if (current[0]) {
                    sourcesChanged();
                }
            }

            @Override
            public void removed(List<Declaration> declarations) {
                sourcesChanged();
            }
        });
        current[0] = true; // the first call, with what is there now, is what the source has just read
        derivedFrom.put(extensionPoint, watch);
    }

    private Contributed read(String contributor, List<Declaration> declarations) {
        List<NodeType> types = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Declaration element : declarations) {
            if ("nodeTypeSource".equals(element.name())) {
                fromSource(element, contributor, types, problems);
            } else if ("nodeType".equals(element.name())) {
                String id = element.attribute("id");
                if (id == null) {
                    problems.add(contributor + ": a nodeType without an id was ignored");
                } else if (element.attribute("factory") == null) {
                    problems.add(contributor + ": node type '" + id + "' has no factory and was ignored");
                } else {
                    types.add(new NodeType(id, element.attribute("version"), element.attribute("label"),
                            element.attribute("category"), element.attribute("description"), element.attribute("icon"),
                            contributor, () -> create(element)));
                }
            }
        }
        return new Contributed(types, problems);
    }

    private void fromSource(Declaration element, String contributor, List<NodeType> types, List<String> problems) {
        try {
            Object created = element.create("class");
            if (!(created instanceof NodeTypeSource source)) {
                problems.add(contributor + ": " + created.getClass().getName() + " does not implement "
                        + NodeTypeSource.class.getName() + " and was ignored");
                return;
            }
            types.addAll(source.nodeTypes(contributions));
            problems.addAll(source.problems());
            source.extensionPoints().forEach(this::follow);
        } catch (Exception | LinkageError e) {
            problems.add(contributor + ": its node type source could not be loaded and was ignored: " + e.getMessage()
                    + ". Update or reinstall that plug-in.");
        }
    }

    private static NodeFactory create(Declaration element) {
        Object created;
        try {
            created = element.create("factory");
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        if (!(created instanceof NodeFactory factory)) {
            throw new IllegalStateException(created.getClass().getName() + " does not implement "
                    + NodeFactory.class.getName());
        }
        return factory;
    }

    /** The first contribution of an id wins, in the order plug-ins came; later ones are reported. */
    private Snapshot snapshot() {
        Map<String, NodeType> byId = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Contributed contributed : byContributor.values()) {
            problems.addAll(contributed.problems());
            for (NodeType type : contributed.types()) {
                NodeType previous = byId.putIfAbsent(type.id(), type);
                if (previous != null) {
                    problems.add(type.contributor() + ": node type '" + type.id() + "' is also contributed by "
                            + previous.contributor() + "; the first one is used");
                }
            }
        }
        List<NodeType> sorted = new ArrayList<>(byId.values());
        sorted.sort(ORDER);
        return new Snapshot(Map.copyOf(byId), List.copyOf(sorted), List.copyOf(problems));
    }

    @Override
    public Optional<NodeType> find(String id) {
        return Optional.ofNullable(snapshot.byId().get(id));
    }

    @Override
    public Collection<NodeType> all() {
        return snapshot.sorted();
    }

    @Override
    public List<String> problems() {
        return snapshot.problems();
    }

    @Override
    public AutoCloseable onChange(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Stops following the plug-ins; what is listed stays. */
    @Override
    public synchronized void close() {
        try {
            watch.close();
            for (AutoCloseable derived : derivedFrom.values()) {
                derived.close();
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not stop listening to the plug-ins", e);
        }
    }
}
