package io.sluice.format;

import io.sluice.row.Row;
import java.io.Closeable;
import java.io.IOException;

/**
 * Writes rows of one schema to one file; {@link #close()} finishes the file (footer, statistics) and must be called
 * for the file to be readable.
 *
 * <p>Values must be null or of the Java type {@link io.sluice.row.Values} gives for their column's type, and fit it
 * (a decimal's digits, a map's keys not null). A value that does not is the caller's error: {@link #write} throws
 * {@link IllegalArgumentException} naming the column, and the file is left incomplete — close the writer and delete
 * the file. The writer does not keep {@code row} (nor its values) after {@link #write} returns, so callers may reuse
 * it.
 */
public interface RowWriter extends Closeable {

    void write(Row row) throws IOException;
}
