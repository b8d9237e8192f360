package io.sluice.runtime.mr;

import io.sluice.expr.ExpressionEvaluationException;
import io.sluice.row.Row;
import io.sluice.runtime.stage.RowConsumer;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.TaskInputOutputContext;

/**
 * A task's output as Sluice's row operators reach it. Operators are {@link RowConsumer}s, which throw no checked
 * exceptions, so a failed write travels through them unchecked and {@link #failed} throws it again as it was.
 */
final class TaskOutput {
    private TaskOutput() {}

    /** Writes one record; a failure is thrown as an {@link UncheckedIOException}. */
    static <K, V> void write(TaskInputOutputContext<?, ?, K, V> context, K key, V value) {
        try {
            context.write(key, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new InterruptedIOException("interrupted while writing"));
        }
    }

    /**
     * A consumer that writes rows as the task's output: straight to the task's output writer when the task opened
     * one ({@link RowOutputFormat#direct}), else through Hadoop's context.
     */
    static RowConsumer rows(TaskInputOutputContext<?, ?, NullWritable, Row> context) {
        return RowOutputFormat.direct(context).orElseGet(() -> row -> write(context, NullWritable.get(), row));
    }

    /**
     * What a task does when its operators fail on a row: a row an expression fails on is a bad record, a failed write
     * is thrown as it was. Each task type gives its rows to its operators itself, inside its own {@code try}: one
     * shared method doing so gave the JIT compiler a single call site whose profile mixed the map side's operators with
     * the reduce side's writers, so that the code compiled for one was thrown away (and compiled again) when the other
     * came.
     */
    static void failed(RuntimeException failure, Row row, BadRecords badRecords) throws IOException {
        if (failure instanceof ExpressionEvaluationException e) {
            badRecords.add("row " + row + ": " + e.getMessage());
        } else if (failure instanceof UncheckedIOException e) {
            throw e.getCause();
        } else {
            throw failure;
        }
    }
}
