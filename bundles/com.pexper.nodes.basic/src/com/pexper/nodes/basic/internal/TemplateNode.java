package com.pexper.nodes.basic.internal;

import java.util.Set;

import com.pexper.core.data.DataType;
import com.pexper.core.data.TextValue;
import com.pexper.core.node.InvalidConfigurationException;
import com.pexper.core.node.NodeExecutor;
import com.pexper.core.node.NodeFactory;
import com.pexper.core.node.NodeSignature;
import com.pexper.core.node.Outputs;
import com.pexper.core.node.ParameterSpec;
import com.pexper.core.node.ParameterType;
import com.pexper.core.node.Parameters;
import com.pexper.core.node.PortSpec;
import com.pexper.core.node.TextTemplate;

/**
 * Fills {{name}} placeholders. Each distinct placeholder is a Text input of the node, so
 * "Hello, {{name}}!" has one input, "name"; values of other types are converted to text. A filter
 * after a bar changes the value (see {@link TextTemplate}).
 */
public final class TemplateNode implements NodeFactory {

    private static final NodeSignature BASE = NodeSignature.builder()
            .output(PortSpec.output("text", DataType.TEXT, "The filled-in text."))
            .parameter(ParameterSpec.of("template", ParameterType.STRING).label("Template").required().multiline()
                    .help("Text with {{name}} placeholders; each becomes an input of the same name. "
                            + TextTemplate.FILTER_HELP))
            .dynamicInputs("one Text input per {{placeholder}} in 'template'")
            .build();

    @Override
    public NodeSignature signature() {
        return BASE;
    }

    @Override
    public NodeSignature signature(Parameters parameters) throws InvalidConfigurationException {
        NodeSignature.Builder signature = NodeSignature.builder().from(BASE);
        TextTemplate.addInputs(signature, TextTemplate.compile(parameters.string("template")).placeholders(), Set.of());
        return signature.build();
    }

    @Override
    public NodeExecutor configure(Parameters parameters) throws InvalidConfigurationException {
        TextTemplate template = TextTemplate.compile(parameters.string("template"));
        return (inputs, context) -> Outputs.of("text", TextValue.of(template.fill(inputs::text)));
    }
}
