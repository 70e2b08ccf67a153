package com.pexper.imaging.filter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.pexper.core.data.DataType;
import com.pexper.core.data.Value;
import com.pexper.core.node.InvalidConfigurationException;
import com.pexper.core.node.NodeExecutor;
import com.pexper.core.node.NodeFactory;
import com.pexper.core.node.NodeSignature;
import com.pexper.core.node.NodeType;
import com.pexper.core.node.Outputs;
import com.pexper.core.node.Parameters;
import com.pexper.core.node.PortSpec;
import com.pexper.imaging.Image;

/**
 * Makes a node type of every filter: input {@code image}, the filter's declared image inputs,
 * output {@code image}, the filter's parameters. The node type has the filter's id and version and
 * the category "Image filters".
 */
public final class FilterNodeTypes {

    public static final String CATEGORY = "Image filters";

    private FilterNodeTypes() {
    }

    public static List<NodeType> of(ImageFilters filters) {
        List<NodeType> types = new ArrayList<>();
        for (FilterDescriptor filter : filters.all()) {
            types.add(of(filter));
        }
        return types;
    }

    public static NodeType of(FilterDescriptor filter) {
        return new NodeType(filter.id(), filter.version(), filter.label(), CATEGORY, filter.description(), null,
                filter.contributor(), () -> new FilterNode(filter, filter.factory().get()));
    }

    private static final class FilterNode implements NodeFactory {
        private final FilterDescriptor descriptor;
        private final ImageFilter filter;

        FilterNode(FilterDescriptor descriptor, ImageFilter filter) {
            this.descriptor = descriptor;
            this.filter = filter;
        }

        @Override
        public NodeSignature signature() {
            NodeSignature.Builder signature = NodeSignature.builder()
                    .input(PortSpec.required("image", DataType.IMAGE, "The image to filter."))
                    .output(PortSpec.output("image", DataType.IMAGE, "The filtered image."));
            descriptor.inputs().forEach(signature::input);
            descriptor.parameters().forEach(signature::parameter);
            return signature.build();
        }

        @Override
        public NodeExecutor configure(Parameters parameters) throws InvalidConfigurationException {
            FilterOperation operation = filter.configure(parameters);
            return (inputs, context) -> {
                Map<String, Image> extra = new HashMap<>();
                for (PortSpec port : descriptor.inputs()) {
                    Value value = inputs.get(port.name());
                    if (value instanceof Image image) {
                        extra.put(port.name(), image);
                    }
                }
                Image result = operation.apply(inputs.get("image", Image.class), FilterInputs.of(extra), context);
                return Outputs.of("image", result);
            };
        }
    }
}
