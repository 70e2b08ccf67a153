package com.pexper.core.engine;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * The memory an engine's runs may reserve for the items they work on. Before an item of a node
 * that declares its need (an image read from a file: its decoded size, from the header) starts,
 * the engine reserves that much here and holds it until the item has gone through the nodes after
 * it; when the budget is full, the item waits and fewer run at once instead of some failing for
 * want of memory. An item that needs more than the whole budget fails before it starts, saying
 * what it needs.
 */
public final class MemoryBudget {

    /** Left out of the heap's budget for everything that is not an item: models, caches, the engine itself. */
    static final long HEADROOM = 384L << 20;

    private final long total;
    private final String howToRaise;
    private final Set<Runnable> onRelease = new CopyOnWriteArraySet<>();
    private long reserved;

    private MemoryBudget(long total, String howToRaise) {
        if (total <= 0) {
            throw new IllegalArgumentException("a memory budget must be positive");
        }
        this.total = total;
        this.howToRaise = howToRaise;
    }

    /**
     * @param bytes what items may reserve in all
     * @param howToRaise a sentence telling the user how to give Pexper more memory, for the message of an item that needs more
     */
    public static MemoryBudget of(long bytes, String howToRaise) {
        return new MemoryBudget(bytes, howToRaise);
    }

    /** The Java heap this process may grow to, less a headroom for what is not an item (at least half of it). */
    public static MemoryBudget ofHeap(String howToRaise) {
        long max = Runtime.getRuntime().maxMemory();
        return new MemoryBudget(Math.max(max / 2, max - HEADROOM), howToRaise);
    }

    public long total() {
        return total;
    }

    public synchronized long reserved() {
        return reserved;
    }

    /** Reserves the bytes if they fit beside what is reserved, or when {@code force} says progress needs them. */
    public synchronized boolean tryReserve(long bytes, boolean force) {
        if (!force && reserved + bytes > total) {
            return false;
        }
        reserved += bytes;
        return true;
    }

    /** Gives back what {@link #tryReserve} reserved, and tells those waiting for memory. */
    public void release(long bytes) {
        synchronized (this) {
            reserved = Math.max(0, reserved - bytes);
        }
        onRelease.forEach(Runnable::run);
    }

    /** Called whenever memory is released, from the releasing thread; remove it with the returned handle. */
    public AutoCloseable onRelease(Runnable listener) {
        onRelease.add(listener);
        return () -> onRelease.remove(listener);
    }

    /** Why an item needing {@code bytes} cannot run with this budget, for its failure message. */
    public String tooLarge(long bytes) {
        return "it needs about " + size(bytes) + " of memory, more than the " + size(total) + " Pexper may give the"
                + " items it works on (its Java heap can grow to " + size(Runtime.getRuntime().maxMemory()) + "). "
                + howToRaise;
    }

    static String size(long bytes) {
        return bytes >= 1L << 30 ? String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30))
                : String.format(Locale.ROOT, "%d MiB", Math.max(1, bytes >> 20));
    }
}
