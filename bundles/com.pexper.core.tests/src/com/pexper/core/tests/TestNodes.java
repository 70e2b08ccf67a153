package com.pexper.core.tests;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.pexper.core.data.DataType;
import com.pexper.core.data.FileValue;
import com.pexper.core.data.ListValue;
import com.pexper.core.data.NumberValue;
import com.pexper.core.data.TextValue;
import com.pexper.core.data.Value;
import com.pexper.core.node.ExecutionContext;
import com.pexper.core.node.ExistingFile;
import com.pexper.core.node.InMemoryNodeTypeRegistry;
import com.pexper.core.node.Inputs;
import com.pexper.core.node.InvalidConfigurationException;
import com.pexper.core.node.NodeExecutionException;
import com.pexper.core.node.NodeExecutor;
import com.pexper.core.node.NodeFactory;
import com.pexper.core.node.NodeSignature;
import com.pexper.core.node.NodeType;
import com.pexper.core.node.Outputs;
import com.pexper.core.node.ParameterSpec;
import com.pexper.core.node.ParameterType;
import com.pexper.core.node.Parameters;
import com.pexper.core.node.PortSpec;

/** Small node types for engine tests, recording what they execute. */
public final class TestNodes {

    /** What ran, shared by the node types of one registry. */
    public static final class Journal {
        final Map<String, AtomicInteger> executions = new ConcurrentHashMap<>();
        final List<String> order = new CopyOnWriteArrayList<>();
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger maxRunning = new AtomicInteger();
        volatile long cancelObservedNanos;
        /** Items between a Hungry node and the Settle node after it: what holds reserved memory. */
        final AtomicInteger holding = new AtomicInteger();
        final AtomicInteger maxHolding = new AtomicInteger();

        void ran(String what) {
            executions.computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
            order.add(what);
        }

        int count(String nodeId) {
            return executions.entrySet().stream().filter(e -> e.getKey().equals(nodeId)
                    || e.getKey().startsWith(nodeId + "#")).mapToInt(e -> e.getValue().get()).sum();
        }

        int total() {
            return executions.values().stream().mapToInt(AtomicInteger::get).sum();
        }

        void enter() {
            int now = running.incrementAndGet();
            maxRunning.accumulateAndGet(now, Math::max);
        }

        void leave() {
            running.decrementAndGet();
        }
    }

    private TestNodes() {
    }

    public static InMemoryNodeTypeRegistry registry(Journal journal) {
        return new InMemoryNodeTypeRegistry()
                .register(NodeType.of("test.text", "1.0.0", "Text", "Test", "", new Text(journal)))
                .register(NodeType.of("test.upper", "1.0.0", "Upper", "Test", "", new Upper(journal)))
                .register(NodeType.of("test.join", "1.0.0", "Join", "Test", "", new Join(journal)))
                .register(NodeType.of("test.sleep", "1.0.0", "Sleep", "Test", "", new Sleep(journal)))
                .register(NodeType.of("test.fail", "1.0.0", "Fail", "Test", "", new Fail(journal)))
                .register(NodeType.of("test.list", "1.0.0", "List", "Test", "", new ListSource(journal)))
                .register(NodeType.of("test.random", "1.0.0", "Random", "Test", "", new RandomText(journal)))
                .register(NodeType.of("test.write", "1.0.0", "Write", "Test", "", new SlowWrite(journal)))
                .register(NodeType.of("test.spin", "1.0.0", "Spin", "Test", "", new Spin(journal)))
                .register(NodeType.of("test.output", "1.0.0", "Output", "Test", "", new Output()))
                .register(NodeType.of("test.negate", "1.0.0", "Negate", "Test", "", new Negate()))
                .register(NodeType.of("test.hungry", "1.0.0", "Hungry", "Test", "", new Hungry(journal)))
                .register(NodeType.of("test.settle", "1.0.0", "Settle", "Test", "", new Settle(journal)))
                .register(NodeType.of("test.decode", "1.0.0", "Decode", "Test", "", new Decode(journal)))
                .register(NodeType.of("test.encode", "1.0.0", "Encode", "Test", "", new Encode(journal)))
                .register(NodeType.of("test.save", "1.0.0", "Save", "Test", "", new Save(journal)))
                .register(NodeType.of("test.greet", "1.0.0", "Greet", "Test", "", new Greet()))
                .register(NodeType.of("test.picture", "1.0.0", "Picture", "Test", "", new Picture(false)))
                .register(NodeType.of("test.randomPicture", "1.0.0", "Random picture", "Test", "", new Picture(true)));
    }

