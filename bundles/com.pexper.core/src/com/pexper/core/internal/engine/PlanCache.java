package com.pexper.core.internal.engine;

import java.nio.file.Path;

import org.eclipse.emf.common.notify.Adapter;
import org.eclipse.emf.common.notify.Notification;
import org.eclipse.emf.ecore.util.EContentAdapter;

import com.pexper.model.Workflow;

/**
 * Keeps the last plan of a workflow for one planner, and forgets it on any change to the workflow
 * or anything it contains: re-running an unchanged in-memory workflow (the workbench's everyday
 * case) then skips validation and configuration. It lives on the workflow as an EMF adapter, so it
 * is collected with the workflow.
 */
final class PlanCache extends EContentAdapter {

    private final Planner owner;
    private volatile boolean stale = true;
    private Planner.Result result;
    private Path baseDirectory;

    private PlanCache(Planner owner) {
        this.owner = owner;
    }

    /** The cache of this planner on this workflow, attached on first use. */
    static synchronized PlanCache of(Workflow workflow, Planner owner) {
        for (Adapter adapter : workflow.eAdapters()) {
            if (adapter instanceof PlanCache cache && cache.owner == owner) {
                return cache;
            }
        }
        PlanCache cache = new PlanCache(owner);
        workflow.eAdapters().add(cache);
        return cache;
    }

    synchronized Planner.Result plan(Workflow workflow, Path base) {
        if (stale || result == null || !base.equals(baseDirectory)) {
            stale = false; // a change while planning sets it again
            result = owner.plan(workflow, base);
            baseDirectory = base;
        }
        return result;
    }

    @Override
    public void notifyChanged(Notification notification) {
        super.notifyChanged(notification);
        if (!notification.isTouch() && notification.getEventType() != Notification.REMOVING_ADAPTER) {
            stale = true;
        }
    }
}
