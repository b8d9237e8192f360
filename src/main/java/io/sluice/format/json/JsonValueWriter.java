package io.sluice.format.json;

import io.sluice.format.text.TextOutput;
import java.io.IOException;

/** Writes non-null values of one place in a schema as JSON; built once per place ({@link JsonValueWriters}). */
@FunctionalInterface
public interface JsonValueWriter {
    void write(TextOutput out, Object value) throws IOException;
}