    /** Emits its "text" parameter. */
    public static final class Text implements NodeFactory {
        private final Journal journal;

        public Text(Journal journal) {
            this.journal = journal;
        }

        @Override
        public NodeSignature signature() {
            return NodeSignature.builder().output(PortSpec.output("text", DataType.TEXT, ""))
                    .parameter(ParameterSpec.of("text", ParameterType.STRING).defaultValue("")).build();
        }

        @Override
        public NodeExecutor configure(Parameters parameters) {
            String text = parameters.string("text");
            return (inputs, context) -> {
                journal.ran(context.nodeId());
                return Outputs.of("text", TextValue.of(text));
            };
        }
    }

    /** Upper-cases "in"; fails on the text "boom". Public no-arg constructor for the extension registry. */
    public static final class Upper implements NodeFactory {
        private final Journal journal;

        public Upper() {
            this(new Journal());
        }

        public Upper(Journal journal) {
            this.journal = journal;
        }

        @Override
        public NodeSignature signature() {
            return NodeSignature.builder().input(PortSpec.required("in", DataType.TEXT, ""))
                    .output(PortSpec.output("out", DataType.TEXT, "")).build();
        }

        @Override
        public NodeExecutor configure(Parameters parameters) {
            return (inputs, context) -> {
                journal.ran(context.itemIndex() < 0 ? context.nodeId() : context.nodeId() + "#" + context.itemIndex());
                String text = inputs.text("in");
                if (text.equals("boom")) {
                    throw new NodeExecutionException("cannot shout 'boom'");
                }
                return Outputs.of("out", TextValue.of(text.toUpperCase(Locale.ROOT)));
            };
        }
    }

    /** Joins "a" and the optional "b" with its "separator". */
    public static final class Join implements NodeFactory {
        private final Journal journal;

        public Join(Journal journal) {
            this.journal = journal;
        }

        @Override
        public NodeSignature signature() {
            return NodeSignature.builder().input(PortSpec.required("a", DataType.TEXT, ""))
                    .input(PortSpec.optional("b", DataType.TEXT, ""))
                    .output(PortSpec.output("out", DataType.TEXT, ""))
                    .parameter(ParameterSpec.of("separator", ParameterType.STRING).defaultValue("+")).build();
        }

        @Override
        public NodeExecutor configure(Parameters parameters) {
            String separator = parameters.string("separator");
            return (inputs, context) -> {
                journal.ran(context.nodeId());
                String b = inputs.has("b") ? separator + inputs.text("b") : "";
                return Outputs.of("out", TextValue.of(inputs.text("a") + b));
            };
        }
    }

    /** Sleeps "millis" (interruptibly) and passes "in" through; counts concurrency. */
    public static final class Sleep implements NodeFactory {
        private final Journal journal;

        public Sleep(Journal journal) {
            this.journal = journal;
        }

        @Override
        public NodeSignature signature() {
            return NodeSignature.builder().input(PortSpec.optional("in", DataType.TEXT, ""))
                    .output(PortSpec.output("out", DataType.TEXT, ""))
                    .parameter(ParameterSpec.of("millis", ParameterType.INTEGER).defaultValue(50L).min(0)).build();
        }

        @Override
        public NodeExecutor configure(Parameters parameters) {
            long millis = parameters.integer("millis");
            return (inputs, context) -> {
                journal.enter();
                try {
                    journal.ran(context.nodeId());
                    Thread.sleep(millis);
                    return Outputs.of("out", TextValue.of(inputs.has("in") ? inputs.text("in") : "slept"));
                } finally {
                    journal.leave();
                }
            };
        }
    }

    /**
     * Declares that each item needs "megabytes" of memory through the nodes after it, as an image
     * read from a file does, and counts the item as held until a Settle node has finished it.
     */
    public static final class Hungry implements NodeFactory {
        private final Journal journal;

        public Hungry(Journal journal) {
            this.journal = journal;
        }

