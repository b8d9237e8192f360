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
