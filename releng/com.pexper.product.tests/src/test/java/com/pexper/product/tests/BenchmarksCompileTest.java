package com.pexper.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmarks are source-file programs that bench/run.sh starts with the product's jars on the
 * class path, so nothing else compiles them: this does, the same way, so that a change of API that
 * breaks one fails the build instead of the next person measuring.
 */
class BenchmarksCompileTest {

    private static final Path PLUGINS = ProductTest.ROOT
            .resolve("releng/com.pexper.repository/target/products/com.pexper.product/linux/gtk/x86_64/pexper/plugins");

    @TempDir
    Path classes;

    @Test
    void everyBenchmarkCompilesAgainstTheProductsJars() throws IOException {
        List<Path> benchmarks = javaFilesIn(ProductTest.ROOT.resolve("bench"));
        assertFalse(benchmarks.isEmpty(), "no benchmarks found in bench/");
        String classPath = jarsIn(PLUGINS);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        List<String> failures = new ArrayList<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8)) {
            for (Path benchmark : benchmarks) {
                // one at a time, as java runs them: each is a program of its own, which may use another
                // in bench/ (a multi-file source program, as EditorRunBench uses EngineBench's workflow)
                DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
                Path output = Files.createDirectories(classes.resolve(benchmark.getFileName().toString()));
                boolean compiled = compiler.getTask(null, files, diagnostics,
                        List.of("-classpath", classPath, "-sourcepath", ProductTest.ROOT.resolve("bench").toString(), "-d",
                                output.toString(), "-proc:none", "-Xlint:none"), null,
                        files.getJavaFileObjectsFromPaths(List.of(benchmark))).call();
                if (!compiled) {
                    failures.add(benchmark.getFileName() + ":\n" + errors(diagnostics));
                }
            }
        }
        assertEquals("", String.join("\n", failures), "benchmarks that no longer compile against the product");
    }

    private static List<Path> javaFilesIn(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(path -> path.toString().endsWith(".java")).sorted().toList();
        }
    }

    /** What {@code -cp "plugins/*"} means to java: the jars, not the bundles kept as folders. */
    private static String jarsIn(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(path -> path.toString().endsWith(".jar")).map(Path::toString).sorted()
                    .collect(Collectors.joining(File.pathSeparator));
        }
    }

    private static String errors(DiagnosticCollector<JavaFileObject> diagnostics) {
        return diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> "  line " + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT))
                .collect(Collectors.joining("\n"));
    }
}
