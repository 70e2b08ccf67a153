package com.pexper.core.internal.engine;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.pexper.core.files.FileAccess;
import com.pexper.core.node.ParameterSpec;
import com.pexper.core.node.ParameterType;
import com.pexper.model.text.Quote;
import com.pexper.model.validation.Problem;

/**
 * Refuses, before anything runs, the file parameters a run may not use: a workflow that reads
 * outside its folders fails at validation with the node, the path and how to grant it, not
 * half-way through a batch. Paths that arrive along connections are checked when a node opens them.
 */
public final class FileParameterCheck {

    /** {index}, {name}, {ext}: names a node makes while it runs; any name stands for them here. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[A-Za-z]+\\}");

    private FileParameterCheck() {
    }

    public static List<Problem> problems(Plan plan, FileAccess access) {
        List<Problem> problems = new ArrayList<>();
        for (Plan.Step step : plan.steps()) {
            for (ParameterSpec spec : step.signature().parameters()) {
                if (spec.type() != ParameterType.FILE) {
                    continue;
                }
                Object value = step.parameters().raw(spec.name());
                if (!(value instanceof String text) || text.isBlank()) {
                    continue;
                }
                String refusal;
                try {
                    Path path = Path.of(PLACEHOLDER.matcher(text).replaceAll("x"));
                    refusal = access.refusal(path, spec.writes() ? FileAccess.Mode.WRITE : FileAccess.Mode.READ);
                } catch (InvalidPathException e) {
                    refusal = Quote.of(text) + " is not a valid path: " + e.getReason();
                }
                if (refusal != null) {
                    problems.add(Problem.error("file-access", step.id(), "parameter '" + spec.name() + "': " + refusal,
                            null));
                }
            }
        }
        return problems;
    }
}
