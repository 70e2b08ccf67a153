package com.pexper.ui.editor.internal;

import java.io.IOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Supplier;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.widgets.Display;

import com.pexper.gallery.Gallery;
import com.pexper.gallery.GalleryEntry;
import com.pexper.imaging.ImageDecoder;

/**
 * The gallery's thumbnails as images to draw: read (and made, the first time, by the gallery) off
 * the UI thread by a few Jobs, those in view first and only those, the most recent few hundred
 * kept. What the UI thread draws is only ever a ready image or a placeholder.
 */
public final class GalleryThumbnails {

    /** Thumbnails kept to draw: several screens' worth, 100 KB each. */
    private static final int KEPT = 600;
    private static final int WORKERS = 3;

    private final Display display;
    private final Supplier<Gallery> gallery;
    /** On the UI thread only. */
    private final Map<String, Image> images = new LinkedHashMap<>(KEPT, 0.75f, true);
    /** On the UI thread only: entries whose file is gone or is not an image. */
    private final Set<String> failed = new HashSet<>();
    private final ConcurrentLinkedDeque<GalleryEntry> queue = new ConcurrentLinkedDeque<>();
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final List<Job> workers;
    private Runnable onReady = () -> {
    };
    private volatile boolean disposed;

    public GalleryThumbnails(Display display, Supplier<Gallery> gallery) {
        this.display = display;
        this.gallery = gallery;
        this.workers = java.util.stream.IntStream.range(0, WORKERS).mapToObj(i -> worker()).toList();
    }

    void onReady(Runnable listener) {
        onReady = listener;
    }

    /** The thumbnail to draw, or null while it is being read. */
    Image get(GalleryEntry entry) {
        return images.get(entry.id());
    }

    boolean failed(GalleryEntry entry) {
        return failed.contains(entry.id());
    }

    /**
     * The entries in view now, and those near them: those without a thumbnail are read next, those
     * in view first, and those no longer near are not read.
     */
    void want(List<GalleryEntry> inView, List<GalleryEntry> nearby) {
        queue.clear();
        for (List<GalleryEntry> entries : List.of(inView, nearby)) {
            for (GalleryEntry entry : entries) {
                if (!images.containsKey(entry.id()) && !failed.contains(entry.id()) && !inFlight.contains(entry.id())) {
                    queue.add(entry);
                }
            }
        }
        if (!queue.isEmpty()) {
            workers.forEach(Job::schedule);
        }
    }

    /** Forgets an entry's thumbnail, e.g. after its file changed. */
    void forget(GalleryEntry entry) {
        Image image = images.remove(entry.id());
        if (image != null) {
            image.dispose();
        }
        failed.remove(entry.id());
    }

    private Job worker() {
        Job job = new Job("Reading gallery thumbnails") {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                for (GalleryEntry entry; !monitor.isCanceled() && !disposed && (entry = queue.poll()) != null;) {
                    if (inFlight.add(entry.id())) {
                        deliver(entry, read(entry));
                    }
                }
                return Status.OK_STATUS;
            }
        };
        job.setSystem(true);
        return job;
    }

    private ImageData read(GalleryEntry entry) {
        Gallery from = gallery.get();
        if (from == null) {
            return null;
        }
        try {
            return Thumbnail.of(new ImageDecoder().read(from.thumbnail(entry, GalleryGrid.THUMB)), GalleryGrid.THUMB);
        } catch (IOException e) {
            return null; // drawn as missing; the details say why
        }
    }

    private void deliver(GalleryEntry entry, ImageData data) {
        if (display.isDisposed()) {
            return;
        }
        display.asyncExec(() -> {
            inFlight.remove(entry.id());
            if (disposed) {
                return;
            }
            if (data == null) {
                failed.add(entry.id());
            } else {
                Image old = images.put(entry.id(), new Image(display, data));
                if (old != null) {
                    old.dispose();
                }
                while (images.size() > KEPT) {
                    var eldest = images.entrySet().iterator().next();
                    eldest.getValue().dispose();
                    images.remove(eldest.getKey());
                }
            }
            onReady.run();
        });
    }

    public void dispose() {
        disposed = true;
        queue.clear();
        workers.forEach(Job::cancel);
        images.values().forEach(Image::dispose);
        images.clear();
    }
}
