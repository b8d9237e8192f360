package io.sluice.api;

import io.sluice.row.Row;
import io.sluice.types.StructType;
import java.util.Map;

/**
 * Custom row-by-row work in Java, for what expressions do not say: a job's {@code map} stage names the class ({@code
 * function: {class: com.acme.Mask, options: {...}}}) and {@code sluice submit --jar} the jar that holds it.
 *
 * <p>Lifecycle: Sluice creates an instance through its public constructor without arguments, calls {@link #open} once,
 * {@link #apply} for every row, then {@link #close}. That happens when a job is checked (open and close only, to learn
 * the output schema) and in every task that runs the stage, each with its own instance: an instance serves one thread.
 *
 * <p>Rows: values are null or of the Java types {@link io.sluice.row.Values} gives for the column types, by position.
 * The input row and its values are only valid during {@link #apply}; emitted rows are read before {@link
 * RowEmitter#emit} returns, so one output row may be reused for every emit.
 *
 * <p>Errors: an exception thrown by {@link #open} fails the check of the job (its message is reported at the stage's
 * line) or the task; an exception thrown by {@link #apply} makes that input row a bad record, sent to the job's error
 * output with the exception's message (and fails the job beyond {@code max_bad_records}).
 */
public interface RowFunction {

    /**
     * Prepares the function for rows of {@code input} and returns the schema of the rows it emits (which may be
     * {@code input} itself).
     *
     * @param options the stage's {@code options}, as written (empty when there are none)
     * @throws IllegalArgumentException when the input or the options do not suit the function: say what to change
     */
    StructType open(StructType input, Map<String, String> options);

    /** Emits zero, one or more rows for one input row. */
    void apply(Row row, RowEmitter out);

    /** Releases what {@link #open} took; emits nothing. */
    default void close() {}
}
