package com.pexper.diagnostics;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.pexper.ai.Secret;
import com.pexper.core.engine.Redactor;

/**
 * What a diagnostics report may carry of a text or an exception: everything passes here before it is
 * stored, let alone sent. Taken out, in this order: the prompts and the workflow and node labels it
 * is told of ({@code [prompt]}, {@code [label]}); the keys in use (through their redactor); PEM
 * blocks; URLs' user names, passwords, queries and fragments; e-mail addresses ({@code [email]}); the
 * user's home and name in file paths, and any other user's ({@code /home/[user]},
 * {@code C:\Users\[user]}); IP addresses ({@code [ip]}); values after words such as password, token
 * or api_key; and anything that looks like a key or token ({@code [key]}: a known provider's prefix,
 * a JWT, Slack's and GitHub's tokens, a long mixed or hexadecimal string, see
 * {@link Secret#looksLikeAKey}). The rules follow Sentry Relay's defaults and VS Code's
 * {@code cleanData}; a version number of four parts is taken for an IP address, which costs a report
 * nothing.
 */
public final class Scrubber {

    /** The packages whose frames a report keeps: Pexper's own, the platform's and the runtime's. */
    public static final List<String> KEPT_FRAMES = List.of("com.pexper.", "org.eclipse.", "org.osgi.", "org.apache.felix.",
            "java.", "javax.", "jdk.", "sun.", "com.sun.");
    /** A text shorter than this is not taken out as a prompt or label: it would take words out of everything. */
    static final int MIN_TOLD = 3;
    /** Causes followed, at most: a loop of causes ends here too. */
    static final int MAX_CAUSES = 8;

