package com.pexper.core.internal.engine;

import java.util.Optional;
import java.util.function.Function;

/**
 * What the nodes of one run reach through their {@link NodeContext}, shared by the coordinator and
 * the workers: its events, its files, its cancellation and the services the application gave.
 */
record RunScope(RunEvents events, RunFiles files, Cancellation cancellation,
        Function<Class<?>, Optional<?>> services) {

    <T> Optional<T> service(Class<T> type) {
        return services.apply(type).map(type::cast);
    }
}