        @Override
        public NodeSignature signature() {
            return NodeSignature.builder().input(PortSpec.required("in", DataType.TEXT, ""))
                    .output(PortSpec.output("out", DataType.TEXT, ""))
                    .parameter(ParameterSpec.of("megabytes", ParameterType.INTEGER).defaultValue(100L).min(0)).build();
        }

        @Override
        public NodeExecutor configure(Parameters parameters) {
            long bytes = parameters.integer("megabytes") << 20;
            return new NodeExecutor() {
                @Override
                public Outputs execute(Inputs inputs, ExecutionContext context) {
                    journal.maxHolding.accumulateAndGet(journal.holding.incrementAndGet(), Math::max);
                    journal.ran(context.nodeId() + "#" + context.itemIndex());
                    return Outputs.of("out", TextValue.of(inputs.text("in")));
                }

                @Override
                public long memoryNeeded(Inputs inputs, ExecutionContext context) {
                    return bytes;
                }
            };
        }
    }

    /** Takes a while over an item a Hungry node passed on, then lets go of it. */
    public static final class Settle implements NodeFactory {
        private final Journal journal;

        public Settle(Journal journal) {
            this.journal = journal;
        }

        @Override
        public NodeSignature signature() {
            return NodeSignature.builder().input(PortSpec.required("in", DataType.TEXT, ""))
                    .output(PortSpec.output("out", DataType.TEXT, "")).build();
        }

        @Override
        public NodeExecutor configure(Parameters parameters) {
            return (inputs, context) -> {
                Thread.sleep(15);
                journal.holding.decrementAndGet();
                return Outputs.of("out", TextValue.of(inputs.text("in")));
            };
        }
    }

    /** Makes a 1 x 1 "image" of a text: a value no persistent cache keeps, as a decoded photo. */
    public static final class Decode implements NodeFactory {
        private final Journal journal;

        public Decode(Journal journal) {
            this.journal = journal;
        }

        @Override
        public NodeSignature signature() {
            return NodeSignature.builder().input(PortSpec.required("in", DataType.TEXT, ""))
                    .output(PortSpec.output("image", DataType.IMAGE, "")).build();
        }

        @Override
        public NodeExecutor configure(Parameters parameters) {
            return (inputs, context) -> {
                journal.ran(context.nodeId() + "#" + context.itemIndex());
                return Outputs.of("image", new Pixel(inputs.text("in")));
            };
        }
    }

    /** Turns a Decode node's image back into its text, upper-cased; with 'peek', its fingerprint reads the image. */
    public static final class Encode implements NodeFactory {
        private final Journal journal;

        public Encode(Journal journal) {
            this.journal = journal;
        }

        @Override
        public NodeSignature signature() {
            return NodeSignature.builder().input(PortSpec.required("image", DataType.IMAGE, ""))
                    .output(PortSpec.output("out", DataType.TEXT, ""))
                    .parameter(ParameterSpec.of("peek", ParameterType.BOOLEAN).defaultValue(false)).build();
        }

        @Override
        public NodeExecutor configure(Parameters parameters) {
            boolean peek = parameters.flag("peek");
            return new NodeExecutor() {
                @Override
                public Outputs execute(Inputs inputs, ExecutionContext context) {
                    journal.ran(context.nodeId() + "#" + context.itemIndex());
                    return Outputs.of("out", TextValue.of(inputs.get("image", Pixel.class).text.toUpperCase(Locale.ROOT)));
                }

                @Override
                public String fingerprint(Inputs inputs, ExecutionContext context) {
                    return peek ? inputs.get("image", Pixel.class).text : "";
                }
            };
        }
    }

    /** Writes its text into "NAME.txt" in the output folder, NAME being the text itself. */
    public static final class Save implements NodeFactory {
        private final Journal journal;

        public Save(Journal journal) {
            this.journal = journal;
        }

        @Override
        public NodeSignature signature() {
            return NodeSignature.builder().input(PortSpec.required("in", DataType.TEXT, ""))
                    .output(PortSpec.output("file", DataType.FILE, "")).marksOutput().build();
        }

