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
 * exceptions, so a failed write travels through them unchecked and {@link #push} throws it again as it was.
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
     * Gives a row to the operators: a row an expression fails on is a bad record, a failed write is thrown as it was.
     */
    static void push(RowConsumer operators, Row row, BadRecords badRecords) throws IOException {
        try {
            operators.accept(row);
        } catch (ExpressionEvaluationException e) {
            badRecords.add("row " + row + ": " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
