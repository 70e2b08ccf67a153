package com.pexper.nodes.basic.internal;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.PatternSyntaxException;

import com.pexper.core.data.DataType;
import com.pexper.core.data.FileStamp;
import com.pexper.core.data.FileValue;
import com.pexper.core.data.ListValue;
import com.pexper.core.data.Value;
import com.pexper.core.files.FolderListing;
import com.pexper.core.node.ExecutionContext;
import com.pexper.core.node.Inputs;
import com.pexper.core.node.InvalidConfigurationException;
import com.pexper.core.node.NodeExecutionException;
import com.pexper.core.node.NodeExecutor;
import com.pexper.core.node.NodeFactory;
import com.pexper.core.node.NodeSignature;
import com.pexper.core.node.Outputs;
import com.pexper.core.node.ParameterSpec;
import com.pexper.core.node.ParameterType;
import com.pexper.core.node.Parameters;
import com.pexper.core.node.PortSpec;
import com.pexper.model.text.Quote;

/**
 * Lists the files of a folder matching a glob, sorted by relative path so that runs are repeatable.
 * Symbolic links are not followed; hidden files are left out unless asked for.
 */
public final class ListFolderNode implements NodeFactory {

    static final int MAX_FILES = 1_000_000;

    @Override
    public NodeSignature signature() {
        return NodeSignature.builder()
                .output(PortSpec.output("files", DataType.listOf(DataType.FILE), "The matching files."))
                .parameter(ParameterSpec.of("folder", ParameterType.FILE).label("Folder").required()
                        .help("The folder to list, relative to the workflow's folder."))
                .parameter(ParameterSpec.of("pattern", ParameterType.STRING).label("Pattern").defaultValue("*")
                        .help("A glob such as *.txt or *.{jpg,png}; matched against the file name, or against the"
                                + " path below the folder when it contains '/'."))
                .parameter(ParameterSpec.of("recursive", ParameterType.BOOLEAN).label("Include subfolders")
                        .defaultValue(false))
                .parameter(ParameterSpec.of("hidden", ParameterType.BOOLEAN).label("Include hidden files")
                        .defaultValue(false))
                .build();
    }

    @Override
    public NodeExecutor configure(Parameters parameters) throws InvalidConfigurationException {
        Path configured = parameters.path("folder");
        String pattern = parameters.string("pattern");
        PathMatcher matcher;
        try {
            matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        } catch (PatternSyntaxException e) {
            throw new InvalidConfigurationException(Quote.of(pattern) + " is not a valid pattern: " + e.getDescription());
        }
        FolderListing listing = new FolderListing(matcher, pattern.contains("/"), parameters.flag("recursive"),
                parameters.flag("hidden"), MAX_FILES);
        return new NodeExecutor() {
            @Override
            public Outputs execute(Inputs inputs, ExecutionContext context) throws Exception {
                List<Path> files = list(context);
                List<Value> values = new ArrayList<>(files.size());
                for (Path file : files) {
                    values.add(FileValue.of(file));
                }
                context.log(files.size() + (files.size() == 1 ? " file" : " files") + " in " + configured);
                return Outputs.of("files", ListValue.of(DataType.FILE, values));
            }

            @Override
            public String fingerprint(Inputs inputs, ExecutionContext context) throws Exception {
                StringBuilder state = new StringBuilder();
                try {
                    for (Path file : list(context)) {
                        state.append(FileStamp.describe(file)).append('\n');
                    }
                } catch (NodeExecutionException e) {
                    state.append(e.getMessage()); // fails again when run, with this message
                }
                return state.toString();
            }

            private List<Path> list(ExecutionContext context) throws NodeExecutionException {
                Path folder = context.readable(configured);
                if (!Files.exists(folder)) {
                    throw new NodeExecutionException("the folder " + Quote.path(folder) + " does not exist. Check 'folder'.");
                }
                if (!Files.isDirectory(folder)) {
                    throw new NodeExecutionException(Quote.path(folder) + " is a file, not a folder. Check 'folder'.");
                }
                try {
                    return listing.list(folder, context::isProtected, context::checkCanceled);
                } catch (NoSuchFileException e) {
                    throw new NodeExecutionException("the folder " + Quote.path(folder) + " does not exist. Check 'folder'.");
                } catch (NotDirectoryException e) {
                    throw new NodeExecutionException(Quote.path(folder) + " is a file, not a folder. Check 'folder'.");
                } catch (IOException e) {
                    throw new NodeExecutionException("cannot list " + Quote.path(folder) + ": " + Quote.path(e.getMessage()), e);
                } catch (IllegalStateException e) {
                    throw new NodeExecutionException(Quote.path(folder) + " has " + e.getMessage() + "; narrow 'pattern'.");
                }
            }
        };
    }
}
