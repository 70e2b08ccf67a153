package com.pexper.commands;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One {@code pexper NAME ...} command, contributed by the bundle that owns its concern as a
 * {@code Command} service. Results go to {@link CommandContext#out()}, messages and progress to
 * {@link CommandContext#err()}; the exit code says how it went ({@link ExitCode}).
 */
@ConsumerType
public interface Command {

    /** The word after {@code pexper}: lower case letters, digits and dashes, e.g. {@code remove-bg}. */
    String name();

    /**
     * Its entry in {@code pexper help}: a first line with the name, the arguments and what it does,
     * then its options, indented by two spaces, for example
     * <pre>
     * word-count FILE...   count the words, lines and characters of text files
     *   --json             print the counts as JSON
     * </pre>
     */
    String help();

    /**
     * Runs the command on its arguments (what follows the name).
     *
     * @return the exit code, one of {@link ExitCode}'s
     * @throws UsageException when the arguments are wrong: the command line prints its message and exits with
     *         {@link ExitCode#INVALID}
     */
    int run(java.util.List<String> arguments, CommandContext context) throws UsageException;
}
