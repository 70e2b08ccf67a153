package com.pexper.nodes.basic.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.pexper.model.text.Quote;

/**
 * The JSONPath subset people use to pull a value out of an API response: {@code $}, {@code .name},
 * {@code ['any name']}, {@code [index]} (negative counts from the end) and the wildcards
 * {@code [*]} and {@code .*}. A path with a wildcard gives an array of all matches.
 */
final class JsonPath {

    private sealed interface Step permits Field, Index, Wildcard {
    }

    private record Field(String name) implements Step {
    }

    private record Index(int index) implements Step {
    }

    private record Wildcard() implements Step {
    }

    private final String text;
    private final List<Step> steps;
    private final boolean fansOut;

    private JsonPath(String text, List<Step> steps) {
        this.text = text;
        this.steps = steps;
        this.fansOut = steps.stream().anyMatch(s -> s instanceof Wildcard);
    }

    /** @throws IllegalArgumentException saying where the path is malformed */
    static JsonPath compile(String path) {
        String p = path.trim();
        if (!p.startsWith("$")) {
            throw new IllegalArgumentException("a path starts with $, as in $.items[0].name");
        }
        List<Step> steps = new ArrayList<>();
        int i = 1;
        while (i < p.length()) {
            char c = p.charAt(i);
            if (c == '.') {
                int start = ++i;
                if (i < p.length() && p.charAt(i) == '*') {
                    steps.add(new Wildcard());
                    i++;
                    continue;
                }
                while (i < p.length() && (Character.isLetterOrDigit(p.charAt(i)) || p.charAt(i) == '_'
                        || p.charAt(i) == '-')) {
                    i++;
                }
                if (i == start) {
                    throw malformed(p, start, "a name after '.'");
                }
                steps.add(new Field(p.substring(start, i)));
            } else if (c == '[') {
                int close;
                if (i + 1 < p.length() && (p.charAt(i + 1) == '\'' || p.charAt(i + 1) == '"')) {
                    char quote = p.charAt(i + 1);
                    StringBuilder name = new StringBuilder();
                    int j = i + 2;
                    while (j < p.length() && p.charAt(j) != quote) {
                        if (p.charAt(j) == '\\' && j + 1 < p.length()) {
                            j++;
                        }
                        name.append(p.charAt(j++));
                    }
                    if (j + 1 >= p.length() || p.charAt(j + 1) != ']') {
                        throw malformed(p, j, "a closing " + quote + "]");
                    }
                    steps.add(new Field(name.toString()));
                    i = j + 2;
                    continue;
                }
                close = p.indexOf(']', i);
                if (close < 0) {
                    throw malformed(p, i, "a closing ]");
                }
                String inside = p.substring(i + 1, close).trim();
                if (inside.equals("*")) {
                    steps.add(new Wildcard());
                } else {
                    try {
                        steps.add(new Index(Integer.parseInt(inside)));
                    } catch (NumberFormatException e) {
                        throw malformed(p, i + 1, "an index, * or a quoted name inside [ ]");
                    }
                }
                i = close + 1;
            } else {
                throw malformed(p, i, "'.' or '['");
            }
        }
        return new JsonPath(p, List.copyOf(steps));
    }

    private static IllegalArgumentException malformed(String path, int at, String expected) {
        String near = path.length() > Quote.MAX ? " (" + Quote.of(path.substring(Math.min(at, path.length()))) + ")" : "";
        return new IllegalArgumentException("the path " + Quote.of(path) + " is malformed at character " + (at + 1)
                + near + ": expected " + expected);
    }

    boolean fansOut() {
        return fansOut;
    }

    /**
     * The value at the path: an array of all matches when the path has a wildcard.
     *
     * @throws IllegalArgumentException when a path without wildcard leads nowhere, saying where
     */
    JsonNode select(JsonNode root) {
        List<JsonNode> current = List.of(root);
        StringBuilder at = new StringBuilder("$");
        for (Step step : steps) {
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode node : current) {
                switch (step) {
                    case Field f -> {
                        JsonNode child = node.isObject() ? node.get(f.name()) : null;
                        if (child != null) {
                            next.add(child);
                        } else if (!fansOut) {
                            throw missing(at, "'" + Quote.shorten(f.name()) + "'", node);
                        }
                    }
                    case Index x -> {
                        int index = x.index() < 0 ? node.size() + x.index() : x.index();
                        if (node.isArray() && index >= 0 && index < node.size()) {
                            next.add(node.get(index));
                        } else if (!fansOut) {
                            throw missing(at, "index " + x.index(), node);
                        }
                    }
                    case Wildcard w -> node.elements().forEachRemaining(next::add);
                }
            }
            at.append(switch (step) {
                case Field f -> "." + f.name();
                case Index x -> "[" + x.index() + "]";
                case Wildcard w -> "[*]";
            });
            current = next;
        }
        if (fansOut) {
            ArrayNode all = JsonNodeFactory.instance.arrayNode();
            current.forEach(all::add);
            return all;
        }
        return current.get(0);
    }

    private static IllegalArgumentException missing(CharSequence at, String what, JsonNode node) {
        String there;
        if (node.isObject()) {
            List<String> keys = new ArrayList<>();
            for (Iterator<String> it = node.fieldNames(); it.hasNext() && keys.size() < 10;) {
                keys.add(Quote.shorten(it.next()));
            }
            there = "it is an object with " + (keys.isEmpty() ? "no keys" : "the keys " + String.join(", ", keys));
        } else if (node.isArray()) {
            there = "it is an array of " + node.size() + " elements";
        } else {
            there = "it is " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " "
                    + Quote.shorten(node.toString());
        }
        return new IllegalArgumentException("no " + what + " at " + Quote.shorten(at.toString()) + ": " + there);
    }

    @Override
    public String toString() {
        return text;
    }
}
