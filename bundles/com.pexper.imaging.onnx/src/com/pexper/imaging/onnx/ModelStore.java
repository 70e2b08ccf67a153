package com.pexper.imaging.onnx;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * The models folder (PEXPER_HOME/models): installs model files after checking them, finds them
 * for sessions and verifies them on request. A file is installed under its catalogue file name,
 * copied to a temporary name and moved into place, so the folder never holds a partial model.
 */
public final class ModelStore {

    /** An installed or missing model, for {@code pexper models list}. */
    public record Entry(ModelDescriptor descriptor, Path file, boolean installed, long size) {
    }

    /** The result of checking one installed file. */
    public record Verification(ModelDescriptor descriptor, Path file, boolean ok, String message) {
    }

    private final Path folder;
    private final ModelCatalog catalog;

    public ModelStore(Path folder, ModelCatalog catalog) {
        this.folder = folder;
        this.catalog = catalog;
    }

    public Path folder() {
        return folder;
    }

    public ModelCatalog catalog() {
        return catalog;
    }

    public List<Entry> list() {
        List<Entry> entries = new ArrayList<>();
        for (ModelDescriptor model : catalog.all()) {
            Path file = folder.resolve(model.fileName());
            long size = -1;
            try {
                size = Files.size(file);
            } catch (IOException e) {
                // not installed
            }
            entries.add(new Entry(model, file, size >= 0, size));
        }
        return entries;
    }

    /** The installed file of a model, checked for size; a clear error when it is missing. */
    public Path locate(String id) throws ModelException {
        ModelDescriptor model = catalog.find(id).orElseThrow(() -> new ModelException(
                "unknown model '" + id + "'; known models: " + catalog.ids()));
        Path file = folder.resolve(model.fileName());
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new ModelException("the model " + id + " is not installed. " + howToGet(model));
        } catch (IOException e) {
            throw new ModelException("cannot read the model file " + file + ": " + e.getMessage(), e);
        }
        if (model.isPinned() && size != model.size()) {
            throw new ModelException("the installed model file " + file + " has " + size + " bytes, not "
                    + model.size() + ": it is damaged. " + howToGet(model));
        }
        return file;
    }

    public static String howToGet(ModelDescriptor model) {
        return model.id() + " comes " + model.source() + ".";
    }

    /**
     * Installs a model file. A file whose SHA-256 matches a pinned model is installed as that model;
     * any other file is refused, unless {@code asId} names a model whose checksum Pexper could not pin,
     * in which case {@code contract} must accept the file's inputs and outputs.
     *
     * @param contract checks an unpinned model's inputs and outputs (by loading it); may be null for pinned ones
     * @param progress receives the bytes hashed so far
     */
    public ModelDescriptor install(Path source, String asId, ContractCheck contract, LongConsumer progress)
            throws ModelException {
        if (!Files.isRegularFile(source)) {
            throw new ModelException(source + " is not a file. Give the path of the downloaded .onnx file.");
        }
        String digest = sha256(source, progress);
        ModelDescriptor model = catalog.findBySha256(digest).orElse(null);
        if (model == null) {
            ModelDescriptor named = asId == null ? null : catalog.find(asId).orElse(null);
            if (named != null && named.isPinned()) {
                throw new ModelException(source + " is not the " + named.id() + " model: its SHA-256 is " + digest
                        + ", expected " + named.sha256() + ". The file is damaged or a different model; "
                        + howToGet(named));
            }
            if (named == null) {
                throw new ModelException(source + " is not a model Pexper knows (SHA-256 " + digest + "). Known models: "
                        + catalog.ids() + (asId != null ? "; '" + asId + "' is none of them" : "")
                        + ". A damaged download also looks like this: fetch it again.");
            }
            if (contract == null) {
                throw new ModelException("cannot check " + source + " as " + named.id());
            }
            contract.check(named, source);
            model = named;
        }
        Path target = folder.resolve(model.fileName());
        Path partial = folder.resolve(model.fileName() + ".part");
        try {
            Files.createDirectories(folder);
            Files.copy(source, partial, StandardCopyOption.REPLACE_EXISTING);
            if (!model.isPinned()) {
                // keep what was accepted, so that 'verify' notices later changes
                Files.writeString(folder.resolve(model.fileName() + ".sha256"), digest + "\n", StandardCharsets.US_ASCII);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // the message below matters more
            }
            throw new ModelException("cannot install " + model.id() + " into " + folder + ": " + e.getMessage(), e);
        }
        return model;
    }

    /** Checks every installed model's file against its checksum. */
    public List<Verification> verify(LongConsumer progress) {
        List<Verification> results = new ArrayList<>();
        for (Entry entry : list()) {
            if (!entry.installed()) {
                continue;
            }
            ModelDescriptor model = entry.descriptor();
            try {
                String digest = sha256(entry.file(), progress);
                String expected = model.isPinned() ? model.sha256() : recorded(model);
                boolean ok = digest.equals(expected);
                results.add(new Verification(model, entry.file(), ok, ok ? "ok"
                        : "SHA-256 " + digest + " differs from " + expected + ": the file is damaged; reinstall it. "
                                + howToGet(model)));
            } catch (ModelException | IOException e) {
                results.add(new Verification(model, entry.file(), false, e.getMessage()));
            }
        }
        return results;
    }

    private String recorded(ModelDescriptor model) throws IOException {
        return Files.readString(folder.resolve(model.fileName() + ".sha256"), StandardCharsets.US_ASCII).trim();
    }

    public static String sha256(Path file, LongConsumer progress) throws ModelException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            byte[] buffer = new byte[1 << 20];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (progress != null) {
                    progress.accept(total);
                }
            }
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new ModelException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Loads an unpinned model to check that it has the inputs and outputs its descriptor promises. */
    @FunctionalInterface
    public interface ContractCheck {
        void check(ModelDescriptor model, Path file) throws ModelException;
    }
}
