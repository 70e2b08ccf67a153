package com.pexper.nodes.basic.internal;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pexper.core.data.DataType;
import com.pexper.core.data.FileStamp;
import com.pexper.core.data.FileValue;
import com.pexper.core.data.ListValue;
import com.pexper.core.data.Value;
import com.pexper.core.node.InvalidConfigurationException;
import com.pexper.core.node.NodeExecutor;
import com.pexper.core.node.NodeFactory;
import com.pexper.core.node.NodeSignature;
import com.pexper.core.node.Outputs;
import com.pexper.core.node.ParameterSpec;
import com.pexper.core.node.ParameterType;
import com.pexper.core.node.Parameters;
import com.pexper.core.node.PortSpec;
import com.pexper.core.node.ExecutionContext;
import com.pexper.core.node.Inputs;

/**
 * Chosen files as a list, one path per line: so that picked files stream through per-item nodes
 * one after the other, like the files of a listed folder. A line in double quotes is a JSON
 * string, so that a name with a line break (or one that starts with a quote) is one path, never
 * two.
 */
public final class FileListNode implements NodeFactory {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public NodeSignature signature() {
        return NodeSignature.builder()
                .output(PortSpec.output("files", DataType.listOf(DataType.FILE), "The files, in the order given."))
                .parameter(ParameterSpec.of("paths", ParameterType.STRING).label("Files").required().multiline()
                        .help("One path per line, relative to the workflow's folder; a path with a line break in"
                                + " its name is written as a JSON string in double quotes."))
                .build();
    }

    @Override
    public NodeExecutor configure(Parameters parameters) throws InvalidConfigurationException {
        List<Path> files = new ArrayList<>();
        for (String line : parameters.string("paths").split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            String path = path(line.strip());
            try {
                files.add(parameters.baseDirectory().resolve(path).toAbsolutePath().normalize());
            } catch (InvalidPathException e) {
                throw new InvalidConfigurationException("'" + line.strip() + "' in 'paths' is not a valid path");
            }
        }
        if (files.isEmpty()) {
            throw new InvalidConfigurationException("'paths' lists no files; give one path per line");
        }
        return new NodeExecutor() {
            @Override
            public Outputs execute(Inputs inputs, ExecutionContext context) {
                List<Value> values = new ArrayList<>(files.size());
                files.forEach(file -> values.add(FileValue.of(file)));
                return Outputs.of("files", ListValue.of(DataType.FILE, values));
            }

            @Override
            public String fingerprint(Inputs inputs, ExecutionContext context) {
                StringBuilder state = new StringBuilder();
                files.forEach(file -> state.append(FileStamp.describe(file)).append('\n'));
                return state.toString();
            }
        };
    }

    private static String path(String line) throws InvalidConfigurationException {
        if (!line.startsWith("\"")) {
            return line;
        }
        try {
            return JSON.readValue(line, String.class);
        } catch (JsonProcessingException e) {
            throw new InvalidConfigurationException("a line of 'paths' that starts with a double quote must be a JSON"
                    + " string such as \"a\\nb.png\"; check its quotes and escapes");
        }
    }
}
