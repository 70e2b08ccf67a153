package com.pexper.core.cache;

import java.nio.file.Path;

import org.osgi.annotation.versioning.ProviderType;

import com.pexper.core.home.PexperHome;
import com.pexper.core.internal.cache.HomeResultCaches;

/**
 * Where each workflow keeps the results it computed, across runs and restarts: one cache file per
 * workflow file in {@code PEXPER_HOME/cache}. In Pexper it is a service, so the command line and
 * the workbench share one place and one size limit; a tool or test uses {@link #in(PexperHome)}.
 */
@ProviderType
public interface ResultCaches {

    /** The caches of {@code home}, for a tool or test with a data folder of its own. */
    static ResultCaches in(PexperHome home) {
        return new HomeResultCaches(home);
    }

    /**
     * The workflow's cache, read from its file (empty when there is none or it cannot be read). The
     * caller saves it, at the end of a run and while a long one goes on.
     */
    PersistentResultCache forWorkflow(Path workflowFile);
}
