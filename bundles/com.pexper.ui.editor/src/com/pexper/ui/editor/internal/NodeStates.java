package com.pexper.ui.editor.internal;

import java.lang.ref.SoftReference;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import com.pexper.core.data.Value;
import com.pexper.core.engine.Redactor;
import com.pexper.core.engine.RunEvent;
import com.pexper.core.engine.RunListener;
import com.pexper.model.validation.Problem;

/**
 * The state of an editor's nodes in its latest runs: what each is doing, how it ended, what it
 * produced. Fed by the engine's threads (a run's listener), read by the UI thread when it paints;
 * every change is announced to {@code changed}, which merges them into one repaint.
 * <p>
 * The engine's coordinator tells every node's events one after the other, so what a listener does
 * with each adds to the run's time: here an event is only queued, and the events are folded into
 * the nodes' states when the states are read (or when many wait). Only an image's thumbnail is made
 * as its event comes, so that neither the UI thread nor a paint waits for pixels.
 */
public final class NodeStates implements RunListener {

    /** Folded by the thread that tells them when this many wait, so that an unread editor holds no more. */
    static final int UNREAD_LIMIT = 50_000;

    /** Guarded by {@code this}, as is {@link #produced}. */
    private final Map<String, NodeState> states = new HashMap<>();
    /**
     * What each node produced in full, for the Output view: held softly, so that a run of large
     * images does not keep every node's pixels; the preview stays when they are let go.
     */
    private final Map<String, SoftReference<Produced>> produced = new HashMap<>();
    /** The events not folded yet, with a node's outputs as {@link Shown}, in the order they were told. */
    private final Queue<Object> unread = new ConcurrentLinkedQueue<>();
    private final AtomicInteger unreadCount = new AtomicInteger();
    private final List<Runnable> watchers = new CopyOnWriteArrayList<>();
    private final Redactor redactor;
    private final Runnable changed;

    /**
     * A node's outputs in full, by port, as the engine gave them to the preview.
     *
     * @param items how many items a node mapped over a list produced, -1 otherwise
     * @param firstItemOnly whether {@code values} are the first item's
     */
    record Produced(List<Value> values, int items, boolean firstItemOnly) {
    }

    /** A node's outputs and the preview made of them when they came. */
    private record Shown(String nodeId, Produced produced, Preview preview) {
    }

    /** @param changed told of every change, on whichever thread made it; must be quick */
    public NodeStates(Redactor redactor, Runnable changed) {
        this.redactor = redactor;
        this.changed = changed;
    }

    /** The node's state, {@link NodeState#NONE} when no run has reached it. */
    synchronized NodeState get(String nodeId) {
        catchUp();
        return states.getOrDefault(nodeId, NodeState.NONE);
    }

    /** Takes the keys in use out of a text to show, as out of the previews. */
    String redact(String text) {
        return redactor.redact(text);
    }

    /** What the node produced in its latest run, while it is still held. */
    synchronized Optional<Produced> produced(String nodeId) {
        catchUp();
        SoftReference<Produced> held = produced.get(nodeId);
        return Optional.ofNullable(held == null ? null : held.get());
    }

    /**
     * Also tells {@code watcher} of every change, on whichever thread made it (it must be quick).
     *
     * @return closing it stops that
     */
    AutoCloseable watch(Runnable watcher) {
        watchers.add(watcher);
        return () -> watchers.remove(watcher);
    }

    synchronized boolean isEmpty() {
        catchUp();
        return states.isEmpty();
    }

    /** A run of these nodes begins: each waits for it, showing what it had, dimmed. */
    synchronized void starting(Collection<String> nodeIds) {
        catchUp();
        for (String id : nodeIds) {
            update(id, NodeState::waiting);
        }
        announce();
    }

    /** The run has ended: nodes it never reached show what they had before, as not run. */
    synchronized void runEnded() {
        catchUp(); // every event of the run was told before it ended
        states.replaceAll((id, state) -> state.phase() == NodeState.Phase.WAITING ? state.notRun() : state);
        announce();
    }

    /** These nodes were changed, or depend on one that was: what they show is out of date. */
    synchronized void outOfDate(Collection<String> nodeIds) {
        catchUp();
        nodeIds.forEach(id -> states.computeIfPresent(id, (key, state) -> state.outOfDate()));
        announce();
    }

    /** The editor closed: nothing it ran is kept, and whoever watched is told. */
    synchronized void forget() {
        unread.clear();
        unreadCount.set(0);
        states.clear();
        produced.clear();
        announce();
        watchers.clear();
    }

