package com.pexper.model.io;

import java.io.IOException;

/**
 * A workflow file that cannot be read: not JSON, not a Pexper workflow, from a newer Pexper, or
 * holding a value of an unsupported shape. The message names the file and, where known, the line,
 * the node and what to do.
 */
public class WorkflowFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final int column;
    private final String problem;

    public WorkflowFormatException(String source, int line, int column, String problem, Throwable cause) {
        super(format(source, line, column, problem), cause);
        this.source = source;
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    public WorkflowFormatException(String source, String problem) {
        this(source, -1, -1, problem, null);
    }

    private static String format(String source, int line, int column, String problem) {
        StringBuilder text = new StringBuilder(source == null ? "workflow" : source);
        if (line > 0) {
            text.append(':').append(line);
            if (column > 0) {
                text.append(':').append(column);
            }
        }
        return text.append(": ").append(problem).toString();
    }

    /** The file (or other source) that was being read. */
    public String source() {
        return source;
    }

    /** 1-based line of the problem, or -1 when it concerns the document as a whole. */
    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** The problem without the location prefix. */
    public String problem() {
        return problem;
    }
}
