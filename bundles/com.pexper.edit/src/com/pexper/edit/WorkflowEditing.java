package com.pexper.edit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.eclipse.emf.common.command.BasicCommandStack;
import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.command.CompoundCommand;
import org.eclipse.emf.ecore.util.EcoreUtil;

import com.pexper.core.node.NodeType;
import com.pexper.core.node.NodeTypeRegistry;
import com.pexper.core.node.NodeTypeUnavailableException;
import com.pexper.core.node.ParameterSpec;
import com.pexper.core.node.PortSpec;
import com.pexper.core.workflow.ParameterValues;
import com.pexper.core.workflow.WorkflowValidator;
import com.pexper.model.Connection;
import com.pexper.model.Node;
import com.pexper.model.ParameterValue;
import com.pexper.model.Workflow;
import com.pexper.model.WorkflowFactory;
import com.pexper.model.build.WorkflowBuilder;
import com.pexper.model.graph.WorkflowGraph;
import com.pexper.model.validation.Problem;

/**
 * One workflow being edited: every change goes through here as a command on one command stack, so
 * that each can be undone and redone, and the editor knows whether what it shows differs from the
 * file it saved last. Not thread-safe: an editor calls it from its UI thread.
 */
public final class WorkflowEditing {

    private final Workflow workflow;
    private final NodeTypeRegistry registry;
    private final Path baseDirectory;
    private final BasicCommandStack stack = new BasicCommandStack();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    /** The validator's findings as of the last change; null until asked for after one. */
    private List<Problem> problems;

    /** @param baseDirectory the workflow file's folder: where its relative paths resolve */
    public WorkflowEditing(Workflow workflow, NodeTypeRegistry registry, Path baseDirectory) {
        this.workflow = Objects.requireNonNull(workflow, "workflow");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.baseDirectory = baseDirectory;
        stack.addCommandStackListener(event -> {
            problems = null;
            listeners.forEach(Runnable::run);
        });
    }

    public Workflow workflow() {
        return workflow;
    }

    public NodeTypeRegistry registry() {
        return registry;
    }

