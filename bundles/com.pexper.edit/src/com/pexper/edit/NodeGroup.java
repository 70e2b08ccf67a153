package com.pexper.edit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.pexper.model.Workflow;

/**
 * A titled frame around nodes, as the editor draws it (a comment on part of the workflow). It is
 * kept in the workflow's metadata, so that the file format needs nothing new and the command line
 * ignores it: the key {@code pexper.group.N}, the value the node ids, then a bar and the title
 * ({@code "remove,crop|Cut-outs"}). The frame follows its nodes: it has no place of its own.
 *
 * @param key its metadata key
 * @param nodeIds the nodes in it, as the workflow had them when it was made; ones deleted since are left out when drawn
 */
public record NodeGroup(String key, String title, List<String> nodeIds) {

    static final String PREFIX = "pexper.group.";

    public NodeGroup {
        nodeIds = List.copyOf(nodeIds);
    }

    /** The groups a workflow's metadata holds, in the order of their keys; malformed entries are skipped. */
    static List<NodeGroup> of(Workflow workflow) {
        List<NodeGroup> groups = new ArrayList<>();
        for (Map.Entry<String, String> entry : workflow.getMetadata().entrySet()) {
            String value = entry.getValue();
            int bar = value == null ? -1 : value.indexOf('|');
            if (entry.getKey().startsWith(PREFIX) && bar > 0) {
                groups.add(new NodeGroup(entry.getKey(), value.substring(bar + 1),
                        Arrays.asList(value.substring(0, bar).split(","))));
            }
        }
        groups.sort((a, b) -> a.key().compareTo(b.key()));
        return groups;
    }

    /** The metadata value it is written as. */
    String value() {
        return String.join(",", nodeIds) + "|" + title;
    }
}
