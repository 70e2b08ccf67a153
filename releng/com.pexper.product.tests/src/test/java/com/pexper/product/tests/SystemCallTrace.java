package com.pexper.product.tests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a process tree did, read from {@code strace -f -y -x} output, as far as the privacy promise
 * cares: the files it created, wrote, renamed or removed, the addresses it contacted, and the name
 * look-ups it asked nscd or systemd-resolved for. Paths relative to a directory descriptor or the
 * working directory are resolved (working directories are followed through chdir and inherited by
 * children), and calls that strace split across lines are joined first.
 */
final class SystemCallTrace {

    /** The strace options this reader expects, before the command. */
    static List<String> straceOptions(Path output) {
        return List.of("strace", "-f", "-qq", "-y", "-x", "-s", "64", "--seccomp-bpf", "-e", "signal=none",
                "-e", "trace=%file,%network,%process,chdir,fchdir,writev,io_uring_setup", "-o", output.toString());
    }

    /** A file or folder the traced processes changed. */
    record FileChange(int pid, String call, Path path) {
    }

    /**
     * An address the traced processes sent to or tried to connect to; for IP, {@code address} is the
     * literal and {@code port} the port, for local sockets {@code address} is the socket's path.
     */
    record Contact(int pid, String call, String family, String address, int port) {
        boolean isLoopback() {
            return family.equals("AF_INET") ? address.startsWith("127.")
                    : family.equals("AF_INET6") && (address.equals("::1") || address.startsWith("::ffff:127."));
        }

        boolean isIp() {
            return family.equals("AF_INET") || family.equals("AF_INET6");
        }
    }

    /** A name look-up asked of a local resolver service (nscd, systemd-resolved) rather than sent as DNS. */
    record Lookup(int pid, String service, String detail) {
    }

    /** A process set up io_uring, whose file and network operations strace cannot see. */
    record Unobservable(int pid, String call) {
    }

    private static final Pattern LINE = Pattern.compile("^(\\d+)\\s+(\\w+)\\((.*)\\)\\s+=\\s+(-?\\d+|\\?|0x[0-9a-f]+)(.*)$");
    private static final Pattern UNFINISHED = Pattern.compile("^(\\d+)\\s+(.*) <unfinished \\.\\.\\.>$");
    private static final Pattern RESUMED = Pattern.compile("^(\\d+)\\s+<\\.\\.\\. (\\w+) resumed>(.*)$");
    /** A descriptor as {@code strace -y} shows it, the working directory ({@code AT_FDCWD</path>}) included. */
    private static final Pattern FD = Pattern.compile("^(\\d+|AT_FDCWD)<(.*)>$");
    private static final Pattern INET = Pattern.compile(
            "sa_family=AF_INET, sin_port=htons\\((\\d+)\\), sin_addr=inet_addr\\(\"([^\"]+)\"\\)");
    private static final Pattern INET6 = Pattern.compile(
            "sa_family=AF_INET6, sin6_port=htons\\((\\d+)\\),.*?inet_pton\\(AF_INET6, \"([^\"]+)\"");
    private static final Pattern UNIX = Pattern.compile("sa_family=AF_UNIX, sun_path=(@?\"(?:[^\"\\\\]|\\\\.)*\")");
    private static final Set<String> NSCD = Set.of("/var/run/nscd/socket", "/run/nscd/socket");
    /** nscd request types that look up hosts: GETHOSTBYNAME(v6), GETHOSTBYADDR(v6), GETFDHST, GETAI. */
    private static final Set<Integer> NSCD_HOST_REQUESTS = Set.of(4, 5, 6, 7, 13, 14);

    private final List<FileChange> changes = new ArrayList<>();
    private final List<Contact> contacts = new ArrayList<>();
    private final List<Lookup> lookups = new ArrayList<>();
    private final List<Unobservable> unobservable = new ArrayList<>();
    /** Per task; threads (and children cloned with CLONE_FS) share one holder, as they share the directory. */
    private final Map<Integer, Path[]> workingDirectories = new HashMap<>();
    private final Map<Integer, String> pending = new HashMap<>();
    private final Set<String> nscdSockets = new HashSet<>();
    private final Path initialDirectory;

    private SystemCallTrace(Path initialDirectory) {
        this.initialDirectory = initialDirectory;
    }

