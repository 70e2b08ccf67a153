package com.pexper.data.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.pexper.ai.Secret;
import com.pexper.ai.keys.InMemoryCredentialStore;
import com.pexper.commands.ExitCode;
import com.pexper.core.home.PexperHome;
import com.pexper.data.UserData;
import com.pexper.data.internal.DataCommand;

/** The user's data taken away in one zip without a key, and erased without touching anything that is not Pexper's. */
class UserDataTest {

    private static final String KEY = "sk-proj-Zq8vN2rT5yW7uB1xC4eH6jK9mP3sL0aD";

    @TempDir
    Path folder;
    private PexperHome home;
    private InMemoryCredentialStore keys;
    private Path workflow;

    @BeforeEach
    void setUp() throws IOException {
        home = new PexperHome(folder.resolve("home"));
        write("settings/providers.json", "{\"openai\": {\"baseUrl\": \"https://api.openai.com/v1\"}}");
        write("runs/20261204T051500.000Z-abcd1234.json", "{\"runId\": \"abcd1234\"}");
        write("runs/workflows/0123.pexper", "{\"formatVersion\": 2}");
        write("runs/.20261204T051600.000Z-efgh5678.json.tmp-1-ab", "half written");
        write("gallery/index/entries/20261204-abcd.json", "{\"file\": \"/photos/out/a.png\"}");
        write("gallery/images/abcd1234/gray.png", "png");
        write("gallery/thumbnails/abcd-256.png", "thumbnail");
        write("ledger/ledger.jsonl", "{\"host\": \"api.openai.com\", \"status\": 200}");
        write("models/isnet-medium.onnx", "a model");
        write("secure/storage", "encrypted " + KEY);
        write("tmp/run-x/scratch", "scratch");
        keys = new InMemoryCredentialStore();
        keys.put("work-openai", "openai", Secret.of(KEY), "https://api.openai.com");
        workflow = Files.writeString(folder.resolve("my.pexper"), "{\"formatVersion\": 2}");
    }

    private void write(String path, String content) throws IOException {
        Path file = home.root().resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private static List<String> entries(Path zip, StringBuilder content) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
                content.append(new String(in.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
            }
        }
        Collections.sort(names);
        return names;
    }

    @Test
    void anExportHoldsTheSettingsRecordsGalleryIndexLedgerAndKeyNamesButNoKeyModelOrCache() throws Exception {
        Path zip = folder.resolve("out/pexper-data.zip");
        Console console = new Console(home, folder, "");
        assertEquals(ExitCode.OK, new DataCommand(keys).run(List.of("export", "out/pexper-data.zip"), console),
                console::errors);
        assertTrue(console.output().contains("Exported 8 files to " + zip), console.output());

        StringBuilder content = new StringBuilder();
        assertEquals(List.of("README.txt", "gallery/images/abcd1234/gray.png", "gallery/index/entries/20261204-abcd.json",
                "keys.json", "ledger/ledger.jsonl", "runs/20261204T051500.000Z-abcd1234.json",
                "runs/workflows/0123.pexper", "settings/providers.json"), entries(zip, content));
        assertTrue(content.toString().contains("\"name\" : \"work-openai\""), content.toString());
        assertTrue(content.toString().contains("\"https://api.openai.com:443\""), "where the key may go");
        assertFalse(content.toString().contains(KEY), "never a key");
        assertFalse(content.toString().contains("Zq8vN2rT5yW7uB1x"), "nor a part of one");
        assertFalse(Files.readString(zip, StandardCharsets.ISO_8859_1).contains("Zq8vN2rT5yW7uB1x"));
    }

    @Test
    void anExportIsNotWrittenIntoTheFolderItIsMadeOf() {
        IOException refused = assertThrows(IOException.class,
                () -> new UserData(home, keys).export(home.root().resolve("runs/export.zip")));
        assertTrue(refused.getMessage().contains("choose a file elsewhere"), refused.getMessage());
    }

    @Test
    void eraseAsksAndAnythingButTheWordRemovesNothing() throws Exception {
        Console console = new Console(home, folder, "yes\n");
        assertEquals(ExitCode.INVALID, new DataCommand(keys).run(List.of("erase"), console));
        assertTrue(console.output().contains("This removes everything Pexper keeps in " + home.root()), console.output());
        assertTrue(console.errors().contains("nothing was removed"), console.errors());
        assertTrue(Files.exists(home.root().resolve("secure/storage")));
        assertTrue(Files.exists(home.root().resolve("runs")));
    }

    @Test
    void eraseRemovesWhatPexperKeepsKeysIncludedAndLeavesWhatIsNotItsAndTheUsersWorkflows() throws Exception {
        Path notes = Files.writeString(home.root().resolve("notes.txt"), "mine");
        write("examples/product-photos.pexper", "{\"formatVersion\": 2, \"name\": \"changed by the user\"}");
        Path examples = home.root().resolve("examples");
        Console console = new Console(home, folder, "erase\n");
        assertEquals(ExitCode.OK, new DataCommand(keys).run(List.of("erase"), console));
        assertTrue(console.output().contains("Left alone, yours or not Pexper's: examples, notes.txt."),
                console.output());
        try (var left = Files.list(home.root())) {
            assertEquals(List.of(examples, notes), left.sorted().toList(), "the user's copies of the examples, and"
                    + " what is not Pexper's");
        }
        assertTrue(Files.exists(workflow), "the user's workflow, elsewhere, stays");

        Files.delete(notes);
        com.pexper.model.io.FolderTree.delete(examples);
        write("logs/pexper.log", "a log");
        assertEquals(ExitCode.OK, new DataCommand(keys).run(List.of("erase", "--yes"), new Console(home, folder,
                "")));
        assertFalse(Files.exists(home.root()), "a folder left empty goes too");
        Console again = new Console(home, folder, "");
        assertEquals(ExitCode.OK, new DataCommand(keys).run(List.of("erase", "--yes"), again));
        assertTrue(again.output().startsWith("Nothing to erase"), again.output());
    }
}
