package com.pexper.gallery.tests;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pexper.commands.CommandContext;
import com.pexper.commands.JsonWriter;
import com.pexper.core.home.PexperHome;
import com.pexper.model.Workflow;

/** A command line for one command, its output kept to read. */
final class Console implements CommandContext {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
    private final PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
    private final PexperHome home;

    Console(PexperHome home) {
        this.home = home;
    }

    String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Override
    public PrintStream out() {
        return outStream;
    }

    @Override
    public PrintStream err() {
        return errStream;
    }

    @Override
    public InputStream in() {
        return InputStream.nullInputStream();
    }

    @Override
    public boolean terminal() {
        return false;
    }

    @Override
    public Path workingDirectory() {
        return home.root();
    }

    @Override
    public PexperHome home() {
        return home;
    }

    @Override
    public AutoCloseable onInterrupt(Runnable action) {
        return () -> {
        };
    }

    @Override
    public void printJson(JsonWriter document) {
        try (JsonGenerator json = new ObjectMapper().getFactory().createGenerator(outStream).useDefaultPrettyPrinter()) {
            document.write(json);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
        outStream.println();
    }

    @Override
    public String redact(String text) {
        return text;
    }

    @Override
    public int runWorkflow(Workflow workflow, Path outputFolder, List<Path> readable, int jobs) {
        throw new UnsupportedOperationException("the gallery command runs no workflow");
    }
}