    /** Runs {@code listener} after every change, undo and redo, until the handle is closed. */
    public AutoCloseable onChange(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public NodePorts ports(Node node) {
        return NodePorts.of(node, registry, baseDirectory);
    }

    /**
     * Every problem the workflow has now, as {@code pexper validate} finds them (its folder's
     * paths aside): what the editor shows on the nodes while the user edits.
     */
    public List<Problem> problems() {
        if (problems == null) {
            // a workflow not saved yet has no folder: its relative paths are taken from where Pexper started
            problems = List.copyOf(new WorkflowValidator(registry).validate(workflow,
                    baseDirectory != null ? baseDirectory : Path.of("").toAbsolutePath()));
        }
        return problems;
    }

    /** The problems of one node, as {@link #problems()} has them. */
    public List<Problem> problems(Node node) {
        return problems().stream().filter(p -> node.getId().equals(p.nodeId())).toList();
    }

    /** The folder the workflow's relative paths resolve against, or null before it is first saved. */
    public Path baseDirectory() {
        return baseDirectory;
    }

    /** The parameters a node's type declares; none when no installed plug-in provides the type. */
    public List<ParameterSpec> parameters(Node node) {
        return registry.find(node.getType()).map(type -> {
            try {
                return type.signature().parameters();
            } catch (NodeTypeUnavailableException e) {
                return List.<ParameterSpec>of();
            }
        }).orElse(List.of());
    }

    /** A parameter's value as the user would type it, or null when it is not set (its default applies). */
    public String parameterText(Node node, String name) {
        ParameterValue value = node.getParameter(name);
        return value == null ? null : ParameterValues.text(value);
    }

    public Optional<Node> node(String id) {
        return workflow.getNodes().stream().filter(n -> n.getId().equals(id)).findFirst();
    }

    // --------------------------------------------------------------------------------- edits

    /**
     * Adds a node of an installed type with its parameters' defaults, at {@code (x, y)}, under an id
     * made from the type's name that no other node has.
     */
    public Node addNode(String typeId, double x, double y) {
        NodeType type = registry.find(typeId).orElseThrow(() -> new IllegalArgumentException(
                "no node type " + typeId + " is installed"));
        Node node = WorkflowBuilder.newNode(freshId(type), typeId);
        node.setTypeVersion(type.version());
        node.setX(x);
        node.setY(y);
        execute(new AddNode(workflow, node, type.label()));
        return node;
    }

    public void move(Collection<Node> nodes, double dx, double dy) {
        if (!nodes.isEmpty() && (dx != 0 || dy != 0)) {
            execute(new MoveNodes(List.copyOf(nodes), dx, dy));
        }
    }

    /** How the output would feed the input; {@link PortMatch#REFUSED} when either port is unknown. */
    public PortMatch match(Node from, String output, Node to, String input) {
        Optional<PortSpec> out = ports(from).output(output);
        Optional<PortSpec> in = ports(to).input(input);
        if (out.isEmpty() || in.isEmpty() || from == to) {
            return PortMatch.REFUSED;
        }
        return PortMatch.of(out.get().type(), in.get().type());
    }

    /**
     * Connects an output to an input. A connection that fed the input before is replaced.
     *
     * @throws EditRefusedException when the types do not fit or the connection would make a loop
     */
    public Connection connect(Node from, String output, Node to, String input) throws EditRefusedException {
        PortSpec out = ports(from).output(output).orElseThrow(() -> new EditRefusedException(
                label(from) + " has no output '" + output + "'"));
        PortSpec in = ports(to).input(input).orElseThrow(() -> new EditRefusedException(
                label(to) + " has no input '" + input + "'"));
        if (!PortMatch.of(out.type(), in.type()).connects()) {
            throw new EditRefusedException(label(from) + "'s " + output + " gives " + out.type().displayName()
                    + ", which " + label(to) + "'s " + input + " (" + in.type().displayName() + ") cannot take");
        }
        if (from == to || reaches(to, from)) {
            throw new EditRefusedException("connecting " + label(from) + " to " + label(to)
                    + " would make a loop: a workflow runs each node once, after the nodes it takes inputs from");
        }
        Connection connection = connection(from, output, to, input);
        execute(new Connect(workflow, connection, incoming(to, input)));
        return connection;
    }

    /**
     * Sets a parameter from the text the user typed; empty text of a parameter with a default
     * goes back to the default.
     *
     * @throws EditRefusedException when the node has no such parameter or the text is not a value of its kind
     */
    public void setParameter(Node node, String name, String text) throws EditRefusedException {
        ParameterSpec spec = parameters(node).stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new EditRefusedException(label(node) + " has no parameter '" + name + "'"));
        ParameterValue value;
        if (text.isEmpty() && spec.defaultValue() != null) {
            value = null;
        } else {
            try {
                value = ParameterValues.parse(text, spec);
            } catch (IllegalArgumentException e) {
                throw new EditRefusedException(spec.label() + ": " + e.getMessage());
            }
        }
        ParameterValue current = node.getParameter(name);
        if (value == null ? current == null : current != null && EcoreUtil.equals(current, value)) {
            return; // nothing to undo: the field was left as it was
        }
        execute(new SetParameter(node, name, value));
    }

    /** The titled frames around nodes, as saved in the workflow's metadata. */
    public List<NodeGroup> groups() {
        return NodeGroup.of(workflow);
    }

    /**
     * Puts a titled frame around nodes (Ctrl+G): one undoable edit, saved in the workflow's
     * metadata.
     *
     * @throws EditRefusedException when no node is given, or the title is blank
     */
    public NodeGroup group(Collection<Node> nodes, String title) throws EditRefusedException {
        if (nodes.isEmpty()) {
            throw new EditRefusedException("select the nodes to group first");
        }
        if (title == null || title.isBlank()) {
            throw new EditRefusedException("a group needs a title");
        }
        Set<String> taken = workflow.getMetadata().keySet();
        int n = 1;
        while (taken.contains(NodeGroup.PREFIX + n)) {
            n++;
        }
        NodeGroup group = new NodeGroup(NodeGroup.PREFIX + n, title.strip(), nodes.stream().map(Node::getId).toList());
        execute(new SetMetadata("Group " + nodes.size() + " Nodes", workflow, group.key(), group.value()));
        return group;
    }

    /** Gives a group a new title; a blank one leaves it as it was. */
    public void renameGroup(NodeGroup group, String title) {
        if (title != null && !title.isBlank() && !title.strip().equals(group.title())) {
            NodeGroup renamed = new NodeGroup(group.key(), title.strip(), group.nodeIds());
            execute(new SetMetadata("Rename Group", workflow, group.key(), renamed.value()));
        }
    }

    /** Takes a group's frame away; its nodes stay. */
    public void ungroup(NodeGroup group) {
        execute(new SetMetadata("Ungroup", workflow, group.key(), null));
    }

    /** Names a node as it is shown; blank text gives it back its type's name. */
    public void setLabel(Node node, String label) {
        String next = label == null || label.isBlank() ? null : label.strip();
        if (!Objects.equals(next, node.getLabel())) {
            execute(new SetLabel(node, next));
        }
    }

