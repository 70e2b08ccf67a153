package com.pexper.gallery.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import com.pexper.core.engine.Redactor;
import com.pexper.core.home.PexperHome;
import com.pexper.core.runs.RunRecords;
import com.pexper.gallery.Gallery;
import com.pexper.gallery.GalleryEntry;
import com.pexper.model.io.AtomicFile;

/**
 * The gallery in one folder: {@code index/entries} (one JSON file per entry, named by its time so
 * that the names sort newest last), {@code index/runs} (one empty file per run record already
 * indexed), {@code deleted} (the ids of entries the user deleted, so that indexing again does not
 * bring them back), {@code trash} (what a deletion keeps aside until it is final) and
 * {@code thumbnails}. As a Declarative Services component, the gallery of the data folder the
 * environment names, over its run records.
 */
@Component(service = Gallery.class)
public final class GalleryFolder implements Gallery {

    private static final System.Logger LOG = System.getLogger(GalleryFolder.class.getName());
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    /** What a deletion left aside when Pexper ended before it was made final is removed after this. */
    private static final Duration TRASH_KEPT = Duration.ofDays(7);

    private final Path folder;
    private final RunRecords records;
    private final RecordImages images;
    private final Thumbnails thumbnails;
    private volatile boolean swept;

    @Activate
    public GalleryFolder(@Reference RunRecords records,
            @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
            Redactor redactor) {
        this(PexperHome.fromEnvironment().gallery(), records, redactor);
    }

    /** @param redactor takes secrets out of the settings kept; null for none */
    public GalleryFolder(Path folder, RunRecords records, Redactor redactor) {
        this.folder = Objects.requireNonNull(folder, "folder");
        this.records = Objects.requireNonNull(records, "records");
        this.images = new RecordImages(redactor == null ? Redactor.NONE : redactor);
        this.thumbnails = new Thumbnails(folder.resolve("thumbnails"));
    }

    /** See {@link Gallery#isImage(Path)}. */
    public static boolean isImage(Path file) {
        return RecordImages.isImage(file);
    }

    @Override
    public Path folder() {
        return folder;
    }

    private Path entryFolder() {
        return folder.resolve("index").resolve("entries");
    }

    private Path indexed() {
        return folder.resolve("index").resolve("runs");
    }

    private Path deleted() {
        return folder.resolve("deleted");
    }

    private Path trash() {
        return folder.resolve("trash");
    }

    @Override
    public int update() throws IOException {
        sweepOnce();
        Set<String> done = names(indexed(), "*");
        List<Path> recordFiles = list(records.folder(), "*.json");
        int added = 0;
        Set<String> present = new HashSet<>();
        for (Path record : recordFiles) {
            String name = record.getFileName().toString();
            present.add(name);
            if (done.contains(name)) {
                continue;
            }
            List<GalleryEntry> made;
            try {
                made = images.read(record, records.folder());
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "the gallery skips the unreadable run record " + record, e);
                made = List.of();
            }
            for (GalleryEntry entry : made) {
                Path file = entryFile(entry);
                if (!Files.exists(deleted().resolve(entry.id())) && Files.exists(entry.file()) && !Files.exists(file)) {
                    AtomicFile.write(file, EntryJson.write(entry), AtomicFile.Existing.REPLACE);
                    added++;
                }
            }
            // after its entries: a crash before this indexes the record again, to the same entries
            AtomicFile.write(indexed().resolve(name), new byte[0], AtomicFile.Existing.REPLACE);
        }
        for (String name : done) {
            if (!present.contains(name)) { // its record is gone for good: so is the need to remember it
                Files.deleteIfExists(indexed().resolve(name));
            }
        }
        return added;
    }

    /** Once per gallery: removes what killed writers left, and trash older than a week. */
    private void sweepOnce() throws IOException {
        if (swept) {
            return;
        }
        swept = true;
        AtomicFile.removeAbandoned(entryFolder());
        AtomicFile.removeAbandoned(indexed());
        Instant before = Instant.now().minus(TRASH_KEPT);
        for (Path kept : list(trash(), "*")) {
            if (Files.getLastModifiedTime(kept).toInstant().isBefore(before)) {
                Files.deleteIfExists(kept);
            }
        }
    }

    private Path entryFile(GalleryEntry entry) {
        return entryFolder().resolve(FILE_TIME.format(entry.created()) + "-" + entry.id() + ".json");
    }

    @Override
    public List<GalleryEntry> entries(int limit) throws IOException {
        List<Path> files = list(entryFolder(), "*.json").reversed();
        files = files.subList(0, Math.min(files.size(), Math.max(0, limit)));
        // read in parallel: ten thousand small files are read in a fraction of the time one by one takes
        return files.parallelStream().map(GalleryFolder::readEntry).filter(Objects::nonNull).toList();
    }

    private static GalleryEntry readEntry(Path file) {
        try {
            return EntryJson.read(Files.readAllBytes(file));
        } catch (IOException e) {
            return null; // damaged or half-made by another program: the others are still shown
        }
    }

    @Override
    public Path thumbnail(GalleryEntry entry, int side) throws IOException {
        return thumbnails.of(entry, side);
    }

    @Override
    public boolean keepsFile(GalleryEntry entry) {
        return entry.file().toAbsolutePath().normalize().startsWith(folder.resolve(KeptImages.FOLDER).toAbsolutePath()
                .normalize());
    }

    @Override
    public Deletion delete(GalleryEntry entry, boolean alsoTheFile) throws IOException {
        AtomicFile.write(deleted().resolve(entry.id()), new byte[0], AtomicFile.Existing.REPLACE);
        Files.createDirectories(trash());
        Path keptEntry = trash().resolve(entry.id() + ".json");
        Path entryFile = entryFile(entry);
        boolean hadEntry = Files.exists(entryFile);
        if (hadEntry) {
            Files.move(entryFile, keptEntry, StandardCopyOption.REPLACE_EXISTING);
        }
        Path keptFile = trash().resolve(entry.id() + "-" + entry.file().getFileName());
        boolean movedFile = (alsoTheFile || keepsFile(entry)) && Files.exists(entry.file());
        if (movedFile) {
            Files.move(entry.file(), keptFile, StandardCopyOption.REPLACE_EXISTING);
        }
        return new Deletion() {
            @Override
            public GalleryEntry entry() {
                return entry;
            }

            @Override
            public void undo() throws IOException {
                if (movedFile) {
                    // never over a file made there since
                    Files.createDirectories(entry.file().getParent());
                    Files.move(keptFile, entry.file());
                }
                if (hadEntry) {
                    Files.move(keptEntry, entryFile, StandardCopyOption.REPLACE_EXISTING);
                }
                Files.deleteIfExists(deleted().resolve(entry.id()));
            }

            @Override
            public void complete() throws IOException {
                Files.deleteIfExists(keptEntry);
                Files.deleteIfExists(keptFile);
                thumbnails.forget(entry.id());
            }
        };
    }

    private static Set<String> names(Path dir, String glob) throws IOException {
        Set<String> names = new HashSet<>();
        for (Path file : list(dir, glob)) {
            names.add(file.getFileName().toString());
        }
        return names;
    }

    /** The files in a folder, by name; none when it is not there. */
    private static List<Path> list(Path dir, String glob) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, glob)) {
            for (Path file : entries) {
                if (!file.getFileName().toString().startsWith(".")) {
                    files.add(file);
                }
            }
        } catch (NoSuchFileException e) {
            return files;
        }
        files.sort(Comparator.comparing(p -> p.getFileName().toString()));
        return files;
    }
}
