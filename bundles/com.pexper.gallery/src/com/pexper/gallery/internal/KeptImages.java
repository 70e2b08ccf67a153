package com.pexper.gallery.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Component;

import com.pexper.core.data.ImageValue;
import com.pexper.core.engine.UnsavedImages;
import com.pexper.core.home.PexperHome;
import com.pexper.imaging.Image;
import com.pexper.imaging.ImageEncoder;
import com.pexper.model.io.AtomicFile;

/**
 * The images runs made and nothing saved, kept for the gallery as PNG files under
 * {@code PEXPER_HOME/gallery/images/RUN/}: {@code NODE.png}, or {@code NODE-ITEM.png} for the
 * items of a batch, of which the first {@link #ITEMS_KEPT} are kept (a batch that should keep
 * all of them saves them with Save image). The run records name them as the run's files, so they
 * are indexed as every other image a run wrote; nothing else names them, so deleting an entry
 * deletes its file ({@link com.pexper.gallery.Gallery#keepsFile}).
 */
@Component(service = UnsavedImages.class)
public final class KeptImages implements UnsavedImages {

    /** Enough to see what a batch made; a batch of thousands is not copied into the data folder. */
    static final int ITEMS_KEPT = 20;
    /** Where in the gallery's folder they are kept. */
    static final String FOLDER = "images";
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]");

    private final Path folder;

    /** Under the gallery of the data folder the environment names. */
    public KeptImages() {
        this(PexperHome.fromEnvironment().gallery().resolve(FOLDER));
    }

    public KeptImages(Path folder) {
        this.folder = folder;
    }

    @Override
    public Path keep(String runId, String nodeId, int item, String port, ImageValue image) throws IOException {
        if (item >= ITEMS_KEPT) {
            return null;
        }
        if (!(image instanceof Image pixels)) {
            throw new IOException("not an image Pexper's imaging made: " + image.getClass().getName());
        }
        Path file = folder.resolve(safe(runId)).resolve(safe(nodeId) + (item < 0 ? "" : "-" + (item + 1)) + ".png");
        AtomicFile.write(file, out -> ImageEncoder.png().write(pixels, out), AtomicFile.Existing.REPLACE);
        return file;
    }

    /**
     * Ids come from a workflow file, which may come from anywhere: nothing in one leaves the folder,
     * and two ids that differ only where a character was replaced keep files of their own.
     */
    static String safe(String id) {
        String name = UNSAFE.matcher(id).replaceAll("_");
        if (name.equals(id) && !name.isEmpty() && !name.startsWith(".")) {
            return name;
        }
        return "_" + name + "-" + Integer.toHexString(id.hashCode());
    }
}
