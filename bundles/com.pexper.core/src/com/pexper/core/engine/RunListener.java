package com.pexper.core.engine;

/**
 * Receives the events of a run. Called on the engine's threads, possibly concurrently for different
 * nodes: implementations must be thread-safe and quick (hand slow work to another thread).
 */
@FunctionalInterface
public interface RunListener {

    void onEvent(RunEvent event);
}
