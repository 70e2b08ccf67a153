package com.pexper.core.engine;

import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Where nodes find the application's services by type (the AI clients, the on-device model
 * sessions, the redactor) through {@code ExecutionContext.service}. In Pexper it is the OSGi
 * service registry, offered as a {@code ServiceDirectory} service; in a plain JVM, the services a
 * test or tool hands over with {@link #of(Map)}.
 */
@ConsumerType
@FunctionalInterface
public interface ServiceDirectory {

    /** No services: nodes that need one are refused at validation. */
    ServiceDirectory NONE = type -> Optional.empty();

    /** The service registered for {@code type}, if one is there now. */
    Optional<?> find(Class<?> type);

    default <T> Optional<T> get(Class<T> type) {
        return find(type).map(type::cast);
    }

    /** Exactly these services, each under its type. */
    static ServiceDirectory of(Map<Class<?>, ?> services) {
        Map<Class<?>, Object> copy = Map.copyOf(services);
        copy.forEach((type, service) -> type.cast(service));
        return type -> Optional.ofNullable(copy.get(type));
    }
}