        @Override
        public NodeExecutor configure(Parameters parameters) {
            return (inputs, context) -> {
                journal.ran(context.nodeId() + "#" + context.itemIndex());
                Path target = context.resolveOutput(inputs.text("in") + ".txt");
                context.writeFile(target, out -> out.write(inputs.text("in").getBytes(StandardCharsets.UTF_8)),
                        ExistingFile.REPLACE);
                return Outputs.of("file", FileValue.of(target));
            };
        }
    }

    /** Says the greeting the application gave as a String service. */
    public static final class Greet implements NodeFactory {
        @Override
        public NodeSignature signature() {
            return NodeSignature.builder().output(PortSpec.output("text", DataType.TEXT, "")).needs(String.class).build();
        }

        @Override
        public NodeExecutor configure(Parameters parameters) {
            return (inputs, context) -> Outputs.of("text", TextValue.of(context.service(String.class).orElseThrow()));
        }
    }

    /** A one-pixel image standing for a text. */
    /** An image from its "text" parameter and nothing else, as a reader's; with {@code random}, another each time. */
    public static final class Picture implements NodeFactory {
        private final boolean random;

        public Picture(boolean random) {
            this.random = random;
        }

        @Override
        public NodeSignature signature() {
            NodeSignature.Builder signature = NodeSignature.builder().output(PortSpec.output("image", DataType.IMAGE, ""))
                    .parameter(ParameterSpec.of("text", ParameterType.STRING).defaultValue("picture"));
            return (random ? signature.nonDeterministic() : signature).build();
        }

        @Override
        public NodeExecutor configure(Parameters parameters) {
            String text = parameters.string("text");
            return (inputs, context) -> Outputs.of("image", new Pixel(random ? text + Math.random() : text));
        }
    }

    static final class Pixel implements com.pexper.core.data.ImageValue {
        final String text;

        Pixel(String text) {
            this.text = text;
        }

        @Override
        public int width() {
            return 1;
        }

        @Override
        public int height() {
            return 1;
        }

        @Override
        public int channels() {
            return 1;
        }

        @Override
        public int bitsPerChannel() {
            return 8;
        }
    }

    /** Always fails, with an actionable message. */
    public static final class Fail implements NodeFactory {
        private final Journal journal;

        public Fail(Journal journal) {
            this.journal = journal;
        }

        @Override
        public NodeSignature signature() {
            return NodeSignature.builder().input(PortSpec.optional("in", DataType.TEXT, ""))
                    .output(PortSpec.output("out", DataType.TEXT, "")).build();
        }

        @Override
        public NodeExecutor configure(Parameters parameters) {
            return (inputs, context) -> {
                journal.ran(context.nodeId());
                throw new NodeExecutionException("the disk is full; free some space and run again");
            };
        }
    }

    /** Emits a list of texts from its comma-separated "items" parameter. */
    public static final class ListSource implements NodeFactory {
        private final Journal journal;

        public ListSource(Journal journal) {
            this.journal = journal;
        }

        @Override
        public NodeSignature signature() {
            return NodeSignature.builder().output(PortSpec.output("items", DataType.listOf(DataType.TEXT), ""))
                    .parameter(ParameterSpec.of("items", ParameterType.STRING).required()).build();
        }

        @Override
        public NodeExecutor configure(Parameters parameters) throws InvalidConfigurationException {
            String items = parameters.string("items");
            if (items.isBlank()) {
                throw new InvalidConfigurationException("'items' is empty; list at least one, separated by commas");
            }
            List<Value> values = new ArrayList<>();
            for (String item : items.split(",")) {
                values.add(TextValue.of(item.trim()));
            }
            return (inputs, context) -> {
                journal.ran(context.nodeId());
                return Outputs.of("items", ListValue.of(DataType.TEXT, values));
            };
        }
    }

    /** Non-deterministic: a new number every time. */
    public static final class RandomText implements NodeFactory {
        private final Journal journal;

        public RandomText(Journal journal) {
            this.journal = journal;
        }

        @Override
        public NodeSignature signature() {
            return NodeSignature.builder().output(PortSpec.output("text", DataType.TEXT, "")).nonDeterministic()
                    .build();
        }

        @Override
        public NodeExecutor configure(Parameters parameters) {
            return (inputs, context) -> {
                journal.ran(context.nodeId());
                return Outputs.of("text", TextValue.of(Double.toString(Math.random())));
            };
        }
    }

