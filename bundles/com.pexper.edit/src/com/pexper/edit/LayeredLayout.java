package com.pexper.edit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

import com.pexper.model.Connection;
import com.pexper.model.Node;

/**
 * Places nodes left to right in layers by their connections (each node right of those it takes
 * inputs from), with the Eclipse Layout Kernel's layered algorithm: the least crossing, no
 * overlaps. The nodes' sizes come from whoever draws them.
 */
final class LayeredLayout {

    /** Space between nodes of one layer, and between layers (room for the curves). */
    static final double NODE_SPACING = 40;
    static final double LAYER_SPACING = 80;

    static {
        // ELK finds its algorithms through META-INF/services, which OSGi does not see
        LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
    }

    private LayeredLayout() {
    }

    /**
     * @param sizes each node to place, with its width and height
     * @return each node's new top-left corner; the block keeps the top-left corner the nodes had
     */
    static Map<Node, double[]> arrange(Map<Node, double[]> sizes, List<Connection> connections) {
        ElkNode graph = ElkGraphUtil.createGraph();
        graph.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        graph.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
        graph.setProperty(LayeredOptions.SPACING_NODE_NODE, NODE_SPACING);
        graph.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, LAYER_SPACING);
        Map<String, ElkNode> byId = new HashMap<>();
        Map<ElkNode, Node> nodes = new IdentityHashMap<>();
        double left = Double.MAX_VALUE;
        double top = Double.MAX_VALUE;
        for (Map.Entry<Node, double[]> entry : sizes.entrySet()) {
            ElkNode box = ElkGraphUtil.createNode(graph);
            box.setDimensions(entry.getValue()[0], entry.getValue()[1]);
            byId.put(entry.getKey().getId(), box);
            nodes.put(box, entry.getKey());
            left = Math.min(left, entry.getKey().getX());
            top = Math.min(top, entry.getKey().getY());
        }
        for (Connection connection : connections) {
            ElkNode from = byId.get(connection.getSourceNode());
            ElkNode to = byId.get(connection.getTargetNode());
            if (from != null && to != null && from != to) {
                ElkGraphUtil.createSimpleEdge(from, to);
            }
        }
        new RecursiveGraphLayoutEngine().layout(graph, new BasicProgressMonitor());
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        List<ElkNode> boxes = new ArrayList<>(nodes.keySet());
        for (ElkNode box : boxes) {
            minX = Math.min(minX, box.getX());
            minY = Math.min(minY, box.getY());
        }
        Map<Node, double[]> places = new IdentityHashMap<>();
        for (ElkNode box : boxes) {
            places.put(nodes.get(box), new double[] { Math.round(left + box.getX() - minX),
                    Math.round(top + box.getY() - minY) });
        }
        return places;
    }
}
