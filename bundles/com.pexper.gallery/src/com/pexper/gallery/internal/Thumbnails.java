package com.pexper.gallery.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import com.pexper.gallery.GalleryEntry;
import com.pexper.imaging.Image;
import com.pexper.imaging.ImageDecoder;
import com.pexper.imaging.ImageEncoder;
import com.pexper.imaging.Resampler;
import com.pexper.model.io.AtomicFile;

/** The gallery's thumbnails on disk: one PNG per entry and size, made again when the image's file changes. */
final class Thumbnails {

    private final Path folder;
    private final ImageDecoder decoder = new ImageDecoder();

    Thumbnails(Path folder) {
        this.folder = folder;
    }

    Path of(GalleryEntry entry, int side) throws IOException {
        if (side < 1) {
            throw new IllegalArgumentException("a thumbnail is at least one pixel");
        }
        Path thumbnail = folder.resolve(entry.id() + "-" + side + ".png");
        FileTime changed;
        try {
            changed = Files.getLastModifiedTime(entry.file());
        } catch (NoSuchFileException e) {
            throw new IOException(entry.file() + " is gone: it was moved or deleted since the run wrote it", e);
        }
        try {
            if (Files.getLastModifiedTime(thumbnail).compareTo(changed) >= 0) {
                return thumbnail;
            }
        } catch (NoSuchFileException e) {
            // made below
        }
        Image image = decoder.read(entry.file()); // an ImageException names the file and what is wrong
        double scale = Math.min(1.0, (double) side / Math.max(image.width(), image.height()));
        Image small = Resampler.resize(image, Math.max(1, (int) Math.round(image.width() * scale)),
                Math.max(1, (int) Math.round(image.height() * scale)), Resampler.Kernel.BILINEAR);
        AtomicFile.write(thumbnail, out -> ImageEncoder.png().write(small, out), AtomicFile.Existing.REPLACE);
        return thumbnail;
    }

    void forget(String id) throws IOException {
        try (var files = Files.newDirectoryStream(folder, id + "-*.png")) {
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
        } catch (NoSuchFileException e) {
            // none made
        }
    }
}