    /** Writes "in" repeated "kilobytes" times to "path", slowly, through the context's atomic writer. */
    public static final class SlowWrite implements NodeFactory {
        private final Journal journal;

        public SlowWrite(Journal journal) {
            this.journal = journal;
        }

        @Override
        public NodeSignature signature() {
            return NodeSignature.builder().input(PortSpec.required("in", DataType.TEXT, ""))
                    .output(PortSpec.output("file", DataType.FILE, ""))
                    .parameter(ParameterSpec.of("path", ParameterType.FILE).required().writes())
                    .parameter(ParameterSpec.of("kilobytes", ParameterType.INTEGER).defaultValue(1L))
                    .parameter(ParameterSpec.of("millisPerKilobyte", ParameterType.INTEGER).defaultValue(0L))
                    .build();
        }

        @Override
        public NodeExecutor configure(Parameters parameters) {
            String relative = parameters.string("path");
            long kilobytes = parameters.integer("kilobytes");
            long pause = parameters.integer("millisPerKilobyte");
            return (inputs, context) -> {
                journal.ran(context.nodeId());
                Path target = context.resolveOutput(relative);
                byte[] chunk = (inputs.text("in").repeat(1024 / Math.max(1, inputs.text("in").length()) + 1))
                        .substring(0, 1024).getBytes(StandardCharsets.UTF_8);
                context.writeFile(target, out -> {
                    for (long k = 0; k < kilobytes; k++) {
                        out.write(chunk);
                        if (pause > 0) {
                            try {
                                Thread.sleep(pause);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                throw new java.io.InterruptedIOException();
                            }
                        }
                    }
                }, ExistingFile.REPLACE);
                return Outputs.of("file", FileValue.of(target));
            };
        }
    }

    /** Busy work that checks for cancellation every "checkMillis", forever, noting when it sees the cancel. */
    public static final class Spin implements NodeFactory {
        private final Journal journal;

        public Spin(Journal journal) {
            this.journal = journal;
        }

        @Override
        public NodeSignature signature() {
            return NodeSignature.builder().output(PortSpec.output("out", DataType.NUMBER, ""))
                    .parameter(ParameterSpec.of("checkMillis", ParameterType.INTEGER).defaultValue(10L)).build();
        }

        @Override
        public NodeExecutor configure(Parameters parameters) {
            long check = parameters.integer("checkMillis");
            return (inputs, context) -> {
                journal.ran(context.nodeId());
                long spins = 0;
                while (true) {
                    long until = System.nanoTime() + check * 1_000_000;
                    while (System.nanoTime() < until) {
                        spins++;
                    }
                    if (context.isCanceled()) {
                        journal.cancelObservedNanos = System.nanoTime();
                        context.checkCanceled();
                    }
                    if (spins < 0) {
                        return Outputs.of("out", NumberValue.of(spins));
                    }
                }
            };
        }
    }

    /** Takes a Number: text cannot be converted to it implicitly. */
    public static final class Negate implements NodeFactory {
        @Override
        public NodeSignature signature() {
            return NodeSignature.builder().input(PortSpec.required("x", DataType.NUMBER, ""))
                    .output(PortSpec.output("out", DataType.NUMBER, "")).build();
        }

        @Override
        public NodeExecutor configure(Parameters parameters) {
            return (inputs, context) -> Outputs.of("out", NumberValue.of(-inputs.number("x")));
        }
    }

    /** Marks what a run returns. */
    public static final class Output implements NodeFactory {
        @Override
        public NodeSignature signature() {
            return NodeSignature.builder().input(PortSpec.required("value", DataType.ANY, ""))
                    .output(PortSpec.output("value", DataType.ANY, "")).marksOutput().build();
        }

        @Override
        public NodeExecutor configure(Parameters parameters) {
            return (inputs, context) -> Outputs.of("value", inputs.get("value"));
        }
    }

    /** Its signature() throws: the registry must isolate it. */
    public static final class BrokenSignature implements NodeFactory {
        @Override
        public NodeSignature signature() {
            throw new IllegalStateException("broken on purpose");
        }

        @Override
        public NodeExecutor configure(Parameters parameters) {
            throw new UnsupportedOperationException();
        }
    }
}