    /** A node's name as shown: its label, else its type's, else its id. */
    public String label(Node node) {
        if (node.getLabel() != null) {
            return node.getLabel();
        }
        return registry.find(node.getType()).map(NodeType::label).orElse(node.getId());
    }

    /**
     * The nodes and the connections among them, copied into a workflow of their own: what Copy puts
     * on the clipboard (as the file format's text), so that it can be pasted into any workflow.
     */
    public Workflow copy(Collection<Node> nodes) {
        Workflow fragment = WorkflowFactory.eINSTANCE.createWorkflow();
        List<String> ids = nodes.stream().map(Node::getId).toList();
        for (Node node : workflow.getNodes()) {
            if (ids.contains(node.getId())) {
                fragment.getNodes().add(EcoreUtil.copy(node));
            }
        }
        for (Connection connection : workflow.getConnections()) {
            if (ids.contains(connection.getSourceNode()) && ids.contains(connection.getTargetNode())) {
                fragment.getConnections().add(EcoreUtil.copy(connection));
            }
        }
        return fragment;
    }

    /**
     * Adds a copy of the fragment's nodes, moved by (dx, dy), and of its connections: one edit.
     * A node whose id is taken gets a fresh one, and its connections follow it.
     *
     * @return the nodes added
     */
    public List<Node> paste(Workflow fragment, double dx, double dy) {
        Workflow copy = EcoreUtil.copy(fragment);
        Map<String, String> renamed = new HashMap<>();
        Set<String> taken = new HashSet<>(workflow.getNodes().stream().map(Node::getId).toList());
        for (Node node : copy.getNodes()) {
            String id = unique(node.getId(), taken);
            taken.add(id);
            renamed.put(node.getId(), id);
            node.setId(id);
            node.setX(node.getX() + dx);
            node.setY(node.getY() + dy);
        }
        List<Connection> connections = new ArrayList<>();
        for (Connection connection : copy.getConnections()) {
            if (renamed.containsKey(connection.getSourceNode()) && renamed.containsKey(connection.getTargetNode())) {
                connection.setSourceNode(renamed.get(connection.getSourceNode()));
                connection.setTargetNode(renamed.get(connection.getTargetNode()));
                connections.add(connection);
            }
        }
        List<Node> nodes = List.copyOf(copy.getNodes());
        AddAll add = new AddAll(nodes.size() == 1 ? "Paste Node" : "Paste " + nodes.size() + " Nodes", workflow, nodes,
                connections);
        if (add.canExecute()) {
            execute(add);
        }
        return nodes;
    }

    /**
     * Places the nodes left to right by their connections, without overlaps (the layered layout of
     * the Eclipse Layout Kernel): one edit. Only the given nodes move, and their block stays where
     * it began; connections to nodes outside it are left out of the layout.
     *
     * @param sizes the nodes to arrange, each with its width and height as drawn
     */
    public void arrange(Map<Node, double[]> sizes) {
        if (sizes.size() < 2) {
            return;
        }
        PlaceNodes place = new PlaceNodes(sizes.size() == workflow.getNodes().size() ? "Arrange" : "Arrange Selection",
                LayeredLayout.arrange(sizes, workflow.getConnections()));
        if (place.canExecute()) {
            execute(place);
        }
    }

