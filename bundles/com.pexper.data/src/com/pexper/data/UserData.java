package com.pexper.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.pexper.ai.keys.CredentialStore;
import com.pexper.core.home.PexperHome;
import com.pexper.model.io.AtomicFile;
import com.pexper.model.io.FolderTree;

/**
 * What Pexper keeps about its user in {@code PEXPER_HOME}, to take away or to erase. The export is
 * a zip with the layout of {@link #README}: settings, run records and the workflows as they ran,
 * the gallery's index and the images only it keeps, the privacy ledger, and the names of the
 * stored keys (never a key). Erasing removes what Pexper made in the folder, its secure storage
 * included, and leaves anything else there alone. Neither touches a workflow or an output: those
 * are the user's own files, wherever they are.
 */
public final class UserData {

    /** The folders of {@code PEXPER_HOME} an export carries, as they are there. */
    public static final List<String> EXPORTED = List.of("settings", "runs", "gallery/index", "gallery/deleted",
            "gallery/images", "ledger");
    /**
     * What Pexper makes in {@code PEXPER_HOME}: what erasing removes. Not {@code examples}: the
     * user's copies of the examples, workflows to change freely, are the user's own.
     */
    public static final Set<String> PEXPERS = Set.of("settings", "runs", "cache", "gallery", "models", "ledger", "logs",
            "secure", "native", "workbench", "tmp", "runtime", "workspace", "diagnostics");
    /** The file in an export that lists the stored keys' names. */
    public static final String KEY_NAMES = "keys.json";
    public static final String README = """
            Pexper's data, exported by `pexper data export`.

            settings/        the settings (providers.json, folder grants, ...), as in PEXPER_HOME/settings
            runs/            the run records (one JSON file per run) and runs/workflows/, the workflows as they ran
            gallery/index/   the gallery's index: one JSON file per image, with what made it
            gallery/deleted/ the ids of the images deleted from the gallery
            gallery/images/  the images runs made and saved nowhere, which only the gallery keeps
            ledger/          the privacy ledger: every request that left this device, or was refused
            keys.json        the stored keys' names, providers and the addresses each may go to; never a key

            Not here: the keys themselves (in secure storage, never exported), the models (downloaded
            again or installed from their files), caches, and your workflows and outputs, which are your
            own files wherever you keep them.
            """;

    private final PexperHome home;
    private final CredentialStore keys;

    /** @param keys the stored keys, whose names are exported; null when the AI side is not installed */
    public UserData(PexperHome home, CredentialStore keys) {
        this.home = home;
        this.keys = keys;
    }

    /**
     * Writes the export to {@code zip}, atomically: a file there already is replaced only once the
     * whole export is written.
     *
     * @return how many files it holds
     */
    public int export(Path zip) throws IOException {
        Path target = zip.toAbsolutePath().normalize();
        if (target.startsWith(home.root().toAbsolutePath().normalize())) {
            throw new IOException("the export cannot go into " + home.root() + ", which it is made of; choose a file"
                    + " elsewhere, such as ~/pexper-data.zip");
        }
        int[] files = { 0 };
        AtomicFile.write(target, out -> {
            // finished, not closed: the atomic writer closes (and syncs) the file itself
            ZipOutputStream zipped = new ZipOutputStream(out, StandardCharsets.UTF_8);
            add(zipped, "README.txt", README.getBytes(StandardCharsets.UTF_8));
            add(zipped, KEY_NAMES, keyNames());
            files[0] += 2;
            for (String folder : EXPORTED) {
                files[0] += addFolder(zipped, folder);
            }
            zipped.finish();
        }, AtomicFile.Existing.REPLACE);
        return files[0];
    }

    /** What {@link #erase()} would remove: Pexper's entries in the folder, sorted. */
    public List<Path> erasable() throws IOException {
        return entries().stream().filter(p -> PEXPERS.contains(p.getFileName().toString())).toList();
    }

    /** What {@link #erase()} leaves: entries of the folder that Pexper did not make. */
    public List<Path> notPexpers() throws IOException {
        return entries().stream().filter(p -> !PEXPERS.contains(p.getFileName().toString())).toList();
    }

    /**
     * Removes Pexper's entries of the folder, and the folder when nothing else is left in it.
     *
     * @return what it removed
     */
    public List<Path> erase() throws IOException {
        List<Path> removed = new ArrayList<>();
        for (Path entry : erasable()) {
            FolderTree.delete(entry);
            removed.add(entry);
        }
        if (Files.isDirectory(home.root()) && entries().isEmpty()) {
            Files.delete(home.root());
        }
        return removed;
    }

    private List<Path> entries() throws IOException {
        if (!Files.isDirectory(home.root())) {
            return List.of();
        }
        try (Stream<Path> listed = Files.list(home.root())) {
            return listed.sorted().toList();
        }
    }

    private byte[] keyNames() throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (JsonGenerator json = new JsonFactory().createGenerator(buffer).useDefaultPrettyPrinter()) {
            json.writeStartArray();
            for (CredentialStore.StoredKey key : keys == null ? List.<CredentialStore.StoredKey>of() : keys.list()) {
                json.writeStartObject();
                json.writeStringField("name", key.name());
                json.writeStringField("provider", key.provider());
                json.writeArrayFieldStart("origins");
                for (String origin : key.origins()) {
                    json.writeString(origin);
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        return buffer.toByteArray();
    }

    private int addFolder(ZipOutputStream zip, String folder) throws IOException {
        Path root = home.root().resolve(folder);
        if (!Files.isDirectory(root)) {
            return 0;
        }
        int[] count = { 0 };
        try (Stream<Path> walked = Files.walk(root)) {
            for (Path file : walked.filter(Files::isRegularFile).sorted().toList()) {
                String name = folder + "/" + root.relativize(file).toString().replace('\\', '/');
                if (!name.contains("/.")) { // an atomic write's temporary file, not data
                    addFile(zip, name, file);
                    count[0]++;
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return count[0];
    }

    private static void add(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    private static void addFile(ZipOutputStream zip, String name, Path file) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        Files.copy(file, zip);
        zip.closeEntry();
    }
}
