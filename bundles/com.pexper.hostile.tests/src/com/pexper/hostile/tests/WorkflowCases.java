package com.pexper.hostile.tests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Malformed workflow documents made from the valid {@link Seeds#workflows() seeds}: each case is
 * named after the seed, the mutation and where it struck, and made from a {@link Random} with a
 * fixed seed, so that a failing case can be made again alone. Documents are made when a case
 * runs, not before: some are 10 MB.
 */
final class WorkflowCases {

    /** A named document, made on demand. */
    record Case(String name, Supplier<byte[]> document) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Stands in a string for raw bytes that are not UTF-8, swapped in after writing. */
    private static final String RAW = "\u2063RAW\u2063";

    static final int DEEP = 10_000;
    static final int HUGE = 10 << 20;

    private WorkflowCases() {
    }

    static Map<String, String> seeds() {
        return Seeds.workflows();
    }

    /** The document cut after every {@code step}-th byte, from the first byte to one short of the end. */
    static List<Case> truncations(int step) {
        List<Case> cases = new ArrayList<>();
        seeds().forEach((seed, text) -> {
            byte[] whole = Seeds.utf8(text);
            for (int length = 0; length < whole.length; length += step) {
                int at = length;
                cases.add(new Case(seed + " cut at byte " + at, () -> Arrays.copyOf(whole, at)));
            }
        });
        return cases;
    }

    /** Single bytes replaced: a flipped bit, NUL, a byte that starts no UTF-8 sequence, a random byte. */
    static List<Case> byteFlips(long seed, int perSeed) {
        List<Case> cases = new ArrayList<>();
        Random random = new Random(seed);
        seeds().forEach((name, text) -> {
            byte[] whole = Seeds.utf8(text);
            for (int i = 0; i < perSeed; i++) {
                int at = random.nextInt(whole.length);
                int kind = random.nextInt(5);
                byte value = switch (kind) {
                    case 0 -> (byte) (whole[at] ^ (1 << random.nextInt(8)));
                    case 1 -> 0;
                    case 2 -> (byte) 0xFF;
                    case 3 -> (byte) (0x80 | random.nextInt(0x40)); // a continuation byte out of place
                    default -> (byte) random.nextInt(256);
                };
                String description = name + " byte " + at + " set to 0x" + Integer.toHexString(value & 0xFF);
                cases.add(new Case(description, () -> {
                    byte[] flipped = whole.clone();
                    flipped[at] = value;
                    return flipped;
                }));
            }
        });
        return cases;
    }

    /** Every JSON value of every seed replaced in turn by a value of each other kind. */
    static List<Case> typeSwaps() {
        List<Case> cases = new ArrayList<>();
        seeds().forEach((seed, text) -> {
            JsonNode root = parse(text);
            for (JsonPointer at : pointers(root, JsonPointer.empty())) {
                JsonNode original = root.at(at);
                for (JsonNode replacement : List.of(NODES.textNode("x"), NODES.numberNode(-1), NODES.numberNode(1e300),
                        NODES.objectNode(), NODES.arrayNode(), NODES.nullNode(), NODES.booleanNode(true),
                        NODES.objectNode().put("file", "x"))) {
                    if (replacement.getNodeType() == original.getNodeType() && !replacement.isObject()) {
                        continue;
                    }
                    cases.add(new Case(seed + " " + (at.toString().isEmpty() ? "/" : at) + " as " + replacement,
                            () -> bytes(replaced(root, at, replacement))));
                }
            }
        });
        return cases;
    }

    /** Values of the shapes that break parsers and the code behind them, put where each kind of value goes. */
    static List<Case> structures() {
        List<Case> cases = new ArrayList<>();
        String greeting = seeds().get("greeting");
        JsonNode root = parse(greeting);

        // deep nesting: the whole document, a parameter, metadata; just past and just inside the parser's limit
        for (int depth : new int[] { DEEP, 1_001, 999 }) {
            cases.add(new Case("document of " + depth + " nested arrays", () -> nested("[", "]", depth, "")));
            cases.add(new Case("document of " + depth + " nested objects", () -> nested("{\"a\":", "}", depth, "1")));
            cases.add(new Case("parameter of " + depth + " nested arrays", () -> replacedText(greeting,
                    "\"  World \"", new String(nested("[", "]", depth, "1"), StandardCharsets.UTF_8))));
            cases.add(new Case("metadata of " + depth + " nested objects", () -> replacedText(greeting,
                    "\"Ada\"", new String(nested("{\"a\":", "}", depth, "1"), StandardCharsets.UTF_8))));
        }
        cases.add(new Case("document of 10000 unclosed arrays", () -> Seeds.utf8("[".repeat(DEEP))));

        // huge strings where every kind of string goes
        for (String pointer : List.of("/name", "/description", "/metadata/author", "/nodes/0/id", "/nodes/0/type",
                "/nodes/0/label", "/nodes/0/version", "/nodes/0/parameters/text", "/nodes/2/parameters/template",
                "/connections/0/from", "/connections/2/to")) {
            cases.add(new Case("10 MB string at " + pointer,
                    () -> bytes(replaced(root, JsonPointer.compile(pointer), NODES.textNode("x".repeat(HUGE))))));
        }
        cases.add(new Case("10 MB parameter name", () -> bytes(withParameter(root, "k".repeat(HUGE), NODES.textNode("v")))));
        cases.add(new Case("10 MB file path", () -> bytes(replaced(root, JsonPointer.compile("/nodes/0/parameters/text"),
                NODES.objectNode().put("file", "a/".repeat(HUGE / 2))))));
        cases.add(new Case("10 MB of spaces", () -> Seeds.utf8(" ".repeat(HUGE) + greeting)));
        cases.add(new Case("10 MB number", () -> replacedText(greeting, "2.5", "9".repeat(HUGE))));
        cases.add(new Case("a chain of 2000 nodes", () -> bytes(manyNodes(root, 2_000))));
        cases.add(new Case("10000 nodes, the last of an unknown type", () -> {
            JsonNode many = manyNodes(root, 10_000);
            return bytes(replaced(many, JsonPointer.compile("/nodes/10003/type"), NODES.textNode("com.example.none")));
        }));
        cases.add(new Case("text of 10000 placeholders", () -> bytes(replaced(root,
                JsonPointer.compile("/nodes/2/parameters/template"), NODES.textNode("{{name}}".repeat(10_000))))));

        // NUL and invalid UTF-8 in values and names
        Map<String, byte[]> raw = Map.of("NUL", new byte[] { 0 }, "overlong slash C0 AF", new byte[] { (byte) 0xC0,
                (byte) 0xAF }, "surrogate ED A0 80", new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 },
                "lone continuation 80", new byte[] { (byte) 0x80 }, "cut sequence E2 82", new byte[] { (byte) 0xE2,
                        (byte) 0x82 }, "F5 (no such lead byte)", new byte[] { (byte) 0xF5, 'a' },
                "escaped NUL", Seeds.utf8("\\u0000"), "escaped lone surrogate", Seeds.utf8("\\ud800"));
        for (String pointer : List.of("/name", "/nodes/0/id", "/nodes/0/type", "/nodes/0/parameters/text",
                "/nodes/2/parameters/template", "/connections/0/from", "/connections/0/to", "/metadata/author")) {
            raw.forEach((what, bytes) -> cases.add(new Case(what + " in " + pointer,
                    () -> withRaw(replaced(root, JsonPointer.compile(pointer), NODES.textNode("a" + RAW + "b")), bytes))));
        }
        raw.forEach((what, bytes) -> cases.add(new Case(what + " in a parameter name",
                () -> withRaw(withParameter(root, "t" + RAW, NODES.textNode("v")), bytes))));
        cases.add(new Case("UTF-8 byte order mark", () -> concat(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF },
                Seeds.utf8(greeting))));
        cases.add(new Case("UTF-16", () -> greeting.getBytes(StandardCharsets.UTF_16)));
        cases.add(new Case("UTF-32 big-endian", () -> greeting.getBytes(java.nio.charset.Charset.forName("UTF-32BE"))));
        for (String document : List.of("", " ", "\u0000", "null", "0", "\"workflow\"", "[]", "{}", "[{}]",
                "{\"formatVersion\": 2}", "{\"formatVersion\": 99999999999999999999}", "{\"formatVersion\": -1}",
                "{\"formatVersion\": 1.5}", "{\"formatVersion\": \"2\"}", "{\"formatVersion\": 1, \"nodes\": {}}",
                "{\"formatVersion\": 2, \"nodes\": [null]}", "{\"formatVersion\": 2, \"connections\": [null]}",
                "{\"formatVersion\": 2, \"nodes\": [{}]}", "{\"formatVersion\": 1}", "{\"formatVersion\": 0}",
                "{\"formatVersion\": 2, \"nodes\": [], \"connections\": [{\"from\": \"a.b\"}]}")) {
            cases.add(new Case("document " + printable(document), () -> Seeds.utf8(document)));
        }

        // graphs that cannot run
        cases.add(new Case("duplicate node ids", () -> bytes(withNodeId(root, 1, "name"))));
        cases.add(new Case("empty node id", () -> bytes(withNodeId(root, 0, ""))));
        cases.add(new Case("node id with a dot", () -> bytes(withNodeId(root, 0, "a.b"))));
        cases.add(new Case("a cycle", () -> bytes(withConnection(root, "hello.text", "hello.name"))));
        cases.add(new Case("two nodes in a cycle", () -> bytes(withConnection(
                withConnection(withNodeType(root, 0, "com.pexper.nodes.basic.template"), "hello.text", "name.a"),
                "name.text", "hello.name"))));
        cases.add(new Case("two connections into one input", () -> bytes(withConnection(root, "name.text", "result.value"))));
        cases.add(new Case("connection from a missing node", () -> bytes(withConnection(root, "ghost.text", "hello.x"))));
        cases.add(new Case("connection to a missing port", () -> bytes(withConnection(root, "name.text", "result.nothing"))));
        cases.add(new Case("connection from a missing port", () -> bytes(withConnection(root, "name.nothing", "hello.y"))));
        for (String endpoint : List.of("", ".", "a.", ".b", "a..b", "a.b.c", "name", "name.text.", " name.text")) {
            cases.add(new Case("connection endpoint " + printable(endpoint),
                    () -> bytes(withConnection(root, endpoint, "hello.z"))));
        }
        for (String type : List.of("com.example.unknown", "", " ", "com.pexper.nodes.basic.", "../../x",
                "com.pexper.nodes.basic.text\u0000")) {
            cases.add(new Case("node type " + printable(type), () -> bytes(withNodeType(root, 0, type))));
        }
        for (String version : List.of("9.9.9", "", "x", "1", "1.0.0.0.0", "-1.0.0", "99999999999999999999.0.0")) {
            cases.add(new Case("node version " + printable(version), () -> bytes(replaced(root,
                    JsonPointer.compile("/nodes/0/version"), NODES.textNode(version)))));
        }
        for (JsonNode position : List.of(NODES.arrayNode().add(1e308).add(-1e308), NODES.arrayNode().add(1),
                NODES.arrayNode().add("a").add("b"), NODES.arrayNode().add(1).add(2).add(3))) {
            cases.add(new Case("position " + position, () -> bytes(replaced(root,
                    JsonPointer.compile("/nodes/0/position"), position))));
        }
        // parameter values out of every range
        for (JsonNode value : List.of(NODES.numberNode(Long.MAX_VALUE), NODES.numberNode(Long.MIN_VALUE),
                NODES.numberNode(new java.math.BigInteger("9".repeat(40))), NODES.numberNode(1e308), NODES.numberNode(-0.0),
                NODES.numberNode(4.9e-324), NODES.objectNode().put("choice", "nonsense"),
                NODES.objectNode().put("color", "#zzzzzz"), NODES.objectNode().put("color", ""),
                NODES.objectNode().put("credential", ""), NODES.objectNode().put("unknown", "x"),
                NODES.objectNode().put("file", "x").put("choice", "y"), NODES.arrayNode().add(1).add("a"))) {
            for (String pointer : List.of("/nodes/0/parameters/text", "/nodes/1/parameters/value")) {
                cases.add(new Case("parameter " + pointer + " = " + value,
                        () -> bytes(replaced(root, JsonPointer.compile(pointer), value))));
            }
        }
        JsonNode photo = parse(seeds().get("photo"));
        for (String parameter : List.of("width", "height")) {
            for (long value : new long[] { 0, -1, 65_536, Integer.MAX_VALUE, Long.MAX_VALUE }) {
                cases.add(new Case("photo resize " + parameter + " " + value, () -> bytes(replaced(photo,
                        JsonPointer.compile("/nodes/1/parameters/" + parameter), NODES.numberNode(value)))));
            }
            cases.add(new Case("photo pad " + parameter + " 65535 on each side", () -> {
                JsonNode copy = replaced(photo, JsonPointer.compile("/nodes/3/parameters/top"), NODES.numberNode(65_535));
                return bytes(replaced(copy, JsonPointer.compile("/nodes/3/parameters/left"), NODES.numberNode(65_535)));
            }));
        }
        return cases;
    }

    /** Paths a downloaded workflow might give its file parameters, and texts its other parameters might hold. */
    static List<Case> hostileValues() {
        List<Case> cases = new ArrayList<>();
        List<String> paths = List.of("", " ", ".", "..", "../x", "../../../../../../etc/passwd", "/etc/passwd",
                "/etc/shadow", "/dev/zero", "/dev/urandom", "/dev/null", "/dev/stdin", "/proc/self/mem",
                "/proc/self/environ", "a\u0000b", "data/order.json\u0000.png", "a\nb", "a\rb", "~", "~/.ssh/id_rsa",
                "pexper-home/settings/providers.json", "case.pexper", "-rf", "--help", "'quoted'", "\"quoted\"",
                "name with spaces.txt", "C:\\Windows\\win.ini", "\\\\server\\share\\x", "file:///etc/passwd",
                "http://127.0.0.1/x", "x".repeat(300), "a/".repeat(15_000), "data/../../x", "./././data/order.json",
                "data//order.json", "data/order.json/", "images/photo.png/..", "\u202Etxt.exe", "con", "*", "?",
                "notes/*.txt");
        // every file parameter of the seeds, for reading and for writing
        String[][] fileParameters = { { "order", "/nodes/0/parameters/path" }, { "order", "/nodes/4/parameters/path" },
                { "notes", "/nodes/0/parameters/folder" }, { "photo", "/nodes/0/parameters/path" },
                { "album", "/nodes/0/parameters/folder" }, { "album", "/nodes/4/parameters/folder" } };
        for (String[] parameter : fileParameters) {
            JsonNode root = parse(seeds().get(parameter[0]));
            for (String path : paths) {
                cases.add(new Case(parameter[0] + " " + parameter[1] + " = " + printable(path), () -> bytes(
                        replaced(root, JsonPointer.compile(parameter[1]), NODES.objectNode().put("file", path)))));
            }
        }
        String absoluteHome = "pexper-home"; // resolved against the workflow's folder by the bench's layout
        cases.add(new Case("photo save folder inside Pexper's data folder", () -> bytes(replaced(parse(seeds().get("photo")),
                JsonPointer.compile("/nodes/4/parameters/folder"), NODES.objectNode().put("file", "../" + absoluteHome)))));
        // texts the other parameters interpret: JSON paths, templates, globs, file lists, output names
        String[][] texts = { { "order", "/nodes/1/parameters/path" }, { "greeting", "/nodes/2/parameters/template" },
                { "notes", "/nodes/0/parameters/pattern" }, { "notes", "/nodes/2/parameters/paths" },
                { "photo", "/nodes/4/parameters/name" }, { "album", "/nodes/0/parameters/pattern" } };
        List<String> values = new ArrayList<>(paths);
        values.addAll(List.of("$", "$..*", "$[", "$.a[?(@.b", "$." + "a.".repeat(15_000) + "b", "$" + "[0]".repeat(10_000),
                "$.items[-1]", "$.items[99999999999]", "$.items[0:2:0]", "{{", "}}", "{{}}", "{{ name | nofilter }}",
                "{{name|" + "trim|".repeat(5_000) + "trim}}", "{{" + "x".repeat(30_000) + "}}", "[", "{", "{a,{b,{c",
                "*{*{*{*{*{*{*{*{*{*{*}}}}}}}}}}", "[!]", "\\", "**/**/**/**/**/**/**", "{name}/../../../x.{ext}",
                "{name}\u0000.{ext}", "{nosuchfield}", "{", "{{name}}", "\"notes/monday.txt", "\"\"", "\"a\nb\"",
                "notes/monday.txt\n".repeat(5_000), "sk-proj-" + "A1b2C3d4".repeat(6),
                "AIzaSy" + "B".repeat(33), "x".repeat(HUGE / 10)));
        for (String[] parameter : texts) {
            JsonNode root = parse(seeds().get(parameter[0]));
            for (String value : values) {
                cases.add(new Case(parameter[0] + " " + parameter[1] + " = " + printable(value),
                        () -> bytes(replaced(root, JsonPointer.compile(parameter[1]), NODES.textNode(value)))));
            }
        }
        // key-looking values where names belong: node ids, parameter names, credential names, ports
        JsonNode root = parse(seeds().get("greeting"));
        for (String key : List.of("sk-proj-" + "A1b2C3d4".repeat(6), "sk-ant-api03-" + "x".repeat(40),
                "AIzaSy" + "B".repeat(33), "ghp_" + "c".repeat(36), "Bearer " + "d".repeat(40))) {
            String shown = key.substring(0, 8);
            cases.add(new Case("key-looking node id " + shown, () -> bytes(withNodeId(root, 3, key))));
            cases.add(new Case("key-looking parameter name " + shown, () -> bytes(withParameter(root, key,
                    NODES.textNode("v")))));
            cases.add(new Case("key-looking credential name " + shown, () -> bytes(withParameter(root, "key",
                    NODES.objectNode().put("credential", key)))));
            cases.add(new Case("key-looking credential value " + shown, () -> bytes(replaced(root,
                    JsonPointer.compile("/nodes/0/parameters/text"), NODES.objectNode().put("credential", key)))));
            cases.add(new Case("key-looking port " + shown, () -> bytes(withConnection(root, "name.text", "hello." + key))));
        }
        return cases;
    }

    // ---- making documents ----

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(JsonNode document) {
        try {
            return JSON.writeValueAsBytes(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every pointer into the document, the root's included, parents before children. */
    private static List<JsonPointer> pointers(JsonNode node, JsonPointer at) {
        List<JsonPointer> all = new ArrayList<>();
        all.add(at);
        if (node.isObject()) {
            node.properties().forEach(e -> all.addAll(pointers(e.getValue(), at.appendProperty(e.getKey()))));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                all.addAll(pointers(node.get(i), at.appendIndex(i)));
            }
        }
        return all;
    }

    /** A copy with the value at {@code at} replaced (added, when the parent object lacks it). */
    static JsonNode replaced(JsonNode root, JsonPointer at, JsonNode value) {
        if (at.matches()) {
            return value;
        }
        JsonNode copy = root.deepCopy();
        JsonNode parent = copy.at(at.head());
        if (parent instanceof ObjectNode object) {
            object.set(at.last().getMatchingProperty(), value);
        } else if (parent instanceof ArrayNode array) {
            array.set(at.last().getMatchingIndex(), value);
        } else {
            throw new IllegalArgumentException("no container at " + at.head());
        }
        return copy;
    }

    private static JsonNode withParameter(JsonNode root, String name, JsonNode value) {
        JsonNode copy = root.deepCopy();
        ((ObjectNode) copy.at("/nodes/0/parameters")).set(name, value);
        return copy;
    }

    private static JsonNode withNodeId(JsonNode root, int node, String id) {
        return replaced(root, JsonPointer.compile("/nodes/" + node + "/id"), NODES.textNode(id));
    }

    private static JsonNode withNodeType(JsonNode root, int node, String type) {
        return replaced(root, JsonPointer.compile("/nodes/" + node + "/type"), NODES.textNode(type));
    }

    private static JsonNode withConnection(JsonNode root, String from, String to) {
        JsonNode copy = root.deepCopy();
        ((ArrayNode) copy.get("connections")).addObject().put("from", from).put("to", to);
        return copy;
    }

    private static JsonNode manyNodes(JsonNode root, int count) {
        JsonNode copy = root.deepCopy();
        ArrayNode nodes = (ArrayNode) copy.get("nodes");
        ArrayNode connections = (ArrayNode) copy.get("connections");
        for (int i = 0; i < count; i++) {
            nodes.addObject().put("id", "t" + i).put("type", "com.pexper.nodes.basic.template").put("version", "1.0.0")
                    .putObject("parameters").put("template", "{{x}}!");
            connections.addObject().put("from", i == 0 ? "name.text" : "t" + (i - 1) + ".text").put("to", "t" + i + ".x");
        }
        return copy;
    }

    private static byte[] nested(String open, String close, int depth, String inside) {
        return Seeds.utf8(open.repeat(depth) + inside + close.repeat(depth));
    }

    private static byte[] replacedText(String document, String what, String with) {
        if (!document.contains(what)) {
            throw new IllegalArgumentException(what + " is not in the seed");
        }
        return Seeds.utf8(document.replace(what, with));
    }

    /** The document written, with every {@link #RAW} marker replaced by the raw bytes. */
    private static byte[] withRaw(JsonNode document, byte[] raw) {
        byte[] written = bytes(document);
        byte[] marker = Seeds.utf8(RAW);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < written.length; i++) {
            if (i + marker.length <= written.length
                    && Arrays.equals(written, i, i + marker.length, marker, 0, marker.length)) {
                out.writeBytes(raw);
                i += marker.length - 1;
            } else {
                out.write(written[i]);
            }
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    /** A value as it is named in a case: short, on one line, control characters visible. */
    static String printable(String value) {
        StringBuilder text = new StringBuilder("\"");
        value.codePoints().limit(40).forEach(c -> {
            if (c < 0x20 || c == 0x7F || c == 0x202E) {
                text.append(String.format("\\u%04x", c));
            } else {
                text.appendCodePoint(c);
            }
        });
        if (value.length() > 40) {
            text.append("...(").append(value.length()).append(" chars)");
        }
        return text.append('"').toString();
    }
}