    /** @param workingDirectory where the traced command was started */
    static SystemCallTrace read(Path file, Path workingDirectory) throws IOException {
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8), workingDirectory);
    }

    static SystemCallTrace parse(List<String> lines, Path workingDirectory) {
        SystemCallTrace trace = new SystemCallTrace(workingDirectory);
        for (String line : lines) {
            trace.accept(line);
        }
        return trace;
    }

    List<FileChange> changes() {
        return changes;
    }

    List<Contact> contacts() {
        return contacts;
    }

    List<Lookup> lookups() {
        return lookups;
    }

    List<Unobservable> unobservable() {
        return unobservable;
    }

    private void accept(String text) {
        Matcher unfinished = UNFINISHED.matcher(text);
        if (unfinished.matches()) {
            pending.put(Integer.parseInt(unfinished.group(1)), unfinished.group(2));
            return;
        }
        Matcher resumed = RESUMED.matcher(text);
        if (resumed.matches()) {
            String start = pending.remove(Integer.parseInt(resumed.group(1)));
            if (start == null) {
                return;
            }
            text = resumed.group(1) + " " + start + resumed.group(3);
        }
        Matcher line = LINE.matcher(text);
        if (!line.matches()) {
            return; // exits, signals, lines of other shapes
        }
        int pid = Integer.parseInt(line.group(1));
        String call = line.group(2);
        List<String> args = arguments(line.group(3));
        String result = line.group(4);
        boolean ok = !result.startsWith("-");
        for (String arg : args) {
            Matcher fd = FD.matcher(arg);
            if (fd.matches() && fd.group(1).equals("AT_FDCWD")) {
                holder(pid)[0] = Path.of(unescape(fd.group(2))); // strace knows the directory: take its word
            }
        }
        switch (call) {
            case "clone", "clone3", "fork", "vfork" -> {
                if (ok && !result.equals("?")) {
                    boolean shared = args.stream().anyMatch(a -> a.contains("CLONE_FS"));
                    workingDirectories.put(Integer.parseInt(result), shared ? holder(pid) : new Path[] { directory(pid) });
                }
            }
            case "chdir" -> {
                if (ok) {
                    holder(pid)[0] = resolve(pid, "AT_FDCWD", args.get(0));
                }
            }
            case "fchdir" -> {
                Matcher fd = FD.matcher(args.get(0));
                if (ok && fd.matches()) {
                    holder(pid)[0] = Path.of(unescape(fd.group(2)));
                }
            }
            case "io_uring_setup" -> {
                if (ok) {
                    unobservable.add(new Unobservable(pid, call));
                }
            }
            case "bind" -> {
                // binding a local socket to a path creates a file there
                Matcher unix = UNIX.matcher(String.join(", ", args));
                if (ok && unix.find() && !unix.group(1).startsWith("@")) {
                    changes.add(new FileChange(pid, call, resolve(pid, "AT_FDCWD", unix.group(1))));
                }
            }
            case "connect", "sendto", "sendmsg", "sendmmsg", "writev" -> network(pid, call, args, ok);
            default -> file(pid, call, args, ok, result);
        }
    }

    private void file(int pid, String call, List<String> a, boolean ok, String result) {
        if (!ok) {
            return;
        }
        switch (call) {
            case "open", "creat" -> {
                if (call.equals("creat") || writes(a.get(1))) {
                    change(pid, call, "AT_FDCWD", a.get(0));
                }
            }
            case "openat", "openat2" -> {
                if (writes(a.get(2))) {
                    change(pid, call, a.get(0), a.get(1));
                }
            }
            case "mkdir", "rmdir", "unlink", "truncate", "chmod", "chown", "lchown", "utime", "utimes", "mknod",
                    "setxattr", "lsetxattr", "removexattr", "lremovexattr" -> change(pid, call, "AT_FDCWD", a.get(0));
            case "mkdirat", "unlinkat", "fchmodat", "fchmodat2", "fchownat", "mknodat" -> change(pid, call, a.get(0), a.get(1));
            case "utimensat" -> {
                if (a.get(1).equals("NULL")) {
                    Matcher fd = FD.matcher(a.get(0));
                    if (fd.matches()) {
                        changes.add(new FileChange(pid, call, Path.of(unescape(fd.group(2)))));
                    }
                } else {
                    change(pid, call, a.get(0), a.get(1));
                }
            }
            case "rename" -> {
                change(pid, call, "AT_FDCWD", a.get(0));
                change(pid, call, "AT_FDCWD", a.get(1));
            }
            case "renameat", "renameat2" -> {
                change(pid, call, a.get(0), a.get(1));
                change(pid, call, a.get(2), a.get(3));
            }
            case "link", "symlink" -> change(pid, call, "AT_FDCWD", a.get(1));
            case "linkat" -> change(pid, call, a.get(2), a.get(3));
            case "symlinkat" -> change(pid, call, a.get(1), a.get(2));
            default -> {
                // reads, stats, execve, access: nothing changes
            }
        }
    }

    private static boolean writes(String flags) {
        return flags.contains("O_WRONLY") || flags.contains("O_RDWR") || flags.contains("O_CREAT")
                || flags.contains("O_TRUNC");
    }

    private void network(int pid, String call, List<String> a, boolean ok) {
        String all = String.join(", ", a);
        Matcher inet = INET.matcher(all);
        while (inet.find()) {
            contacts.add(new Contact(pid, call, "AF_INET", inet.group(2), Integer.parseInt(inet.group(1))));
        }
        Matcher inet6 = INET6.matcher(all);
        while (inet6.find()) {
            contacts.add(new Contact(pid, call, "AF_INET6", inet6.group(2), Integer.parseInt(inet6.group(1))));
        }
        Matcher unix = UNIX.matcher(all);
        while (unix.find()) {
            String path = unix.group(1).startsWith("@") ? "@" + unquote(unix.group(1).substring(1)) : unquote(unix.group(1));
            contacts.add(new Contact(pid, call, "AF_UNIX", path, 0));
            if (call.equals("connect") && ok && NSCD.contains(path)) {
                nscdSockets.add(pid + ":" + fdNumber(a.get(0)));
            }
            if (path.startsWith("/run/systemd/resolve/") || path.startsWith("/var/run/systemd/resolve/")) {
                lookups.add(new Lookup(pid, "systemd-resolved", path));
            }
        }
        if ((call.equals("sendto") || call.equals("writev")) && nscdSockets.contains(pid + ":" + fdNumber(a.get(0)))) {
            String buffer = unquote(firstString(a.get(1)));
            if (buffer.length() >= 8) {
                int type = (buffer.charAt(4) & 0xff) | (buffer.charAt(5) & 0xff) << 8;
                if (NSCD_HOST_REQUESTS.contains(type)) {
                    lookups.add(new Lookup(pid, "nscd", "host request type " + type + ": "
                            + buffer.substring(Math.min(12, buffer.length())).replace("\0", "")));
                }
            }
        }
    }

    private static String fdNumber(String argument) {
        Matcher fd = FD.matcher(argument);
        return fd.matches() ? fd.group(1) : argument;
    }

    private static String firstString(String argument) {
        int quote = argument.indexOf('"');
        if (quote < 0) {
            return "\"\"";
        }
        int end = quote + 1;
        while (end < argument.length() && argument.charAt(end) != '"') {
            end += argument.charAt(end) == '\\' ? 2 : 1;
        }
        return argument.substring(quote, Math.min(end + 1, argument.length()));
    }

    private void change(int pid, String call, String directory, String pathArgument) {
        if (!pathArgument.startsWith("\"")) {
            return;
        }
        changes.add(new FileChange(pid, call, resolve(pid, directory, pathArgument)));
    }

    private Path resolve(int pid, String directory, String pathArgument) {
        String path = unquote(pathArgument);
        if (path.startsWith("/")) {
            return Path.of(path).normalize();
        }
        Matcher fd = FD.matcher(directory);
        Path base = fd.matches() ? Path.of(unescape(fd.group(2))) : directory(pid);
        return base.resolve(path).normalize();
    }

    private Path directory(int pid) {
        Path[] holder = workingDirectories.get(pid);
        return holder != null && holder[0] != null ? holder[0] : initialDirectory;
    }

    private Path[] holder(int pid) {
        return workingDirectories.computeIfAbsent(pid, p -> new Path[] { initialDirectory });
    }

    /** A path inside {@code <...>}, where strace escapes what is not printable (and {@code >}, {@code "}). */
    private static String unescape(String decorated) {
        return unquote("\"" + decorated + "\"");
    }

    /** The arguments at the top level: commas inside strings, structures, arrays and calls do not split. */
    static List<String> arguments(String text) {
        List<String> args = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++; // an escaped character, inside a string or a descriptor's path
            } else if (quoted) {
                if (c == '"') {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == '{' || c == '[' || c == '(' || c == '<') {
                depth++;
            } else if (c == '}' || c == ']' || c == ')' || c == '>') {
                depth--;
            } else if (c == ',' && depth == 0) {
                args.add(text.substring(start, i).trim());
                start = i + 1;
            }
        }
        args.add(text.substring(start).trim());
        return args;
    }

    /** A string as strace prints it ({@code "..."}, possibly followed by {@code ...}), unescaped. */
    static String unquote(String quoted) {
        int end = quoted.lastIndexOf('"');
        String body = quoted.startsWith("\"") && end > 0 ? quoted.substring(1, end) : quoted;
        StringBuilder out = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\\' || i + 1 >= body.length()) {
                out.append(c);
                continue;
            }
            char next = body.charAt(++i);
            switch (next) {
                case 'x' -> {
                    out.append((char) Integer.parseInt(body.substring(i + 1, i + 3), 16));
                    i += 2;
                }
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'v' -> out.append('\u000b');
                case 'f' -> out.append('\f');
                default -> {
                    if (next >= '0' && next <= '7') {
                        int j = i;
                        while (j < body.length() && j < i + 3 && body.charAt(j) >= '0' && body.charAt(j) <= '7') {
                            j++;
                        }
                        out.append((char) Integer.parseInt(body.substring(i, j), 8));
                        i = j - 1;
                    } else {
                        out.append(next);
                    }
                }
            }
        }
        return out.toString();
    }
}
