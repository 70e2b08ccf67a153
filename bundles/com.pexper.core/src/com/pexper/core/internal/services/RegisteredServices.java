package com.pexper.core.internal.services;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.util.tracker.ServiceTracker;

import com.pexper.core.engine.ServiceDirectory;

/**
 * The OSGi service registry as nodes see it: a node's {@code context.service(AiClients.class)}
 * gets the AI clients component, whichever bundle registered it. Each type is followed from its
 * first lookup on, so a service that comes or goes later is seen at the next lookup.
 */
@Component(service = ServiceDirectory.class)
public final class RegisteredServices implements ServiceDirectory {

    private final BundleContext context;
    private final Map<Class<?>, ServiceTracker<?, ?>> trackers = new ConcurrentHashMap<>();

    @Activate
    public RegisteredServices(BundleContext context) {
        this.context = context;
    }

    @Override
    public Optional<?> find(Class<?> type) {
        return Optional.ofNullable(trackers.computeIfAbsent(type, this::follow).getService());
    }

    private ServiceTracker<?, ?> follow(Class<?> type) {
        ServiceTracker<?, ?> tracker = new ServiceTracker<>(context, type.getName(), null);
        tracker.open();
        return tracker;
    }

    @Deactivate
    void deactivate() {
        trackers.values().forEach(ServiceTracker::close);
        trackers.clear();
    }
}
