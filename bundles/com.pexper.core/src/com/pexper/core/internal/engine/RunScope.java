package com.pexper.core.internal.engine;

import java.util.Optional;

import com.pexper.core.engine.ServiceDirectory;

/**
 * What the nodes of one run reach through their {@link NodeContext}, shared by the coordinator and
 * the workers: its events, its files, its cancellation and the services the application offers.
 */
record RunScope(RunEvents events, RunFiles files, Cancellation cancellation, ServiceDirectory services) {

    <T> Optional<T> service(Class<T> type) {
        return services.get(type);
    }
}