    private static final Pattern PEM = Pattern.compile("-----BEGIN [A-Z ]+-----[\\s\\S]*?-----END [A-Z ]+-----");
    private static final Pattern URL = Pattern.compile("\\b([a-zA-Z][a-zA-Z0-9+.-]*://)([^\\s\"'<>]+)");
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");
    private static final Pattern USER_PATH = Pattern.compile("(?i)(/home/|/Users/|[A-Z]:\\\\Users\\\\|[A-Z]:/Users/)([^/\\\\\\s\"']*)");
    private static final Pattern IPV4 = Pattern.compile("(?<![\\w.])(?:\\d{1,3}\\.){3}\\d{1,3}(?![\\w.])");
    private static final Pattern IPV6 = Pattern.compile(
            "(?<![\\w:.])(?:(?:[0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}|[0-9a-fA-F:]*::[0-9a-fA-F:]*[0-9a-fA-F]|::)(?![\\w:])");
    private static final Pattern NAMED_SECRET = Pattern.compile(
            "(?i)\\b(password|passwd|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|auth|authorization|sig|signature)"
                    + "(\\s*[:=]\\s*|\\s+)(?:bearer\\s+|basic\\s+)?([^\\s,;&\"']+)");
    private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer|basic)\\s+([A-Za-z0-9._~+/=-]{8,})");
    private static final Pattern TOKEN_FORMATS = Pattern.compile(
            "\\beyJ[\\w-]{4,}\\.[\\w-]{4,}\\.[\\w-]*|\\bxox[pbar]-[\\w-]{8,}|\\bgithub_pat_\\w{16,}|\\bgh[psuro]_\\w{16,}");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_\\-+/=.]{16,}");

    private final Redactor keysInUse;
    private final List<String> prompts;
    private final List<String> labels;
    private final String home;
    /** The user's name as a word, or null when it is too short to take out. */
    private final Pattern userName;

    private Scrubber(Builder builder) {
        this.keysInUse = builder.keysInUse;
        this.prompts = longestFirst(builder.prompts);
        this.labels = longestFirst(builder.labels);
        this.home = builder.home == null ? null : builder.home.toAbsolutePath().normalize().toString();
        this.userName = builder.userName == null || builder.userName.length() < MIN_TOLD ? null
                : Pattern.compile("(?<![\\w-])" + Pattern.quote(builder.userName) + "(?![\\w-])");
    }

    /** A scrubber that knows the user's home and name from the running Java, and no keys, prompts or labels. */
    public static Builder builder() {
        return new Builder();
    }

    /** The text with everything above taken out; null stays null. */
    public String scrub(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String s = text;
        for (String prompt : prompts) {
            s = s.replace(prompt, "[prompt]");
        }
        for (String label : labels) {
            s = s.replace(label, "[label]");
        }
        s = keysInUse.redact(s);
        s = PEM.matcher(s).replaceAll("[pem]");
        s = replace(URL, s, m -> m.group(1) + url(m.group(2)));
        s = EMAIL.matcher(s).replaceAll("[email]");
        if (home != null && home.length() > 1) {
            s = s.replace(home, "[home]");
        }
        s = replace(USER_PATH, s, m -> m.group(1) + (m.group(2).isEmpty() ? "" : "[user]"));
        if (userName != null) {
            s = userName.matcher(s).replaceAll("[user]");
        }
        s = IPV4.matcher(s).replaceAll("[ip]");
        s = IPV6.matcher(s).replaceAll("[ip]");
        s = replace(NAMED_SECRET, s, m -> m.group(1) + m.group(2) + "[secret]");
        s = replace(BEARER, s, m -> m.group(1) + " [secret]");
        s = TOKEN_FORMATS.matcher(s).replaceAll("[key]");
        return replace(TOKEN, s, m -> keyLike(m.group()) ? "[key]" : m.group());
    }

    /**
     * A qualified name ({@code org.eclipse.e4.ui.workbench.renderers.swt.StackRenderer}) is long
     * and mixes case and digits, as a key does; so a dotted token is a key only when a part of it is.
     */
    private static boolean keyLike(String token) {
        if (token.indexOf('.') < 0) {
            return Secret.looksLikeAKey(token);
        }
        for (String part : token.split("\\.")) {
            if (Secret.looksLikeAKey(part)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The exception as a report carries it: each type's name, its message scrubbed, and the frames of
     * {@link #KEPT_FRAMES} (a run of other frames becomes one {@code [other frames]}), then its causes.
     */
    public ScrubbedException scrub(Throwable thrown) {
        return scrub(thrown, new IdentityHashMap<>(), 0);
    }

    private ScrubbedException scrub(Throwable thrown, Map<Throwable, Boolean> seen, int depth) {
        seen.put(thrown, Boolean.TRUE);
        List<String> frames = new ArrayList<>();
        for (StackTraceElement frame : thrown.getStackTrace()) {
            String className = frame.getClassName();
            if (KEPT_FRAMES.stream().anyMatch(className::startsWith)) {
                frames.add(scrub(frame.toString()));
            } else if (frames.isEmpty() || !frames.get(frames.size() - 1).equals(ScrubbedException.OTHER_FRAMES)) {
                frames.add(ScrubbedException.OTHER_FRAMES);
            }
        }
        Throwable cause = thrown.getCause();
        ScrubbedException scrubbedCause = cause == null || seen.containsKey(cause) || depth >= MAX_CAUSES ? null
                : scrub(cause, seen, depth + 1);
        return new ScrubbedException(thrown.getClass().getName(), scrub(thrown.getMessage()), frames, scrubbedCause);
    }

    private static String url(String rest) {
        String r = rest;
        int at = r.indexOf('@');
        int slash = r.indexOf('/');
        if (at >= 0 && (slash < 0 || at < slash)) {
            r = "[auth]" + r.substring(at);
        }
        int fragment = r.indexOf('#');
        if (fragment >= 0) {
            r = r.substring(0, fragment) + "#[fragment]";
        }
        int query = r.indexOf('?');
        if (query >= 0) {
            int end = r.indexOf("#[fragment]", query);
            r = r.substring(0, query) + "?[query]" + (end < 0 ? "" : r.substring(end));
        }
        return r;
    }

    private static String replace(Pattern pattern, String text, Function<Matcher, String> with) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(with.apply(m)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static List<String> longestFirst(Collection<String> texts) {
        return texts.stream().filter(Objects::nonNull).map(String::strip).filter(t -> t.length() >= MIN_TOLD).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    public static final class Builder {
        private Redactor keysInUse = Redactor.NONE;
        private final List<String> prompts = new ArrayList<>();
        private final List<String> labels = new ArrayList<>();
        private Path home = Path.of(System.getProperty("user.home"));
        private String userName = System.getProperty("user.name");

        private Builder() {
        }

        /** Takes the keys in use out, as from everything Pexper prints. */
        public Builder keysInUse(Redactor redactor) {
            this.keysInUse = Objects.requireNonNull(redactor, "redactor");
            return this;
        }

        /** Prompt texts, taken out wherever they appear. */
        public Builder prompts(Collection<String> texts) {
            prompts.addAll(texts);
            return this;
        }

        /** Workflow and node labels, taken out wherever they appear. */
        public Builder labels(Collection<String> texts) {
            labels.addAll(texts);
            return this;
        }

        /** The user's home folder, as the reports name it: {@code [home]}. */
        public Builder home(Path folder) {
            this.home = folder;
            return this;
        }

        /** The user's login name, wherever it appears as a word: {@code [user]}. */
        public Builder userName(String name) {
            this.userName = name;
            return this;
        }

        public Scrubber build() {
            return new Scrubber(this);
        }
    }
}
