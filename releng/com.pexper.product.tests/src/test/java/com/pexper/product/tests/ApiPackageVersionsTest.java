package com.pexper.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * A package that a bundle exports as API (neither x-internal nor x-friends) has a version, and its
 * package-info.java says the same with OSGi's {@code @Version}, where tools that check semantic
 * versions read it. The two are written by hand, so this keeps them from drifting apart.
 */
class ApiPackageVersionsTest {

    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern VERSION_ANNOTATION = Pattern
            .compile("@(?:org\\.osgi\\.annotation\\.versioning\\.)?Version\\(\\s*\"([^\"]*)\"\\s*\\)");
    private static final Pattern VERSION_ATTRIBUTE = Pattern.compile(";\\s*version\\s*=\\s*\"?([^\";,]+)\"?");

    @Test
    void everyApiPackageCarriesTheVersionItsManifestExportsInPackageInfo() throws IOException {
        List<String> problems = new ArrayList<>();
        int apiPackages = 0;
        for (Path bundle : bundles()) {
            String name = bundle.getFileName().toString();
            Map<String, String> exported = apiExports(bundle.resolve("META-INF/MANIFEST.MF"));
            Map<String, String> declared = packageInfoVersions(bundle);
            apiPackages += exported.size();
            exported.forEach((pkg, version) -> {
                if (version == null) {
                    problems.add(name + " exports " + pkg + " without a version");
                } else if (!declared.containsKey(pkg)) {
                    problems.add(name + ": " + pkg + " has no package-info.java with @Version(\"" + version + "\")");
                } else if (!version.equals(declared.get(pkg))) {
                    problems.add(name + ": " + pkg + " is exported as " + version + " but its package-info.java says "
                            + declared.get(pkg));
                }
            });
            declared.keySet().stream().filter(pkg -> !exported.containsKey(pkg)).forEach(pkg -> problems
                    .add(name + ": " + pkg + " has a @Version but is not exported as API"));
        }
        assertEquals(List.of(), problems);
        assertTrue(apiPackages > 20, "only " + apiPackages + " API packages found: are the bundles where they were?");
    }

    private static List<Path> bundles() throws IOException {
        List<Path> bundles = new ArrayList<>();
        for (String folder : List.of("bundles", "examples")) {
            try (Stream<Path> entries = Files.list(ProductTest.ROOT.resolve(folder))) {
                entries.filter(path -> Files.isRegularFile(path.resolve("META-INF/MANIFEST.MF"))).sorted()
                        .forEach(bundles::add);
            }
        }
        return bundles;
    }

    /** The packages exported as API, each with its version or null. */
    private static Map<String, String> apiExports(Path manifestFile) throws IOException {
        String exports;
        try (InputStream in = Files.newInputStream(manifestFile)) {
            exports = new Manifest(in).getMainAttributes().getValue("Export-Package");
        }
        Map<String, String> api = new LinkedHashMap<>();
        for (String clause : clauses(exports == null ? "" : exports)) {
            if (clause.contains("x-internal:=true") || clause.contains("x-friends:=")) {
                continue;
            }
            Matcher version = VERSION_ATTRIBUTE.matcher(clause);
            api.put(clause.split(";", 2)[0].strip(), version.find() ? version.group(1) : null);
        }
        return api;
    }

    /** Export-Package split at the commas between clauses, not those inside quoted values. */
    private static List<String> clauses(String header) {
        List<String> clauses = new ArrayList<>();
        StringBuilder clause = new StringBuilder();
        boolean quoted = false;
        for (char c : header.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                clauses.add(clause.toString());
                clause.setLength(0);
            } else {
                clause.append(c);
            }
        }
        if (!clause.isEmpty()) {
            clauses.add(clause.toString());
        }
        return clauses;
    }

    private static Map<String, String> packageInfoVersions(Path bundle) throws IOException {
        Map<String, String> versions = new TreeMap<>();
        try (Stream<Path> files = Files.walk(bundle)) {
            for (Path file : files.filter(path -> path.endsWith("package-info.java"))
                    .filter(path -> !bundle.relativize(path).startsWith("target")).toList()) {
                String source = Files.readString(file);
                Matcher pkg = PACKAGE.matcher(source);
                Matcher version = VERSION_ANNOTATION.matcher(source);
                if (pkg.find() && version.find()) {
                    versions.put(pkg.group(1), version.group(1));
                }
            }
        }
        return versions;
    }
}
