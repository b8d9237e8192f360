package io.sluice.runtime.stage;

import io.sluice.row.Row;

/**
 * Takes rows one at a time. Operators push rows down a chain of consumers; a row is only valid during the call (the
 * pusher reuses it), so a consumer that keeps a row copies it.
 */
@FunctionalInterface
public interface RowConsumer {
    void accept(Row row);

    /** Called once no more rows come: operators release what they hold and close the consumers after them. */
    default void close() {}
}
