package io.sluice.format;

import io.sluice.row.BadRecordException;
import io.sluice.row.Row;
import java.io.Closeable;
import java.io.IOException;

/**
 * Reads the records of one file (or one split of it) as rows of the {@link ReadSpec}'s schema.
 *
 * <p>A record that does not fit the schema makes {@link #next} throw {@link BadRecordException} with its location
 * and reason; the reader stays usable and the next call reads the next record. Values that do not parse as their
 * column's type are bad records — never silently turned into null.
 */
public interface RowReader extends Closeable {

    /** Fills {@code row} (of the schema's width) with the next record; false at the end. */
    boolean next(Row row) throws IOException, BadRecordException;

    /**
     * As {@link #next}, but the reader may also stop short of the end, where it chooses (a delimited reader: where it
     * fills its buffer, every few thousand records, or at a record its fast path does not read): false means "read
     * the next record with {@link #next}", which tells the end. A loop over millions of rows that reads them this way sees
     * its "no row" branch taken all along, so the JIT compiles that branch instead of a trap, and the end of the input
     * does not make the loop's compiled code useless to the next split read on this JVM. Readers that never stop
     * short read as {@link #next} does (false only at the end).
     */
    default boolean nextUntilPause(Row row) throws IOException, BadRecordException {
        return next(row);
    }

    /** True when {@link #nextUntilPause} may stop short of the end; false: its false is the end, as {@link #next}'s. */
    default boolean pauses() {
        return false;
    }

    /**
     * True when {@link #next} also takes a row wider than the schema, sets its first values and leaves the others as
     * they are: a caller that appends values of its own (partition values) can then hand the reader its row instead
     * of copying every value over.
     */
    default boolean fillsWiderRows() {
        return false;
    }

    /** The fraction of its input read so far, from 0 to 1, or a negative number when the reader cannot tell. */
    default float progress() {
        return -1;
    }
}
