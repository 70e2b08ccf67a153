package com.pexper.data.tests;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

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
    private final Path workingDirectory;
    private final InputStream typed;

    /** @param typed what the person types, line by line */
    Console(PexperHome home, Path workingDirectory, String typed) {
        this.home = home;
        this.workingDirectory = workingDirectory;
        this.typed = new java.io.ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8));
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
        return typed;
    }

    @Override
    public boolean terminal() {
        return false;
    }

    @Override
    public Path workingDirectory() {
        return workingDirectory;
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
        throw new UnsupportedOperationException("the data command prints no JSON");
    }

    @Override
    public String redact(String text) {
        return text;
    }

    @Override
    public int runWorkflow(Workflow workflow, Path outputFolder, List<Path> readable, int jobs) {
        throw new UnsupportedOperationException("the data command runs no workflow");
    }
}
