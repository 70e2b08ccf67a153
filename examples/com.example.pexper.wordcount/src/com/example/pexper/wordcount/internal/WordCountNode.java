package com.example.pexper.wordcount.internal;

import com.pexper.core.data.DataType;
import com.pexper.core.data.NumberValue;
import com.pexper.core.node.NodeExecutor;
import com.pexper.core.node.NodeFactory;
import com.pexper.core.node.NodeSignature;
import com.pexper.core.node.Outputs;
import com.pexper.core.node.ParameterSpec;
import com.pexper.core.node.ParameterType;
import com.pexper.core.node.Parameters;
import com.pexper.core.node.PortSpec;

/** The Word count node: the counts of {@link WordCounter} for a text. */
public final class WordCountNode implements NodeFactory {

    @Override
    public NodeSignature signature() {
        return NodeSignature.builder()
                .input(PortSpec.required("text", DataType.TEXT, "The text to count."))
                .output(PortSpec.output("words", DataType.NUMBER, "How many words."))
                .output(PortSpec.output("lines", DataType.NUMBER, "How many lines (0 for empty text)."))
                .output(PortSpec.output("characters", DataType.NUMBER, "How many characters."))
                .parameter(ParameterSpec.of("minimumLength", ParameterType.INTEGER).label("Shortest word")
                        .defaultValue(1L).range(1, 100).help("Words shorter than this are not counted."))
                .build();
    }

    @Override
    public NodeExecutor configure(Parameters parameters) {
        long minimum = parameters.integer("minimumLength");
        return (inputs, context) -> {
            WordCounter.Counts counts = WordCounter.count(inputs.text("text"), minimum);
            return Outputs.builder()
                    .put("words", NumberValue.of(counts.words()))
                    .put("lines", NumberValue.of(counts.lines()))
                    .put("characters", NumberValue.of(counts.characters()))
                    .build();
        };
    }
}
