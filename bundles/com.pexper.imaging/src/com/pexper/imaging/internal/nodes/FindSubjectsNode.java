package com.pexper.imaging.internal.nodes;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pexper.core.data.DataType;
import com.pexper.core.data.JsonValue;
import com.pexper.core.node.NodeExecutionException;
import com.pexper.core.node.NodeExecutor;
import com.pexper.core.node.NodeFactory;
import com.pexper.core.node.NodeSignature;
import com.pexper.core.node.Outputs;
import com.pexper.core.node.ParameterSpec;
import com.pexper.core.node.ParameterType;
import com.pexper.core.node.Parameters;
import com.pexper.core.node.PortSpec;
import com.pexper.imaging.Image;
import com.pexper.imaging.SubjectFinder;

/** The subjects in a mask or cutout, as JSON: {"width", "height", "subjects": [{x, y, width, height, area}]}. */
public final class FindSubjectsNode implements NodeFactory {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public NodeSignature signature() {
        return NodeSignature.builder()
                .input(PortSpec.required("mask", DataType.IMAGE, "A mask (gray) or a cutout (its alpha is used)."))
                .output(PortSpec.output("subjects", DataType.JSON, "The subjects' bounding boxes, largest first."))
                .parameter(ParameterSpec.of("threshold", ParameterType.INTEGER).label("Threshold").defaultValue(128L)
                        .range(1, 255).help("Mask values at or above this belong to a subject."))
                .parameter(ParameterSpec.of("minArea", ParameterType.DECIMAL).label("Smallest subject (% of image)")
                        .defaultValue(0.5).range(0, 100).help("Smaller regions are ignored as specks."))
                .build();
    }

    @Override
    public NodeExecutor configure(Parameters parameters) {
        int threshold = (int) parameters.integer("threshold");
        double minArea = parameters.decimal("minArea") / 100;
        return (inputs, context) -> {
            Image mask = inputs.get("mask", Image.class);
            List<SubjectFinder.Box> boxes;
            try {
                boxes = SubjectFinder.find(mask, threshold, minArea);
            } catch (IllegalArgumentException e) {
                throw new NodeExecutionException(e.getMessage());
            }
            ObjectNode root = MAPPER.createObjectNode();
            root.put("width", mask.width());
            root.put("height", mask.height());
            ArrayNode subjects = root.putArray("subjects");
            for (SubjectFinder.Box box : boxes) {
                subjects.addObject().put("x", box.x()).put("y", box.y()).put("width", box.width())
                        .put("height", box.height()).put("area", box.area());
            }
            return Outputs.of("subjects", JsonValue.of(root));
        };
    }
}
