package com.pexper.ai;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An API key in memory. It never prints itself: {@link #toString()} is a fixed mask, so a key
 * that slips into a message, log record or exception shows as {@code ****}. {@link #redact} takes
 * it out of a text in every form a server or a log could carry it.
 */
public final class Secret {

    /** What providers put before the random part of a key, longest first: the rest alone is redacted too. */
    public static final List<String> KNOWN_PREFIXES = List.of("sk-ant-api03-", "sk-svcacct-", "sk-proj-", "sk-ant-",
            "sk-", "AIza", "gsk_", "hf_", "xai-", "ghp_", "glpat-", "pplx-", "r8_");
    /** A key's rest without its prefix is redacted alone only from this length on (shorter ones are common text). */
    private static final int MIN_BODY = 8;
    /** A base64 core shorter than this would match ordinary words; such keys are redacted as typed only. */
    private static final int MIN_BASE64_CORE = 16;
    private static final String MASK = "****";

    private final String value;
    /** Literal forms, longest first: as typed, without its prefix, URL-encoded (upper-case escapes). */
    private final List<String> literals;
    /**
     * The forms without their first character: a stream may pass on one character that begins a
     * form (see {@link #undecided}); what follows it is still redacted.
     */
    private final List<String> remainders;
    /** The URL-encoded forms with escapes in either case ({@code %2B} or {@code %2b}). */
    private final List<Pattern> encoded;
    /** The base64 text that each alignment of the key inside a longer base64 run always contains. */
    private final List<String> base64Cores;

    private Secret(String value) {
        this.value = value;
        String body = body(value);
        Set<String> literal = new LinkedHashSet<>();
        List<Pattern> escaped = new ArrayList<>();
        for (String form : body.equals(value) ? List.of(value) : List.of(value, body)) {
            literal.add(form);
            String encodedForm = URLEncoder.encode(form, StandardCharsets.UTF_8);
            if (!encodedForm.equals(form)) {
                literal.add(encodedForm);
                escaped.add(anyCaseEscapes(encodedForm));
            }
        }
        List<String> sorted = new ArrayList<>(literal);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        this.literals = List.copyOf(sorted);
        this.encoded = List.copyOf(escaped);
        this.base64Cores = List.copyOf(base64Cores(body.getBytes(StandardCharsets.UTF_8)));
        Set<String> rest = new LinkedHashSet<>();
        if (body.length() > MIN_BODY) {
            rest.add(body.substring(1));
        }
        base64Cores.forEach(core -> rest.add(core.substring(1)));
        this.remainders = List.copyOf(rest);
    }

    /** @throws IllegalArgumentException for an empty key, or one with line breaks (a pasting accident) */
    public static Secret of(String value) {
        Objects.requireNonNull(value, "value");
        String trimmed = value.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("the key is empty");
        }
        if (trimmed.indexOf('\n') >= 0 || trimmed.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("the key has a line break in it; paste only the key");
        }
        return new Secret(trimmed);
    }

    /** The key itself, for the one place that sends it: the request header or parameter. */
    public String reveal() {
        return value;
    }

    /** Whether this is the same key as {@code other}. */
    public boolean sameAs(Secret other) {
        return other != null && java.security.MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8),
                other.value.getBytes(StandardCharsets.UTF_8));
    }

    /** The random part: the key without a known provider prefix, when what remains is long enough to stand alone. */
    private static String body(String key) {
        for (String prefix : KNOWN_PREFIXES) {
            if (key.startsWith(prefix) && key.length() - prefix.length() >= MIN_BODY) {
                return key.substring(prefix.length());
            }
        }
        return key;
    }

    private static Pattern anyCaseEscapes(String encoded) {
        StringBuilder regex = new StringBuilder();
        int from = 0;
        for (int at = encoded.indexOf('%'); at >= 0 && at + 2 < encoded.length(); at = encoded.indexOf('%', at + 3)) {
            regex.append(Pattern.quote(encoded.substring(from, at))).append("%(?i:").append(encoded, at + 1, at + 3)
                    .append(')');
            from = at + 3;
        }
        return Pattern.compile(regex.append(Pattern.quote(encoded.substring(from))).toString());
    }

    /**
     * The key's bytes may start at any offset of a base64 run ({@code Basic base64(user:key)},
     * {@code base64(":" + key)}, a token that embeds it): for each of the three offsets modulo 3,
     * the characters that encode only the key's own bytes are fixed. Those, in the standard and the
     * URL-safe alphabet, are what a run must contain to carry the key.
     */
    private static List<String> base64Cores(byte[] bytes) {
        Set<String> cores = new LinkedHashSet<>();
        for (int offset = 0; offset < 3; offset++) {
            int start = (3 - offset) % 3;
            int whole = (bytes.length - start) / 3 * 3;
            if (whole <= 0) {
                continue;
            }
            byte[] aligned = Arrays.copyOfRange(bytes, start, start + whole);
            String core = Base64.getEncoder().withoutPadding().encodeToString(aligned);
            if (core.length() >= MIN_BASE64_CORE) {
                cores.add(core);
                cores.add(Base64.getUrlEncoder().withoutPadding().encodeToString(aligned));
            }
        }
        return new ArrayList<>(cores);
    }

    /**
     * Takes the key out of a text that is about to be shown, logged or stored, in every form it can
     * take: as typed; without its provider prefix ({@code sk-}, {@code AIza} ...); URL-encoded; in
     * base64, alone, after {@code Bearer}, or inside a longer base64 run such as {@code Basic
     * base64(user:key)} (the whole run is replaced); and anything starting with its first 8
     * characters (servers quote keys half masked, such as {@code sk-abcde****wxyz}).
     */
    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        for (String literal : literals) {
            result = result.replace(literal, MASK);
        }
        for (Pattern form : encoded) {
            if (result.indexOf('%') >= 0) {
                result = form.matcher(result).replaceAll(MASK);
            }
        }
        for (String core : base64Cores) {
            result = maskRuns(result, core);
        }
        for (String remainder : remainders) {
            result = maskRuns(result, remainder);
        }
        if (value.length() >= 12) {
            String prefix = value.substring(0, 8);
            int at;
            while ((at = result.indexOf(prefix)) >= 0) {
                int end = at;
                while (end < result.length() && !Character.isWhitespace(result.charAt(end))
                        && result.charAt(end) != '"' && result.charAt(end) != '\'') {
                    end++;
                }
                result = result.substring(0, at) + MASK + result.substring(end);
            }
        }
        return result;
    }

    /** Replaces each run of base64 characters (and its padding) that contains {@code part}. */
    private static String maskRuns(String text, String part) {
        String result = text;
        int at;
        while ((at = result.indexOf(part)) >= 0) {
            int start = at;
            while (start > 0 && isBase64(result.charAt(start - 1))) {
                start--;
            }
            int end = at + part.length();
            while (end < result.length() && isBase64(result.charAt(end))) {
                end++;
            }
            while (end < result.length() && result.charAt(end) == '=') {
                end++;
            }
            result = result.substring(0, start) + MASK + result.substring(end);
        }
        return result;
    }

    private static boolean isBase64(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/'
                || c == '-' || c == '_';
    }

    /**
     * For text that arrives in pieces (as it came, not redacted): how many characters at its end
     * begin one of the key's forms, so that the next piece may complete it; 0 when none do. The
     * characters held back never start inside a form that is already complete, so that the text
     * before them redacts whole. A single character is not held (a piece ending in "s" would wait
     * for every key starting with "sk-"): it may pass, and the rest of the form after it is still
     * redacted, so at most that one character of a form shows.
     */
    public int undecided(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        int completeUpTo = 0;
        for (List<String> forms : List.of(literals, base64Cores, remainders)) {
            for (String form : forms) {
                int at = text.lastIndexOf(form);
                if (at >= 0) {
                    completeUpTo = Math.max(completeUpTo, at + form.length());
                }
            }
        }
        int longest = 0;
        int most = text.length() - completeUpTo;
        for (List<String> forms : List.of(literals, base64Cores, remainders)) {
            for (String form : forms) {
                for (int length = Math.min(most, form.length() - 1); length > Math.max(longest, 1); length--) {
                    if (text.regionMatches(text.length() - length, form, 0, length)) {
                        longest = length;
                        break;
                    }
                }
            }
        }
        return longest;
    }

    /**
     * Whether a value someone put where a key's name belongs looks like a key itself: a known
     * provider prefix followed by 16 or more characters with a digit among them, a {@code Bearer} or
     * {@code Basic} credential, or a token of 32 or more characters without spaces that mixes upper
     * case, lower case and digits, or is hexadecimal. Key names such as {@code openai} or
     * {@code work-openai-2025} are not.
     */
    public static boolean looksLikeAKey(String value) {
        if (value == null) {
            return false;
        }
        String v = value.strip();
        String lower = v.toLowerCase(Locale.ROOT);
        if ((lower.startsWith("bearer ") || lower.startsWith("basic ")) && v.length() > 16) {
            return true;
        }
        for (String prefix : KNOWN_PREFIXES) {
            String rest = v.startsWith(prefix) ? v.substring(prefix.length()) : null;
            if (rest != null && rest.length() >= 16 && rest.chars().anyMatch(Character::isDigit)) {
                return true;
            }
        }
        if (v.length() < 32 || !v.matches("[A-Za-z0-9_\\-+/=.]+")) {
            return false;
        }
        boolean upper = v.chars().anyMatch(c -> c >= 'A' && c <= 'Z');
        boolean small = v.chars().anyMatch(c -> c >= 'a' && c <= 'z');
        boolean digit = v.chars().anyMatch(Character::isDigit);
        boolean hex = v.matches("[0-9a-fA-F]+") && digit;
        return (upper && small && digit) || hex;
    }

    @Override
    public String toString() {
        return MASK;
    }
}
