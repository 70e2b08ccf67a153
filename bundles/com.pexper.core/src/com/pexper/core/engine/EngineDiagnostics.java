package com.pexper.core.engine;

import java.util.Collection;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told, when there is one among the run's services, which node types ran and which failed in a way
 * their authors did not mean (anything other than a {@link com.pexper.core.node.NodeExecutionException}
 * or a cancellation): the engine's side of crash reports and usage analytics. In Pexper the
 * diagnostics bundle offers it, and keeps nothing unless the user consented. Only node type ids and
 * exceptions are given, never values or parameters; the texts of the node that a report must not
 * carry come with a crash so that they can be taken out.
 */
@ConsumerType
public interface EngineDiagnostics {

    /** A node of this type started in a run (once per node and run, not per item). */
    void nodeRan(String nodeTypeId);

    /**
     * A node of this type threw something unexpected.
     *
     * @param userTexts the node's label and text parameters, and the workflow's name: what the user
     *        wrote, which a report takes out wherever it appears
     */
    void nodeCrashed(String nodeTypeId, Throwable thrown, Collection<String> userTexts);
}
