package com.pexper.imaging.onnx.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import com.pexper.model.io.FolderTree;

/**
 * ONNX Runtime's native libraries, extracted once from its jar into a folder of their own under
 * {@code PEXPER_HOME/native}, so that a start loads them from there instead of copying 28 MB into
 * the temporary folder every time. The folder is named for the library build (its git commit) and
 * the platform, and appears only complete (written under a temporary name, then renamed), so two
 * processes starting at once cannot see half of it.
 */
final class NativeLibraryFolder {

    private static final System.Logger LOG = System.getLogger(NativeLibraryFolder.class.getName());
    private static final String RESOURCES = "/ai/onnxruntime/native/";

    private NativeLibraryFolder() {
    }

    /**
     * @param anchor a class of ONNX Runtime's jar (its resources are read, the class is not initialised)
     * @return the folder holding this platform's libraries; empty when the jar does not carry them
     *         for this platform or they cannot be written (ONNX Runtime then extracts them itself)
     */
    static Optional<Path> extract(Class<?> anchor, Path root) {
        String platform = platform();
        Optional<String> build = build(anchor);
        if (platform == null || build.isEmpty()) {
            return Optional.empty();
        }
        List<String> libraries = new ArrayList<>();
        for (String name : List.of("onnxruntime_providers_shared", "onnxruntime", "onnxruntime4j_jni")) {
            String file = System.mapLibraryName(name);
            if (ownResource(anchor, RESOURCES + platform + "/" + file) != null) {
                libraries.add(file);
            }
        }
        if (!libraries.contains(System.mapLibraryName("onnxruntime4j_jni"))) {
            return Optional.empty();
        }
        Path folder = root.resolve("onnxruntime-" + build.get() + "-" + platform);
        if (Files.isDirectory(folder)) {
            return Optional.of(folder);
        }
        Path partial = root.resolve("." + folder.getFileName() + ".tmp-" + UUID.randomUUID());
        try {
            Files.createDirectories(partial);
            for (String file : libraries) {
                try (InputStream in = ownResource(anchor, RESOURCES + platform + "/" + file).openStream()) {
                    Files.copy(in, partial.resolve(file));
                }
            }
            try {
                Files.move(partial, folder, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileSystemException e) {
                // Linux says "Directory not empty" with a plain FileSystemException when another process
                // finished first; its copy is of the same build
                if (!Files.isDirectory(folder)) {
                    throw e;
                }
            }
            return Optional.of(folder);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot extract ONNX Runtime's native libraries into " + root
                    + " (" + e.getMessage() + "); ONNX Runtime extracts them into the temporary folder instead");
            return Optional.empty();
        } finally {
            deleteQuietly(partial);
        }
    }

    /** ONNX Runtime's name for this platform's resource folder, or null for one it does not ship. */
    private static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String system = os.contains("linux") ? "linux" : os.contains("mac") ? "osx" : os.startsWith("win") ? "win" : null;
        String cpu = arch.equals("amd64") || arch.equals("x86_64") ? "x64" : arch.equals("aarch64") ? "aarch64" : null;
        return system == null || cpu == null ? null : system + "-" + cpu;
    }

    private static Optional<String> build(Class<?> anchor) {
        URL resource = ownResource(anchor, "/GIT_COMMIT_ID");
        if (resource == null) {
            return Optional.empty();
        }
        try (InputStream in = resource.openStream()) {
            String commit = new String(in.readNBytes(64), StandardCharsets.US_ASCII).trim();
            return commit.matches("[0-9a-f]{12,40}") ? Optional.of(commit.substring(0, 12)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * A resource of the anchor's own jar or bundle: on a plain class path another jar could carry a
     * file of the same name, and its commit id would name the wrong build.
     */
    private static URL ownResource(Class<?> anchor, String path) {
        String classFile = "/" + anchor.getName().replace('.', '/') + ".class";
        URL own = anchor.getResource(classFile);
        URL found = anchor.getResource(path);
        if (own == null || found == null) {
            return null;
        }
        String container = own.toString().substring(0, own.toString().length() - classFile.length());
        return found.toString().equals(container + path) ? found : null;
    }

    private static void deleteQuietly(Path folder) {
        try {
            FolderTree.delete(folder);
        } catch (IOException e) {
            // a leftover temporary folder is named as one and harmless
        }
    }
}
