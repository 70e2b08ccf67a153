package com.pexper.core.internal.cache;

import java.nio.file.Path;

import org.osgi.service.component.annotations.Component;

import com.pexper.core.cache.MemoryResultCache;
import com.pexper.core.cache.PersistentResultCache;
import com.pexper.core.cache.ResultCaches;
import com.pexper.core.home.PexperHome;

/**
 * The workflows' caches in a data folder, as a Declarative Services component for the one the
 * environment names; each holds up to {@link MemoryResultCache#DEFAULT_MAX_BYTES}.
 */
@Component(service = ResultCaches.class)
public final class HomeResultCaches implements ResultCaches {

    private final PexperHome home;

    public HomeResultCaches() {
        this(PexperHome.fromEnvironment());
    }

    public HomeResultCaches(PexperHome home) {
        this.home = home;
    }

    @Override
    public PersistentResultCache forWorkflow(Path workflowFile) {
        return PersistentResultCache.open(home.cacheFor(workflowFile), MemoryResultCache.DEFAULT_MAX_BYTES);
    }
}
