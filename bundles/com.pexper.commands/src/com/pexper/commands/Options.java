package com.pexper.commands;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The arguments of one command: positional arguments, flags and options with values. Options are
 * written --name VALUE or --name=VALUE; repeatable ones collect every value; after {@code --}
 * everything is positional.
 */
public final class Options {

    private final List<String> positional = new ArrayList<>();
    private final Map<String, List<String>> values = new LinkedHashMap<>();

    /**
     * @param command the command as the user wrote it, for messages ({@code "models install"})
     * @param flags the options without a value
     * @param withValue the options with one
     * @throws UsageException for an unknown option, a flag given a value or an option without one
     */
    public static Options parse(String command, List<String> args, Set<String> flags, Set<String> withValue)
            throws UsageException {
        Options options = new Options();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--")) {
                options.positional.addAll(args.subList(i + 1, args.size()));
                break;
            }
            if (!arg.startsWith("--") || arg.length() == 2) {
                options.positional.add(arg);
                continue;
            }
            String name = arg.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (flags.contains(name)) {
                if (value != null) {
                    throw new UsageException("--" + name + " takes no value");
                }
                options.values.computeIfAbsent(name, k -> new ArrayList<>()).add("true");
            } else if (withValue.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.size()) {
                        throw new UsageException("--" + name + " needs a value");
                    }
                    value = args.get(++i);
                }
                options.values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            } else {
                throw new UsageException("unknown option --" + name + " for '" + command + "'; see `pexper help "
                        + command + "`");
            }
        }
        return options;
    }

    public List<String> positional() {
        return positional;
    }

    public boolean flag(String name) {
        return values.containsKey(name);
    }

    /** The option's last value, or null when it was not given. */
    public String value(String name) {
        List<String> all = values.get(name);
        return all == null ? null : all.get(all.size() - 1);
    }

    /** Every value of a repeatable option, in order. */
    public List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    /** The option as a whole number of at least 1, or {@code fallback} when it was not given. */
    public int positiveInt(String name, int fallback) throws UsageException {
        String text = value(name);
        if (text == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(text);
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " takes a whole number of at least 1, not '" + text + "'");
        }
    }
}
