package io.sluice.runtime.mr;

import io.sluice.format.BuiltinFormats;
import io.sluice.format.ReadSpec;
import io.sluice.format.RowReader;
import io.sluice.format.TextValueParser;
import io.sluice.row.BadRecordException;
import io.sluice.row.Row;
import io.sluice.types.DataType;
import java.io.IOException;
import java.util.Optional;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;

/**
 * Reads one input file as rows of its data columns followed by its partition values. A record the file's reader
 * rejects is counted and logged as a bad record, and reading goes on.
 */
final class RowRecordReader extends RecordReader<NullWritable, Row> {
    private RowReader reader;
    private Row data;
    private int width;
    private Row row;
    private Object[] partitionValues;
    private BadRecords badRecords;
    private long rows;
    private long length;
    /** Whether the file's reader may pause ({@link RowReader#pauses}). */
    private boolean pausing;

    private boolean ended;

    @Override
    public void initialize(InputSplit split, TaskAttemptContext context) throws IOException {
        RowInputSplit rowSplit = (RowInputSplit) split;
        InputFile file = rowSplit.file();
        ReadSpec spec = file.readSpec();
        length = rowSplit.getLength();
        reader = BuiltinFormats.formats()
                .forSpec(spec)
                .open(context.getConfiguration(), new Path(file.path()), rowSplit.start(), length, spec);
        pausing = reader.pauses();
        width = spec.schema().fields().size();
        partitionValues = new Object[file.partitionValues().size()];
        for (int i = 0; i < partitionValues.length; i++) {
            DataType type = DataType.parse(file.partitionTypes().get(i));
            String text = file.partitionValues().get(i);
            partitionValues[i] = "__HIVE_DEFAULT_PARTITION__".equals(text)
                    ? null
                    : TextValueParser.of(type, Optional.empty()).parse(text);
        }
        row = new Row(width + partitionValues.length);
        // A reader that fills the first values of a wider row fills the mapper's row itself: no copy per record.
        data = reader.fillsWiderRows() ? row : new Row(width);
        badRecords = BadRecords.of(context);
    }

    @Override
    public boolean nextKeyValue() throws IOException {
        while (!ended) {
            try {
                if (!reader.next(data)) {
                    ended = true;
                    return false;
                }
                complete();
                return true;
            } catch (BadRecordException e) {
                badRecords.add(e.getMessage());
            }
        }
        return false; // its reader is not asked again once it said it ended
    }

    /**
     * As {@link #nextKeyValue}, but false also where the file's reader pauses ({@link RowReader#nextUntilPause}) or
     * after a bad record: {@link #nextKeyValue} then reads on (and is false at the end).
     */
    boolean nextUntilPause() throws IOException {
        if (!pausing) {
            return nextKeyValue();
        }
        try {
            if (!reader.nextUntilPause(data)) {
                return false;
            }
        } catch (BadRecordException e) {
            badRecords.add(e.getMessage());
            return false;
        }
        complete();
        return true;
    }

    /** The row of the record just read: its data columns, then the partition values. */
    private void complete() {
        if (data != row) {
            for (int i = 0; i < width; i++) {
                row.setFrom(i, data, i);
            }
        }
        for (int i = 0; i < partitionValues.length; i++) {
            row.set(width + i, partitionValues[i]); // again each time: a stage may have changed the row
        }
        rows++;
    }

    @Override
    public NullWritable getCurrentKey() {
        return NullWritable.get();
    }

    @Override
    public Row getCurrentValue() {
        return row;
    }

    @Override
    public float getProgress() {
        float read = reader == null ? -1 : reader.progress();
        if (read >= 0) {
            return read;
        }
        return length == 0 ? 1 : Math.min(1, rows / (float) Math.max(1, length / 64)); // ~64 bytes a row
    }

    @Override
    public void close() throws IOException {
        if (reader != null) {
            reader.close();
        }
    }
}