    /**
     * The input and output of {@code node} through which it can be put into {@code connection}: the
     * first input that takes what the connection carries, and the first output its target takes;
     * empty when there are none, or the node is one of the connection's ends.
     */
    public Optional<String[]> insertion(Node node, Connection connection) {
        Optional<Node> from = node(connection.getSourceNode());
        Optional<Node> to = node(connection.getTargetNode());
        if (from.isEmpty() || to.isEmpty() || from.get() == node || to.get() == node) {
            return Optional.empty();
        }
        for (PortSpec input : ports(node).inputs()) {
            if (match(from.get(), connection.getSourcePort(), node, input.name()).connects()) {
                for (PortSpec output : ports(node).outputs()) {
                    if (match(node, output.name(), to.get(), connection.getTargetPort()).connects()) {
                        return Optional.of(new String[] { input.name(), output.name() });
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Moves {@code node} by (dx, dy) onto {@code connection} and puts it in between: the connection's
     * source feeds the node, the node feeds the connection's target. One edit.
     *
     * @throws EditRefusedException when the node has no ports for it, or it would make a loop
     */
    public void insert(Node node, Connection connection, double dx, double dy) throws EditRefusedException {
        String[] ports = insertion(node, connection).orElseThrow(() -> new EditRefusedException(label(node)
                + " has no input and output that fit between " + connection.getSourceNode() + " and "
                + connection.getTargetNode()));
        Node from = node(connection.getSourceNode()).orElseThrow();
        Node to = node(connection.getTargetNode()).orElseThrow();
        if (reaches(node, from) || reaches(to, node)) {
            throw new EditRefusedException("putting " + label(node) + " between " + label(from) + " and "
                    + label(to) + " would make a loop");
        }
        CompoundCommand insert = new CompoundCommand("Insert " + label(node));
        if (dx != 0 || dy != 0) {
            insert.append(new MoveNodes(List.of(node), dx, dy));
        }
        insert.append(new Delete(workflow, List.of(), List.of(connection)));
        insert.append(new Connect(workflow, connection(from, connection.getSourcePort(), node, ports[0]),
                incoming(node, ports[0])));
        insert.append(new Connect(workflow, connection(node, ports[1], to, connection.getTargetPort()), null));
        execute(insert);
    }

    private Connection incoming(Node node, String input) {
        return workflow.getConnections().stream()
                .filter(c -> c.getTargetNode().equals(node.getId()) && c.getTargetPort().equals(input)).findFirst()
                .orElse(null);
    }

    private static Connection connection(Node from, String output, Node to, String input) {
        Connection connection = WorkflowFactory.eINSTANCE.createConnection();
        connection.setSourceNode(from.getId());
        connection.setSourcePort(output);
        connection.setTargetNode(to.getId());
        connection.setTargetPort(input);
        return connection;
    }

    /** Deletes nodes, with every connection they have, and connections. */
    public void delete(Collection<Node> nodes, Collection<Connection> connections) {
        Delete delete = new Delete(workflow, List.copyOf(nodes), List.copyOf(connections));
        if (delete.canExecute()) {
            execute(delete);
        }
    }

    // --------------------------------------------------------------------------- undo and redo

    public boolean canUndo() {
        return stack.canUndo();
    }

    public boolean canRedo() {
        return stack.canRedo();
    }

    public void undo() {
        stack.undo();
    }

    public void redo() {
        stack.redo();
    }

    /** What Undo would undo ("Move Node"), or null. */
    public String undoLabel() {
        Command command = stack.getUndoCommand();
        return command == null ? null : command.getLabel();
    }

    public String redoLabel() {
        Command command = stack.getRedoCommand();
        return command == null ? null : command.getLabel();
    }

    /** Whether the workflow differs from what was last saved (or opened). */
    public boolean isDirty() {
        return stack.isSaveNeeded();
    }

    /** The workflow as it is now was saved. */
    public void saved() {
        stack.saveIsDone();
        listeners.forEach(Runnable::run);
    }

    private void execute(Command command) {
        stack.execute(command);
    }

    // ------------------------------------------------------------------------------- helpers

    /** Whether {@code to} is reached from {@code from} following connections forward. */
    private boolean reaches(Node from, Node to) {
        WorkflowGraph graph = WorkflowGraph.of(workflow);
        int target = graph.indexOf(to.getId());
        List<Integer> todo = new ArrayList<>(List.of(graph.indexOf(from.getId())));
        boolean[] seen = new boolean[graph.size()];
        while (!todo.isEmpty()) {
            int i = todo.remove(todo.size() - 1);
            if (i < 0 || seen[i]) {
                continue;
            }
            if (i == target) {
                return true;
            }
            seen[i] = true;
            for (Connection c : graph.outgoing(i)) {
                todo.add(graph.indexOf(c.getTargetNode()));
            }
        }
        return false;
    }

    /** "template", "template2", ...: the type id's last part, lower case, numbered when taken. */
    private String freshId(NodeType type) {
        String base = type.id().substring(type.id().lastIndexOf('.') + 1).replaceAll("[^A-Za-z0-9_-]", "")
                .toLowerCase(Locale.ROOT);
        if (base.isEmpty() || !Character.isLetter(base.charAt(0))) {
            base = "node" + base;
        }
        return unique(base, workflow.getNodes().stream().map(Node::getId).collect(Collectors.toSet()));
    }

    /** {@code id} when it is free, else its name without a trailing number, numbered from 2 until free. */
    private static String unique(String id, Set<String> taken) {
        if (!taken.contains(id)) {
            return id;
        }
        String base = id.replaceAll("\\d+$", "");
        base = base.isEmpty() ? "node" : base;
        String fresh = base + 2;
        for (int n = 3; taken.contains(fresh); n++) {
            fresh = base + n;
        }
        return fresh;
    }
}
