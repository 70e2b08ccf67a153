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

/**
 * Counts words, lines and characters. A word is a run of letters or digits at least
 * 'minimumLength' long; characters are Unicode code points, so an emoji counts once.
 */
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
            String text = inputs.text("text");
            long words = 0;
            long run = 0;
            for (int i = 0; i < text.length();) {
                int c = text.codePointAt(i);
                i += Character.charCount(c);
                if (Character.isLetterOrDigit(c)) {
                    run++;
                } else {
                    words += run >= minimum ? 1 : 0;
                    run = 0;
                }
            }
            words += run >= minimum ? 1 : 0;
            long lines = text.isEmpty() ? 0 : text.lines().count();
            return Outputs.builder()
                    .put("words", NumberValue.of(words))
                    .put("lines", NumberValue.of(lines))
                    .put("characters", NumberValue.of(text.codePointCount(0, text.length())))
                    .build();
        };
    }
}
