package com.pexper.ui.editor.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.pexper.ai.AiClients;
import com.pexper.core.node.NodeSignature;
import com.pexper.core.node.NodeType;
import com.pexper.core.node.NodeTypeUnavailableException;
import com.pexper.core.node.ParameterSpec;
import com.pexper.core.node.ParameterType;
import com.pexper.core.node.Parameters;
import com.pexper.core.node.NodeTypeRegistry;
import com.pexper.core.workflow.ParameterValues;
import com.pexper.model.Node;
import com.pexper.model.Workflow;

/**
 * The stored keys a workflow's AI nodes would use that their provider's address no longer takes
 * (it changed since the key was stored): what the workbench asks about before the run, as
 * {@code pexper keys allow} would be needed on the command line. A node names its provider in the
 * parameter "provider" beside its key name, as the AI nodes and the Properties view's Add Key do.
 */
final class KeyOriginChanges {

    private KeyOriginChanges() {
    }

    static List<AiClients.OriginChange> in(Workflow workflow, NodeTypeRegistry registry, AiClients ai, Path base) {
        Set<AiClients.OriginChange> changes = new LinkedHashSet<>();
        for (Node node : workflow.getNodes()) {
            Optional<NodeType> type = registry.find(node.getType());
            NodeSignature signature;
            try {
                if (type.isEmpty() || !type.get().isAvailable()) {
                    continue;
                }
                signature = type.get().signature();
            } catch (NodeTypeUnavailableException e) {
                continue; // validation says so
            }
            List<ParameterSpec> specs = signature.parameters();
            if (specs.stream().noneMatch(spec -> spec.name().equals("provider"))) {
                continue;
            }
            Parameters parameters = ParameterValues.resolve(node, specs, base, new ArrayList<>());
            Object provider = parameters.raw("provider");
            if (!(provider instanceof String id) || id.isBlank()) {
                continue;
            }
            for (ParameterSpec spec : specs) {
                if (spec.type() == ParameterType.CREDENTIAL) {
                    Object key = parameters.raw(spec.name());
                    ai.originChange(id.strip(), key instanceof String name ? name : null).ifPresent(changes::add);
                }
            }
        }
        return List.copyOf(changes);
    }
}
