package com.pexper.net.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.pexper.core.home.PexperHome;
import com.pexper.net.LedgerEntry;
import com.pexper.net.NetworkChoices;
import com.pexper.net.NetworkChoices.ProxyMode;
import com.pexper.net.NetworkRefusedException;
import com.pexper.net.internal.OkHttpNetworkGate;

import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/** Local-only mode and the proxy as the user chooses them in network.json, followed by the gate at the next request. */
class NetworkChoicesTest {

    @TempDir
    Path folder;

    @Test
    void choicesAreWrittenWholeKeepOtherSettingsAndReadBack() throws Exception {
        Path file = folder.resolve("settings/network.json");
        assertEquals(NetworkChoices.DEFAULT, NetworkChoices.read(file), "no file: the defaults");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"somethingElse\": 3}");
        NetworkChoices manual = new NetworkChoices(true, ProxyMode.MANUAL, " proxy.example.org ", 3128);
        manual.write(file);
        assertEquals(manual, NetworkChoices.read(file));
        assertEquals("proxy.example.org", NetworkChoices.read(file).proxyHost());
        assertTrue(Files.readString(file).contains("\"somethingElse\" : 3"), Files.readString(file));
        new NetworkChoices(false, ProxyMode.NONE, "ignored", 1).write(file);
        assertEquals(new NetworkChoices(false, ProxyMode.NONE, null, 0), NetworkChoices.read(file));
    }

    @Test
    void aManualProxyNeedsAHostAndAPortAndABadFileSaysWhatIsWrong() throws Exception {
        assertEquals("a manual proxy needs a port from 1 to 65535, such as 3128", assertThrows(
                IllegalArgumentException.class, () -> new NetworkChoices(false, ProxyMode.MANUAL, "proxy", 0)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new NetworkChoices(false, ProxyMode.MANUAL, "", 8080));
        assertThrows(IllegalArgumentException.class, () -> new NetworkChoices(false, ProxyMode.MANUAL, "a b", 8080));
        Path file = Files.writeString(folder.resolve("network.json"), "{\"proxy\": {\"mode\": \"sometimes\"}}");
        assertEquals(file + ": proxy.mode must be system, none or manual, not 'sometimes'",
                assertThrows(java.io.IOException.class, () -> NetworkChoices.read(file)).getMessage());
    }

    @Test
    void aManualProxyCarriesEveryRemoteRequestAndNoLoopbackOne() {
        NetworkChoices manual = new NetworkChoices(false, ProxyMode.MANUAL, "127.0.0.1", 3128);
        Proxy proxy = manual.proxies().select(URI.create("https://api.openai.com/v1/models")).get(0);
        assertEquals(Proxy.Type.HTTP, proxy.type());
        assertEquals(3128, ((InetSocketAddress) proxy.address()).getPort());
        assertEquals(List.of(Proxy.NO_PROXY), manual.proxies().select(URI.create("http://127.0.0.1:11434/api/tags")));
        assertEquals(List.of(Proxy.NO_PROXY), new NetworkChoices(false, ProxyMode.NONE, null, 0).proxies()
                .select(URI.create("https://api.openai.com/")));
    }

    @Test
    void theInstalledGateFollowsTheFileAtTheNextRequest() throws Exception {
        PexperHome home = new PexperHome(folder.resolve("home"));
        OkHttpNetworkGate gate = new OkHttpNetworkGate(home, Map.of());
        assertFalse(gate.localOnly());
        Path file = home.settings().resolve("network.json");
        new NetworkChoices(true, ProxyMode.SYSTEM, null, 0).write(file);
        assertTrue(gate.localOnly(), "switched on: at once");

        OkHttpClient client = gate.clientFor("openai", HttpUrl.get("https://api.example.invalid/"));
        assertThrows(NetworkRefusedException.class, () -> client.newCall(new Request.Builder()
                .url("https://api.example.invalid/v1/models").build()).execute());
        LedgerEntry refused = gate.ledger().read(Instant.EPOCH).get(0);
        assertTrue(refused.outcome().startsWith("refused"), refused.toString());

        Files.writeString(file, "{\"localOnly\": tru");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        assertTrue(gate.localOnly(), "a file that cannot be read keeps requests in");
        new NetworkChoices(false, ProxyMode.SYSTEM, null, 0).write(file);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(10)));
        assertFalse(gate.localOnly(), "switched off again");
        assertTrue(new OkHttpNetworkGate(home, Map.of("PEXPER_LOCAL_ONLY", "1")).localOnly(), "the environment wins");
    }
}
