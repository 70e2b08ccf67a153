package com.example.pexper.wordcount.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import com.example.pexper.wordcount.internal.WordCountCommand;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.pexper.commands.Command;
import com.pexper.commands.CommandContext;
import com.pexper.commands.JsonWriter;
import com.pexper.commands.UsageException;
import com.pexper.core.home.PexperHome;
import com.pexper.model.Workflow;

/** The proof that a plug-in can add a {@code pexper} command: word-count, run as the command line runs it. */
class WordCountCommandTest {

    @TempDir
    Path folder;

    /** What the command line gives a command, for a plug-in's own test. */
    private final class Console implements CommandContext {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        private final PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        private final PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);

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
            return new ByteArrayInputStream(new byte[0]);
        }

        @Override
        public boolean terminal() {
            return false;
        }

        @Override
        public Path workingDirectory() {
            return folder;
        }

        @Override
        public PexperHome home() {
            return new PexperHome(folder.resolve("home"));
        }

        @Override
        public AutoCloseable onInterrupt(Runnable action) {
            return () -> {
            };
        }

        @Override
        public void printJson(JsonWriter document) {
            try (JsonGenerator json = new JsonFactory().createGenerator(outStream)) {
                document.write(json);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public String redact(String text) {
            return text;
        }

        @Override
        public int runWorkflow(Workflow workflow, Path outputFolder, List<Path> readable, int jobs) {
            throw new UnsupportedOperationException("word-count runs no workflow");
        }
    }

    private Console run(int expectedCode, String... arguments) throws Exception {
        Console console = new Console();
        assertEquals(expectedCode, new WordCountCommand().run(Arrays.asList(arguments), console),
                console.err.toString(StandardCharsets.UTF_8));
        return console;
    }

    @Test
    void printsTheCountsOfEachFileAndTheirTotal() throws Exception {
        Files.writeString(folder.resolve("poem.txt"), "So much depends\nupon a red wheel\nbarrow \u2014 \ud83d\udc13\n");
        Files.writeString(folder.resolve("one.txt"), "one");
        Console console = run(0, "poem.txt", "one.txt", "--min", "2");
        assertEquals("""
                       3        7       44  poem.txt
                       1        1        3  one.txt
                       4        8       47  total
                """, console.out.toString(StandardCharsets.UTF_8));
        Console json = run(0, "one.txt", "--json");
        assertEquals("{\"one.txt\":{\"words\":1,\"lines\":1,\"characters\":3}}", json.out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aMissingOrNonUtf8FileIsNamedWithWhatToDo() throws Exception {
        assertTrue(run(3, "nowhere.txt").err.toString(StandardCharsets.UTF_8).contains("nowhere.txt does not exist"));
        Files.write(folder.resolve("latin1.txt"), new byte[] { 'c', 'a', 'f', (byte) 0xe9 });
        assertTrue(run(3, "latin1.txt").err.toString(StandardCharsets.UTF_8).contains("is not UTF-8 text"));
        UsageException none = assertThrows(UsageException.class, () -> run(2));
        assertTrue(none.getMessage().startsWith("usage: pexper word-count FILE..."), none.getMessage());
    }

    @Test
    @Tag("osgi")
    void isRegisteredAsACommandServiceForTheCommandLine() throws Exception {
        BundleContext context = FrameworkUtil.getBundle(WordCountCommand.class).getBundleContext();
        ServiceTracker<Command, Command> commands = new ServiceTracker<>(context, Command.class, null);
        commands.open();
        try {
            commands.waitForService(10_000);
            assertTrue(commands.getTracked().values().stream().anyMatch(c -> c.name().equals("word-count")
                    && c instanceof WordCountCommand), "no word-count command service: " + commands.getTracked());
        } finally {
            commands.close();
        }
    }
}
