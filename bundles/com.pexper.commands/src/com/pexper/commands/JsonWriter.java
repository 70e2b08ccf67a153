package com.pexper.commands;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;

/** Writes one JSON document; see {@link CommandContext#printJson(JsonWriter)}. */
@FunctionalInterface
public interface JsonWriter {
    void write(JsonGenerator json) throws IOException;
}