    /** Forgets the nodes that are no longer in the workflow. */
    synchronized void retain(Collection<String> nodeIds) {
        catchUp();
        produced.keySet().retainAll(nodeIds);
        if (states.keySet().retainAll(nodeIds)) {
            announce();
        }
    }

    /** The failures of the latest runs, as problems for the Problems view. */
    synchronized List<Problem> failures() {
        catchUp();
        List<Problem> problems = new ArrayList<>();
        states.forEach((id, state) -> {
            if (state.phase() == NodeState.Phase.FAILED) {
                problems.add(Problem.error("run.failed", id, "Failed when run: " + state.message(),
                        "Fix what it says and run again (Ctrl+Enter)."));
            } else if (state.phase() == NodeState.Phase.DONE && state.message() != null) {
                problems.add(Problem.warning("run.itemsFailed", id, state.message(),
                        "Hover over the node for the first failure; the run record lists them all."));
            }
        });
        return problems;
    }

    @Override
    public void onEvent(RunEvent event) {
        switch (event) {
            case RunEvent.NodeOutputs e -> {
                // the thumbnail is made here, on the engine's thread, not where the states are read
                unread.add(new Shown(e.nodeId(), new Produced(e.values(), e.items(), e.firstItemOnly()),
                        Preview.of(e.values(), e.items(), e.firstItemOnly(), redactor)));
            }
            case RunEvent.NodeQueued e -> unread.add(e);
            case RunEvent.NodeStarted e -> unread.add(e);
            case RunEvent.NodeProgress e -> unread.add(e);
            case RunEvent.NodeText e -> unread.add(e);
            case RunEvent.NodeFinished e -> unread.add(e);
            case RunEvent.NodeFailed e -> unread.add(e);
            case RunEvent.NodeCancelled e -> unread.add(e);
            case RunEvent.NodeSkipped e -> unread.add(e);
            default -> {
                return; // run-level events, item failures (counted when the node ends) and logs change no node
            }
        }
        if (unreadCount.incrementAndGet() > UNREAD_LIMIT) {
            synchronized (this) {
                catchUp();
            }
        }
        announce();
    }

    /**
     * Folds the events told so far into the states; the UI calls it when it is told of a change, so
     * that what the events hold is let go although nothing is painted.
     */
    public synchronized void catchUp() {
        for (Object next = unread.poll(); next != null; next = unread.poll()) {
            unreadCount.decrementAndGet();
            fold(next);
        }
    }

    private void fold(Object heard) {
        switch (heard) {
            case Shown e -> {
                produced.put(e.nodeId(), new SoftReference<>(e.produced()));
                update(e.nodeId(), s -> s.showing(e.preview()));
            }
            case RunEvent.NodeQueued e -> update(e.nodeId(), s -> s.in(NodeState.Phase.QUEUED));
            case RunEvent.NodeStarted e -> {
                produced.remove(e.nodeId()); // what streams in now is what the Output view shows
                update(e.nodeId(), s -> s.progress(0, e.itemCount() >= 0 ? 0 : -1, e.itemCount()));
            }
            case RunEvent.NodeProgress e -> update(e.nodeId(), s -> s.progress(e.fraction(), e.itemsDone(),
                    e.itemCount()));
            case RunEvent.NodeText e -> update(e.nodeId(), s -> e.item() > 0 ? s
                    : s.showing(s.preview() instanceof Preview.Text text && !s.stale() ? text.append(e.text())
                            : new Preview.Text(e.text(), null)));
            case RunEvent.NodeFinished e -> update(e.nodeId(), s -> s.ended(e.cached() ? NodeState.Phase.CACHED
                    : NodeState.Phase.DONE, e.durationNanos(), e.failedItems() == 0 ? null
                            : e.failedItems() + " of " + e.items() + " items failed"));
            case RunEvent.NodeFailed e -> update(e.nodeId(), s -> s.ended(NodeState.Phase.FAILED, 0, e.message()));
            case RunEvent.NodeCancelled e -> update(e.nodeId(), s -> s.ended(NodeState.Phase.CANCELLED, 0, null));
            case RunEvent.NodeSkipped e -> update(e.nodeId(), s -> s.ended(NodeState.Phase.SKIPPED, 0, e.reason()));
            default -> throw new IllegalStateException("not an event NodeStates keeps: " + heard);
        }
    }

    private void announce() {
        changed.run();
        watchers.forEach(Runnable::run);
    }

    private void update(String nodeId, UnaryOperator<NodeState> change) {
        states.compute(nodeId, (id, state) -> change.apply(state == null ? NodeState.NONE : state));
    }
}
