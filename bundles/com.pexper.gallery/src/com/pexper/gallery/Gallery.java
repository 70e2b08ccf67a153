package com.pexper.gallery;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import com.pexper.core.engine.Redactor;
import com.pexper.core.runs.RunRecords;
import com.pexper.gallery.internal.GalleryFolder;

/**
 * Every image Pexper's runs wrote, newest first, with what made it. Its index is one small JSON
 * file per entry under {@code index/entries}, made from the run records and the workflows kept
 * beside them; each is written atomically, so a crash leaves any entry whole or absent, and an index
 * that is lost is made again from the records that are still kept. Entries outlive the records.
 * Thumbnails are kept in {@code thumbnails}. In Pexper it is a service for {@code PEXPER_HOME/gallery};
 * a tool or test opens a folder of its own with {@link #open}.
 */
@ProviderType
public interface Gallery {

    static Gallery open(Path folder, RunRecords records, Redactor redactor) {
        return new GalleryFolder(folder, records, redactor);
    }

    /** Whether a file is, by its name, an image the gallery keeps (PNG, JPEG, WebP, TIFF, BMP, GIF). */
    static boolean isImage(Path file) {
        return GalleryFolder.isImage(file);
    }

    Path folder();

    /**
     * Adds the images of the runs recorded since the last update, and makes the index again from
     * the records if it was lost. Safe to call from several processes at once.
     *
     * @return how many entries it added
     */
    int update() throws IOException;

    /** The entries, newest first; an entry that cannot be read is left out. */
    default List<GalleryEntry> entries() throws IOException {
        return entries(Integer.MAX_VALUE);
    }

    /**
     * The newest {@code limit} entries, newest first: what a view shows at once while it reads the
     * rest, however large the gallery.
     */
    List<GalleryEntry> entries(int limit) throws IOException;

    /**
     * The entry's thumbnail, at most {@code side} pixels on its longer side, a PNG with the image's
     * transparency: made from its file the first time (decoding it: call it off the UI thread) and
     * again when the file changes.
     *
     * @throws IOException when the file is gone or is not an image Pexper reads, saying which
     */
    Path thumbnail(GalleryEntry entry, int side) throws IOException;

    /**
     * Takes an entry out of the gallery, and its file off the disk if asked, until
     * {@link Deletion#complete()}: until then both are kept aside and {@link Deletion#undo()} puts
     * them back. A run of the index again from the records does not bring it back.
     */
    Deletion delete(GalleryEntry entry, boolean alsoTheFile) throws IOException;

    /**
     * Whether the entry's file is the gallery's own copy of an image a run made and saved nowhere
     * (see {@code UnsavedImages}): nothing else names it, so {@link #delete} takes it with the entry.
     */
    boolean keepsFile(GalleryEntry entry);

    /** A deletion that can still be undone. */
    interface Deletion {

        GalleryEntry entry();

        /** Puts the entry, and the file if it was deleted, back where they were. */
        void undo() throws IOException;

        /** Makes it final: what was kept aside is removed. */
        void complete() throws IOException;
    }
}
