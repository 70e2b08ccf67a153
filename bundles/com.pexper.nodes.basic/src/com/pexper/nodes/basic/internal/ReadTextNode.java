package com.pexper.nodes.basic.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import com.pexper.core.data.DataType;
import com.pexper.core.data.FileStamp;
import com.pexper.core.data.TextValue;
import com.pexper.core.node.ExecutionContext;
import com.pexper.core.node.Inputs;
import com.pexper.core.node.NodeExecutionException;
import com.pexper.core.node.NodeExecutor;
import com.pexper.core.node.NodeFactory;
import com.pexper.core.node.NodeSignature;
import com.pexper.core.node.Outputs;
import com.pexper.core.node.ParameterSpec;
import com.pexper.core.node.ParameterType;
import com.pexper.core.node.Parameters;
import com.pexper.model.text.Quote;
import com.pexper.core.node.PortSpec;

/** Reads a text file, strictly decoded: a file that is not in the chosen encoding is an error, not mojibake. */
public final class ReadTextNode implements NodeFactory {

    /** Text files larger than this are refused: a workflow reading a video by mistake should not exhaust memory. */
    static final long MAX_BYTES = 64L << 20;

    @Override
    public NodeSignature signature() {
        return NodeSignature.builder()
                .input(PortSpec.optional("file", DataType.FILE, "The file to read; overrides 'path'."))
                .output(PortSpec.output("text", DataType.TEXT, "The content."))
                .parameter(ParameterSpec.of("path", ParameterType.FILE).label("File")
                        .help("The file to read when no file is connected; relative to the workflow's folder."))
                .parameter(ParameterSpec.of("encoding", ParameterType.CHOICE).label("Encoding").defaultValue("UTF-8")
                        .choices("UTF-8", "UTF-16", "ISO-8859-1", "windows-1252"))
                .build();
    }

    @Override
    public NodeExecutor configure(Parameters parameters) {
        Path configured = parameters.path("path");
        Charset charset = Charset.forName(parameters.string("encoding"));
        return new NodeExecutor() {
            @Override
            public Outputs execute(Inputs inputs, ExecutionContext context) throws Exception {
                Path file = file(inputs, configured, context);
                return Outputs.of("text", TextValue.of(read(file, charset)));
            }

            @Override
            public String fingerprint(Inputs inputs, ExecutionContext context) throws Exception {
                return FileStamp.describe(file(inputs, configured, context));
            }
        };
    }

    private static Path file(Inputs inputs, Path configured, ExecutionContext context) throws NodeExecutionException {
        if (inputs.has("file")) {
            return context.readable(inputs.path("file"));
        }
        if (configured == null) {
            throw new NodeExecutionException("no file to read: set 'path' or connect a file to the 'file' input.");
        }
        return context.readable(configured);
    }

    static String read(Path file, Charset charset) throws NodeExecutionException {
        try {
            if (Files.isDirectory(file)) {
                throw new NodeExecutionException("cannot read " + Quote.path(file) + ": it is a folder, not a file. Use"
                        + " 'List folder' to read the files in it.");
            }
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new NodeExecutionException("cannot read " + Quote.path(file) + ": it has " + (size >> 20) + " MiB, more"
                        + " than the " + (MAX_BYTES >> 20) + " MiB a text file may have here. Is it really text?");
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
                bytes = in.readNBytes((int) MAX_BYTES + 1); // the size may change after it was looked at
            }
            if (bytes.length > MAX_BYTES) {
                throw new NodeExecutionException("cannot read " + Quote.path(file) + ": it grew past the " + (MAX_BYTES >> 20)
                        + " MiB a text file may have here while it was read. Is it really text?");
            }
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (NoSuchFileException e) {
            throw new NodeExecutionException("cannot read " + Quote.path(file) + ": there is no such file. Check the path.");
        } catch (AccessDeniedException e) {
            throw new NodeExecutionException("cannot read " + Quote.path(file) + ": permission denied.");
        } catch (MalformedInputException e) {
            throw new NodeExecutionException("cannot read " + Quote.path(file) + " as " + charset.name() + ": it is not valid "
                    + charset.name() + " text. Choose the file's encoding in 'encoding', or check it is a text file.");
        } catch (CharacterCodingException e) {
            throw new NodeExecutionException("cannot read " + Quote.path(file) + " as " + charset.name() + ": " + Quote.path(e.getMessage()));
        } catch (IOException e) {
            throw new NodeExecutionException("cannot read " + Quote.path(file) + ": " + Quote.path(e.getMessage()), e);
        }
    }
}
