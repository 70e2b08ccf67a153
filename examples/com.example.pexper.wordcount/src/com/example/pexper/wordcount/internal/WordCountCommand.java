package com.example.pexper.wordcount.internal;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

import com.pexper.commands.Command;
import com.pexper.commands.CommandContext;
import com.pexper.commands.ExitCode;
import com.pexper.commands.Options;
import com.pexper.commands.UsageException;

/**
 * {@code pexper word-count FILE...}: the Word count node's counts for text files, one line per
 * file and a total, as {@code wc} prints them. A plug-in adds a command by registering a
 * {@link Command} service; this annotation is all it takes (the build writes the component XML).
 */
@Component(service = Command.class)
public final class WordCountCommand implements Command {

    @Override
    public String name() {
        return "word-count";
    }

    @Override
    public String help() {
        return """
                word-count FILE...   count the words, lines and characters of text files (UTF-8)
                  --min N            count only words of at least N letters (default 1)
                  --json             print the counts as JSON
                """;
    }

    @Override
    public int run(List<String> arguments, CommandContext context) throws UsageException {
        Options options = Options.parse(name(), arguments, Set.of("json"), Set.of("min"));
        if (options.positional().isEmpty()) {
            throw new UsageException("usage: pexper word-count FILE... [--min N] [--json]");
        }
        int minimum = options.positiveInt("min", 1);
        Map<String, WordCounter.Counts> counted = new LinkedHashMap<>();
        for (String argument : options.positional()) {
            Path file = context.path(argument, "word-count");
            try {
                counted.put(argument, WordCounter.count(Files.readString(file, StandardCharsets.UTF_8), minimum));
            } catch (NoSuchFileException e) {
                context.err().println("pexper: " + file + " does not exist; give text files to count");
                return ExitCode.UNREADABLE;
            } catch (CharacterCodingException e) {
                context.err().println("pexper: " + file + " is not UTF-8 text; convert it first (e.g. with iconv)");
                return ExitCode.UNREADABLE;
            } catch (IOException e) {
                context.err().println("pexper: cannot read " + file + ": " + e.getMessage());
                return ExitCode.UNREADABLE;
            }
        }
        WordCounter.Counts total = counted.values().stream().reduce(new WordCounter.Counts(0, 0, 0),
                WordCounter.Counts::plus);
        if (options.flag("json")) {
            context.printJson(json -> {
                json.writeStartObject();
                for (Map.Entry<String, WordCounter.Counts> file : counted.entrySet()) {
                    json.writeObjectFieldStart(file.getKey());
                    json.writeNumberField("words", file.getValue().words());
                    json.writeNumberField("lines", file.getValue().lines());
                    json.writeNumberField("characters", file.getValue().characters());
                    json.writeEndObject();
                }
                json.writeEndObject();
            });
            return ExitCode.OK;
        }
        counted.forEach((file, counts) -> context.out().println(line(counts, file)));
        if (counted.size() > 1) {
            context.out().println(line(total, "total"));
        }
        return ExitCode.OK;
    }

    private static String line(WordCounter.Counts counts, String name) {
        return String.format(Locale.ROOT, "%8d %8d %8d  %s", counts.lines(), counts.words(), counts.characters(), name);
    }
}
