package com.pexper.nodes.basic.internal;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.PatternSyntaxException;

import com.pexper.core.data.DataType;
import com.pexper.core.data.FileStamp;
import com.pexper.core.data.FileValue;
import com.pexper.core.data.ListValue;
import com.pexper.core.data.Value;
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
import com.pexper.model.text.Quote;
import com.pexper.core.node.PortSpec;

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
        boolean matchPath = pattern.contains("/");
        boolean recursive = parameters.flag("recursive");
        boolean hidden = parameters.flag("hidden");
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
                List<Path> found = new ArrayList<>();
                try {
                    Files.walkFileTree(folder, EnumSet.noneOf(FileVisitOption.class), recursive ? Integer.MAX_VALUE : 1,
                            new SimpleFileVisitor<>() {
                                @Override
                                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                                    boolean skip = !dir.equals(folder) && (!hidden && isHidden(dir) || context.isProtected(dir));
                                    return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                                }

                                @Override
                                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                                    context.checkCanceled();
                                    Path relative = folder.relativize(file);
                                    if (attrs.isRegularFile() && (hidden || !isHidden(file))
                                            && matcher.matches(matchPath ? relative : file.getFileName())) {
                                        found.add(file);
                                        if (found.size() > MAX_FILES) {
                                            throw new IllegalStateException("more than " + MAX_FILES + " files");
                                        }
                                    }
                                    return FileVisitResult.CONTINUE;
                                }

                                @Override
                                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                                    if (file.equals(folder)) {
                                        throw e;
                                    }
                                    return FileVisitResult.CONTINUE; // an unreadable entry does not stop the listing
                                }
                            });
                } catch (NoSuchFileException e) {
                    throw new NodeExecutionException("the folder " + Quote.path(folder) + " does not exist. Check 'folder'.");
                } catch (NotDirectoryException e) {
                    throw new NodeExecutionException(Quote.path(folder) + " is a file, not a folder. Check 'folder'.");
                } catch (IOException e) {
                    throw new NodeExecutionException("cannot list " + Quote.path(folder) + ": " + Quote.path(e.getMessage()), e);
                } catch (IllegalStateException e) {
                    throw new NodeExecutionException(Quote.path(folder) + " has " + e.getMessage() + "; narrow 'pattern'.");
                }
                found.sort(null);
                return found;
            }
        };
    }

    private static boolean isHidden(Path path) {
        return path.getFileName() != null && path.getFileName().toString().startsWith(".");
    }
}
